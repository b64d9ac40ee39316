/** The Key Figures formulas that look up Xiaomi's reported results. */
import { quoteSheetName } from './a1';
import { ABS, AND, EMPTY, IF, ISNUMBER, NOT, OR, SUMPRODUCT, formula, text } from './formula';
import { CURRENCY_UNITS, USD_BN_PER_UNIT, type CurrencyUnit } from './units';
import { lowerBoundCondition } from './figure-bound';

/** Where Key Figures finds Xiaomi's reported results: the sheet and the last row its lookups cover. */
export interface ReportedRange {
  sheet: string;
  lastRow: number;
}

/** Columns of the Reported Results sheet that the formulas read. */
const METRIC = 'A';
const PERIOD = 'B';
const VALUE = 'C';
const UNIT = 'D';

/** USD billions per one `unit`, as a formula of the rate cell (see USD_BN_PER_UNIT). */
function usdPerUnit(unit: CurrencyUnit, rate: string): string {
  const { scale, timesRate } = USD_BN_PER_UNIT[unit];
  const base = timesRate ? rate : '1';
  return scale === 1 ? base : `${base}/1000`;
}

/**
 * The three formulas of one Key Figures row (Reported, Vs reported, Reported check), for sheet row `r`.
 *
 * Reported is the reported value with the row's metric and period, in the row's unit: currency units convert
 * through the rate cell (CNY ↔ USD) and bn ↔ m; other units must be equal. It is the mean of the matching
 * rows whose value is a number, so a duplicate typed into Reported Results cannot double it, and text, a blank
 * or a misplaced number in another row changes nothing (the value column is SUMPRODUCT's own argument, where
 * text counts as 0, never inside arithmetic, where it is #VALUE!). Lookups are SUMPRODUCTs of exact
 * equalities, which mean the same in Google Sheets, Excel and LibreOffice (no wildcards, no criteria
 * parsing, no approximate match); periods compare as text on both sides, because "2024" is text in one sheet
 * and may be a number in another.
 *
 * Reported check flags a figure whose Vs reported exceeds the tolerance either way, except a lower bound (its
 * Note says "over …", see figure-bound.ts), which is flagged only when it exceeds the reported value by more
 * than the tolerance: "over 600 million" against 702 million reported holds.
 */
export function reportedFormulas(
  r: number,
  reported: ReportedRange,
  cells: { rate: string; tolerance: string; flag: string },
): string[] {
  const span = (col: string) => `${quoteSheetName(reported.sheet)}!$${col}$2:$${col}$${Math.max(reported.lastRow, 2)}`;
  const [C, D, E, F, I, K, L] = ['C', 'D', 'E', 'F', 'I', 'K', 'L'].map((col) => `${col}${r}`);
  const { rate, tolerance } = cells;
  const values = span(VALUE);
  const match = `(""&${span(METRIC)}=""&${I})*(""&${span(PERIOD)}=""&${E})*${ISNUMBER(values)}`;
  const unitIs = (u: string) => `(${span(UNIT)}=${text(u)})`;
  const reportedCurrency = `(${CURRENCY_UNITS.map(unitIs).join('+')})`;
  const reportedUsd = `(${CURRENCY_UNITS.map((u) => `${unitIs(u)}*${usdPerUnit(u, rate)}`).join('+')})`;
  const rowUsd = CURRENCY_UNITS.slice(0, -1).reduceRight(
    (rest, u) => IF(`${D}=${text(u)}`, usdPerUnit(u, rate), rest),
    usdPerUnit(CURRENCY_UNITS[CURRENCY_UNITS.length - 1], rate),
  );
  const isCurrency = OR(...CURRENCY_UNITS.map((u) => `${D}=${text(u)}`));
  const currencyCount = SUMPRODUCT(`${match}*${reportedCurrency}`);
  const sameUnit = `(""&${span(UNIT)}=""&${D})`;
  const sameUnitCount = SUMPRODUCT(`${match}*${sameUnit}`);
  const fromCurrency = IF(
    AND(ISNUMBER(rate), `${rate}>0`, `${currencyCount}>0`),
    `${SUMPRODUCT(`${match}*${reportedUsd}`, values)}/${currencyCount}/(${rowUsd})`,
    EMPTY,
  );
  const fromSameUnit = IF(
    `${sameUnitCount}>0`,
    `${SUMPRODUCT(`${match}*${sameUnit}`, values)}/${sameUnitCount}`,
    EMPTY,
  );
  return [
    formula(IF(OR(`${I}=${EMPTY}`, NOT(ISNUMBER(C))), EMPTY, IF(isCurrency, fromCurrency, fromSameUnit))),
    formula(IF(AND(ISNUMBER(C), ISNUMBER(K)), IF(`${K}=0`, EMPTY, `${C}/${K}-1`), EMPTY)),
    formula(
      IF(
        AND(ISNUMBER(L), ISNUMBER(tolerance)),
        IF(`${IF(lowerBoundCondition(F), L, ABS(L))}>${tolerance}`, text(cells.flag), EMPTY),
        EMPTY,
      ),
    ),
  ];
}
