import type {
  Ambiguity,
  Anchor,
  Channel,
  Claim,
  Figure,
  Meta,
  NumberingIssue,
  Section,
  Table,
} from './index.js';
import type { Format } from './report.js';

/**
 * The document as the analysis stages see it: normalized text and everything located in it so far.
 * Each stage reads what earlier stages filled in.
 *
 * @example
 * const ctx = createContext({ text, format: 'txt' });
 */
export interface DocContext {
  file: string;
  format: Format;
  text: string;
  tables: Table[];
  anchors: Anchor[];
  /** Fields a loader or crawler header gave (`标题`, `发布时间`, PDF Title …). */
  properties: Record<string, string>;
  sections: Section[];
  numbering: NumberingIssue[];
  meta: Meta;
  figures: Record<string, Figure>;
  channels: Channel[];
  ambiguities: Ambiguity[];
  /** Statements read from the prose; filled by the claims stage (`extractClaims`). */
  claims?: Claim[];
}

/** An empty {@link Meta}. */
export function emptyMeta(): Meta {
  return { eraEvidence: [], contact: {}, spans: {} };
}
