/** The Assumptions sheet's content (issue 19): the entries to test, by importance, with a four-box count of formulas. */
import { a1, a1Range, quoteSheetName } from './a1';
import { BLOCK_IDS, BLOCK_TITLES, type BlockId } from './block-ids';
import { BLOCK_PLACEMENT, blockArea, markerColumnOf, type CanvasLayout } from './canvas-layout';
import {
  EVIDENCE_STATUSES,
  IMPORTANCES,
  IMPORTANCE_WORDS,
  STATUS_WORDS,
  unverified,
  type EntryEvidence,
} from './evidence';
import { IF, call, formula, text } from './formula';
import { AUTOMATIC_FORMAT, textInput } from './literal';
import { EVIDENCE_MARKS } from './segment-markers';

/**
 * The Assumptions sheet (issue 19): every canvas entry Xiaomi's reporting does not back, most important first,
 * then by block, with a four-box count (importance × evidence) on top, as Strategyzer's assumptions map has it.
 * Entry texts are formulas on the canvas cells, so they follow a teammate's typing with no script; so do statuses,
 * read from the symbol in each entry's marker cell (a teammate may change it by hand); counts are formulas on the
 * table, so they follow both, and a teammate who re-rates a row here. Every add-on write rebuilds it.
 * Written into a fresh sheet's automatic-format cells: texts with a leading apostrophe (literal.ts).
 */
export const ASSUMPTIONS_SHEET = 'Assumptions';
/** Its title in A1, which also tells the add-on's sheet from a sheet of the same name a user made. */
export const ASSUMPTIONS_TITLE = 'Assumptions to test';
export const ASSUMPTIONS_COLUMNS = 5;
/** Rows above the table: title, note, blank, the four-box (3 rows), blank, the table header. */
export const ASSUMPTIONS_TABLE_ROW = 9;

export const assumptionsSheetName = (instance: number): string =>
  instance === 1 ? ASSUMPTIONS_SHEET : `${ASSUMPTIONS_SHEET} (${instance})`;

/** Where a block's entries are on the canvas sheet, and their evidence. */
export interface BlockEntries {
  id: BlockId;
  column: number;
  /** 1-based sheet rows, parallel to evidence. */
  rows: readonly number[];
  evidence: readonly EntryEvidence[];
}

/** Every block's entries where they sit on the canvas (`rowsOf`: their sheet rows), with their evidence. */
export function canvasEntries(
  layout: CanvasLayout,
  rowsOf: (id: BlockId) => readonly number[],
  evidence: Record<BlockId, readonly EntryEvidence[]>,
): BlockEntries[] {
  return BLOCK_IDS.map((id) => ({
    id,
    column: blockArea(layout, id).column,
    rows: rowsOf(id),
    evidence: evidence[id],
  }));
}

const rank = (e: EntryEvidence) => (e.importance ? IMPORTANCES.indexOf(e.importance) : IMPORTANCES.length);

/** The sheet's values (formulas included) from A1, and which rows are headings. */
export function assumptionsValues(
  canvasSheet: string,
  blocks: readonly BlockEntries[],
): { values: string[][]; headingRows: number[] } {
  const order = (id: BlockId) => BLOCK_IDS.indexOf(id);
  const rows = blocks
    .flatMap((b) => b.evidence.map((e, i) => ({ id: b.id, column: b.column, row: b.rows[i], e })))
    .filter((r) => unverified(r.e) && r.row !== undefined)
    .sort((x, y) => rank(x.e) - rank(y.e) || order(x.id) - order(y.id) || x.row - y.row);
  const t = (value: string) => textInput(value, AUTOMATIC_FORMAT);
  const last = ASSUMPTIONS_TABLE_ROW + Math.max(rows.length, 1) - 1;
  const span = (column: number) => a1Range(ASSUMPTIONS_TABLE_ROW, column, last - ASSUMPTIONS_TABLE_ROW + 1, 1);
  // COUNTIFS over the table's Importance (D) and Status (C) columns, one per status of the box.
  const count = (importances: readonly string[], statuses: readonly string[]) =>
    formula(
      importances
        .flatMap((imp) => statuses.map((s) => call('COUNTIFS', span(4), text(imp), span(3), text(s))))
        .join('+'),
    );
  const high = [IMPORTANCE_WORDS.high];
  const lower = [IMPORTANCE_WORDS.medium, IMPORTANCE_WORDS.low, NOT_RATED];
  const strong = [STATUS_WORDS.contradicted];
  const weak = [STATUS_WORDS.template, STATUS_WORDS.assumption];
  const values: string[][] = [
    [t(ASSUMPTIONS_TITLE), '', '', '', ''],
    [
      t(
        'Every canvas entry that Xiaomi’s own reporting does not back, most important first. Entries and statuses (the symbol beside each entry) follow the canvas as it is typed; set evidence and importance in the sidebar. Saves and Refresh Key Figures rebuild this list.',
      ),
      '',
      '',
      '',
      '',
    ],
    ['', '', '', '', ''],
    [
      '',
      t('Strong evidence (Xiaomi’s reporting contradicts it)'),
      t('Weak evidence (template claim or team assumption)'),
      '',
      '',
    ],
    [t('High importance'), count(high, strong), count(high, weak), '', ''],
    [t('Medium, low or not rated'), count(lower, strong), count(lower, weak), '', ''],
    ['', '', '', '', ''],
    [t('Block'), t('Entry'), t('Status'), t('Importance'), t('Source')],
    ...rows.map((r) => [
      t(BLOCK_TITLES[r.id]),
      // The entry as the canvas shows it now, without its bullet (a teammate's typing may have dropped it).
      entryFormula(`${quoteSheetName(canvasSheet)}!${a1(r.row, r.column)}`),
      statusFormula(`${quoteSheetName(canvasSheet)}!${a1(r.row, markerColumnOf(BLOCK_PLACEMENT[r.id]))}`, r.e),
      t(r.e.importance ? IMPORTANCE_WORDS[r.e.importance] : NOT_RATED),
      r.e.source === '' ? '' : t(r.e.source),
    ]),
  ];
  if (rows.length === 0) values.push([t('Every entry is backed by Xiaomi’s reporting.'), '', '', '', '']);
  return { values, headingRows: [1, 4, 8] };
}

export const NOT_RATED = 'Not rated';

/**
 * The status its marker's symbol shows (see markerStatus); the stored one when the symbol is none of them. Nested
 * IFs rather than IFS or SWITCH, which older Excel and an export without their prefix read as #NAME?.
 */
const statusFormula = (cell: string, e: EntryEvidence) =>
  formula(
    EVIDENCE_STATUSES.reduceRight(
      (otherwise, s) =>
        IF(`${call('LEFT', call('TRIM', cell))}=${text(EVIDENCE_MARKS[s][0])}`, text(STATUS_WORDS[s]), otherwise),
      text(STATUS_WORDS[e.status]),
    ),
  );

const entryFormula = (cell: string) =>
  formula(IF(`${call('LEFT', cell, '1')}=${text('•')}`, call('TRIM', call('MID', cell, '2', call('LEN', cell))), cell));
