import { ambiguousDigitRun } from './ambiguous-digit-run.js';
import { blankTotal } from './blank-total.js';
import { breakdownCountMismatch } from './breakdown-count-mismatch.js';
import { breakdownSumMismatch } from './breakdown-sum-mismatch.js';
import { carryoverChain } from './carryover-chain.js';
import { childExceedsParent } from './child-exceeds-parent.js';
import { copiedText } from './copied-text.js';
import { cumulativeChain } from './cumulative-chain.js';
import { divisionTotalExceeded } from './division-total-exceeded.js';
import { doubledWord } from './doubled-word.js';
import { emptyPart } from './empty-part.js';
import { flowBalanceMismatch } from './flow-balance-mismatch.js';
import { inForceChain } from './in-force-chain.js';
import { internalError } from './internal-error.js';
import { invalidCount } from './invalid-count.js';
import { loadFailed } from './load-failed.js';
import { loadPartial } from './load-partial.js';
import { missingSection } from './missing-section.js';
import { moneyMagnitude } from './money-magnitude.js';
import { notAReport } from './not-a-report.js';
import { numberingGap } from './numbering-gap.js';
import { outcomeTotalMismatch } from './outcome-total-mismatch.js';
import { parentSumMismatch } from './parent-sum-mismatch.js';
import { percentageMismatch } from './percentage-mismatch.js';
import { periodDateMalformed } from './period-date-malformed.js';
import { periodEndMismatch } from './period-end-mismatch.js';
import { periodYearMismatch } from './period-year-mismatch.js';
import { planYearMismatch } from './plan-year-mismatch.js';
import { reviewLitigationTotal } from './review-litigation-total.js';
import type { CrossRule, Rule } from './rule.js';
import { sectionOrder } from './section-order.js';
import { signedBeforePeriodEnd } from './signed-before-period-end.js';
import { signedOutsideWindow } from './signed-outside-window.js';
import { staleYear } from './stale-year.js';
import { subsetExceedsTotal } from './subset-exceeds-total.js';
import { subtotalMismatch } from './subtotal-mismatch.js';
import { tableHeaderDuplicated } from './table-header-duplicated.js';
import { tableRowSum } from './table-row-sum.js';
import { textTableMismatch } from './text-table-mismatch.js';
import { titleYearMismatch } from './title-year-mismatch.js';

/**
 * The rules that check one report, in the order they run.
 *
 * @example
 * REPORT_RULES.map((r) => r.id);
 */
export const REPORT_RULES: Rule[] = [
  loadFailed,
  loadPartial,
  internalError,
  notAReport,
  periodYearMismatch,
  periodEndMismatch,
  periodDateMalformed,
  staleYear,
  titleYearMismatch,
  signedBeforePeriodEnd,
  signedOutsideWindow,
  planYearMismatch,
  breakdownSumMismatch,
  breakdownCountMismatch,
  subsetExceedsTotal,
  percentageMismatch,
  tableRowSum,
  tableHeaderDuplicated,
  outcomeTotalMismatch,
  flowBalanceMismatch,
  reviewLitigationTotal,
  blankTotal,
  emptyPart,
  subtotalMismatch,
  parentSumMismatch,
  childExceedsParent,
  invalidCount,
  textTableMismatch,
  missingSection,
  sectionOrder,
  numberingGap,
  ambiguousDigitRun,
  doubledWord,
];

/**
 * The rules that compare reports of a batch (by agency and year).
 *
 * @example
 * CROSS_RULES.map((r) => r.id); // ['carryover-chain', …]
 */
export const CROSS_RULES: CrossRule[] = [
  carryoverChain,
  inForceChain,
  cumulativeChain,
  moneyMagnitude,
  copiedText,
  divisionTotalExceeded,
];

/**
 * Every rule, report rules first: the one registry that docs, presets, `xxgk rules` and SARIF use.
 *
 * @example
 * RULES.find((r) => r.id === 'flow-balance-mismatch')?.meta.severity; // 'error'
 */
export const RULES: (Rule | CrossRule)[] = [...REPORT_RULES, ...CROSS_RULES];
