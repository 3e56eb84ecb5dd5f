import type { Evidence, Figure, Report } from '../../model/index.js';

/** The six applicant columns of table 三, without 总计. */
export const APPLICANT_COLS = [
  'natural',
  'commercial',
  'research',
  'publicInterest',
  'legalService',
  'otherOrg',
];
/** The printed names of the table 三 columns. */
export const COL_NAMES: Record<string, string> = {
  natural: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  publicInterest: '社会公益组织',
  legalService: '法律服务机构',
  otherOrg: '其他',
  total: '总计',
};

/** All seven numeric columns of table 三. */
export const REQUEST_COLS = [...APPLICANT_COLS, 'total'];

/** The outcome groups of table 三 (三、本年度办理结果) and their item rows. */
export const OUTCOME_GROUPS: { group: string; name: string; items: string[] }[] = [
  { group: 'granted', name: '（一）予以公开', items: ['granted'] },
  { group: 'partial', name: '（二）部分公开', items: ['partial'] },
  {
    group: 'denied',
    name: '（三）不予公开',
    items: [
      'denied.stateSecret',
      'denied.prohibitedByLaw',
      'denied.securityStability',
      'denied.thirdParty',
      'denied.internalAffairs',
      'denied.processInfo',
      'denied.enforcementFiles',
      'denied.queryMatters',
    ],
  },
  {
    group: 'unavailable',
    name: '（四）无法提供',
    items: ['unavailable.notHeld', 'unavailable.needsCreation', 'unavailable.stillUnclear'],
  },
  {
    group: 'notProcessed',
    name: '（五）不予处理',
    items: [
      'notProcessed.petition',
      'notProcessed.repeated',
      'notProcessed.publication',
      'notProcessed.massRepeated',
      'notProcessed.confirmation',
    ],
  },
  {
    group: 'otherHandling',
    name: '（六）其他处理',
    items: [
      'otherHandling.all',
      'otherHandling.noCorrection',
      'otherHandling.unpaidFee',
      'otherHandling.other',
    ],
  },
];

/** Every data row of table 三, in table order. */
export const REQUEST_ROWS = [
  'newReceived',
  'carriedOver',
  ...OUTCOME_GROUPS.flatMap((g) => g.items),
  'denied.subtotal',
  'unavailable.subtotal',
  'notProcessed.subtotal',
  'otherHandling.subtotal',
  'resultTotal',
  'carriedForward',
];

/**
 * A figure the report states (derived figures are left out: they cannot disagree with their sources).
 *
 * @example
 * stated(report, 'requests.newReceived.total')?.value; // 64
 */
export function stated(report: Report, key: string): Figure | undefined {
  const f = report.figures[key];
  return f && !f.derived ? f : undefined;
}

/**
 * Evidence pointing at a figure, labelled with its key.
 *
 * @example
 * figureEvidence('total', 'requests.resultTotal.total', figure);
 */
export function figureEvidence(role: string, key: string, f: Figure): Evidence {
  return {
    role,
    label: key,
    span: f.span,
    text: f.stated,
    value: f.value,
    ...(f.origin ? { origin: f.origin } : {}),
  };
}

/**
 * Adds up the figures of some keys that are present; `undefined` when none is.
 *
 * @example
 * sumOf(report, ['review.upheld', 'review.corrected']); // { sum: 3, parts: [[key, figure], …] }
 */
export function sumOf(
  report: Report,
  keys: string[],
): { sum: number; parts: [string, Figure][] } | undefined {
  const parts: [string, Figure][] = [];
  for (const key of keys) {
    const f = stated(report, key);
    if (f) parts.push([key, f]);
  }
  if (parts.length === 0) return undefined;
  return { sum: round(parts.reduce((a, [, f]) => a + f.value, 0)), parts };
}

/**
 * Rounds away floating-point noise from sums of decimals.
 *
 * @example
 * round(0.1 + 0.2); // 0.3
 */
export function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
