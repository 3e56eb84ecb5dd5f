import * as z from 'zod';
import { ReportSchema } from '../model/index.js';

/**
 * The JSON Schema (draft 2020-12) of one output record, generated from the zod `ReportSchema`; the same text
 * as `schema/report.schema.json` and `xxgk schema`.
 *
 * @example
 * const schema = JSON.parse(reportJsonSchemaText());
 */
export function reportJsonSchemaText(): string {
  const schema = z.toJSONSchema(ReportSchema, { io: 'output', unrepresentable: 'any' });
  const out = {
    $schema: schema.$schema,
    $id: 'https://xxgk-report.dev/schema/report.schema.json',
    title: 'xxgk-report Report record',
    description:
      'One record per input file, as written by `xxgk parse` (json array items, jsonl lines). Spans are [start, end) UTF-16 offsets into `text`.',
    ...schema,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
