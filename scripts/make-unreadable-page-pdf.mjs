// Makes test/cases/pdf-unreadable-page-2.pdf: a corpus PDF whose second page pdf.js cannot read, for the
// `load-partial` tests. The page's content-stream reference gets a generation number its object does not
// have (`/Contents 5 0 R` → `/Contents 5 9 R`); pdf.js then refuses that page alone ("Inconsistent generation
// in XRef") and reads the others. The edit keeps every byte offset, so the cross-reference table stays valid.
//
//   node scripts/make-unreadable-page-pdf.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(ROOT, 'test/corpus/seed-2018-shulan-minzheng.pdf');
const TARGET = join(ROOT, 'test/cases/pdf-unreadable-page-2.pdf');
const PAGE = 2;

// latin1 maps bytes one to one, so string offsets are byte offsets
const pdf = readFileSync(SOURCE).toString('latin1');
const kids = /\/Type\s*\/Pages[\s\S]*?\/Kids\s*\[([^\]]*)\]/.exec(pdf)?.[1];
const refs = [...(kids ?? '').matchAll(/(\d+)\s+0\s+R/g)].map((m) => m[1]);
const page = refs[PAGE - 1];
if (!page) throw new Error(`${SOURCE}: no page ${PAGE} in a flat page tree`);
const object = new RegExp(`(?:^|\\n)${page} 0 obj\\s*<<[\\s\\S]*?>>`).exec(pdf);
const contents = object && /\/Contents\s+(\d+) 0 R/.exec(object[0]);
if (!object || !contents) throw new Error(`${SOURCE}: page object ${page} has no /Contents reference`);
const at = object.index + contents.index + contents[0].length - 3; // the generation digit of "N 0 R"
const damaged = `${pdf.slice(0, at)}9${pdf.slice(at + 1)}`;
writeFileSync(TARGET, Buffer.from(damaged, 'latin1'));
console.log(`${TARGET}: page ${PAGE} (object ${page}) now points at object ${contents[1]} generation 9`);
