import WordExtractor from 'word-extractor';
import { LoadError, type LoadedText } from './loaded.js';
import { type GridCell, TextBuilder } from './text-builder.js';

/**
 * Loads a legacy Word 97–2003 `.doc` (OLE compound file) with word-extractor. Its text marks table cells
 * with tabs, so runs of tab-separated lines are rebuilt as tables (merged cells cannot be told apart).
 *
 * @example
 * const loaded = await loadDoc(readFileSync('report.doc'));
 */
export async function loadDoc(bytes: Uint8Array): Promise<LoadedText> {
  let body: string;
  try {
    const doc = await new WordExtractor().extract(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    );
    body = doc.getBody();
  } catch (error) {
    const message = (error as Error)?.message ?? String(error);
    if (/not seem to be a Word document/i.test(message)) {
      throw new LoadError('unsupported-format', `the OLE file is not a Word document (${message})`, {
        cause: error,
      });
    }
    throw new LoadError('corrupt', `the .doc file is damaged or truncated (${message})`, { cause: error });
  }
  return docTextToLoaded(body);
}

/**
 * Turns word-extractor's text into paragraphs and tables: consecutive lines holding tabs are the rows of
 * one table, cells split at tabs (row-end tabs dropped), rows padded to the widest.
 *
 * @example
 * docTextToLoaded('一、概述\n规章\t0\t\n规范性文件\t2\t\n').tables[0].rows.length; // 2
 */
export function docTextToLoaded(body: string): LoadedText {
  const out = new TextBuilder();
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  let paragraph = 0;
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.length));
    const grid: GridCell[][] = rows.map((r) =>
      Array.from({ length: width }, (_, c) => ({ text: r[c] ?? '' })),
    );
    out.table(grid);
    rows = [];
  };
  for (const line of lines) {
    if (line.includes('\t')) {
      const cells = line.replace(/\t+$/, '').split('\t');
      rows.push(cells.map((c) => c.trim()));
      continue;
    }
    flush();
    paragraph++;
    out.paragraph(line.trim(), { paragraph });
  }
  flush();
  return out.finish('doc');
}
