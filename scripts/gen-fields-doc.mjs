// Writes docs/fields.md from the key registry (ALL_KEYS in src/extract/keys.ts, built into dist/).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderFieldsDoc } from '../dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'fields.md');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, renderFieldsDoc());
console.log(`wrote ${out}`);
