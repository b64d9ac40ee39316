/** How segment ids and links are stored in the canvas's hidden column A, one entry row at a time. */
import { BLOCK_IDS, isBlockId, type BlockId } from './block-ids';
import { blockArea, layoutMarkers, type CanvasLayout } from './canvas-layout';
import { cellText } from './literal';
import { isSegmentId } from './segments';
import { packEvidence, unpackEvidence, type EntryEvidence } from './evidence';

/**
 * Where segment ids and links live: in the hidden marker column A of the canvas sheet, on each entry row, as
 * `links:{"customer-segments":"s2","value-propositions":["s1","s2"]}` — one key per block with an entry on that
 * row. Keeping them with the row means they follow the row: a teammate who types over an entry keeps its links,
 * rows inserted anywhere shift nothing, a deleted row takes its links along. A value that is damaged or unknown
 * reads as no links; the next save writes the column again from what was read. Each entry's evidence (issue 19)
 * rides in the same cell, under "evidence": {"channels":["reported","Reported Results: …"]}, for the same reasons.
 */
export const LINK_STORE_PREFIX = 'links:';

export type RowStore = Partial<Record<BlockId, string | string[]>> & {
  evidence?: Partial<Record<BlockId, EntryEvidence>>;
};

const EVIDENCE_KEY = 'evidence';

export function parseRowStore(value: unknown): RowStore {
  const text = cellText(value);
  // The store starts the cell, or follows a layout marker and a space (see linkColumn).
  const at = text.startsWith(LINK_STORE_PREFIX) ? 0 : text.indexOf(` ${LINK_STORE_PREFIX}`) + 1;
  if (at === 0 && !text.startsWith(LINK_STORE_PREFIX)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(at + LINK_STORE_PREFIX.length));
  } catch {
    return {};
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  const store: RowStore = {};
  for (const [key, item] of Object.entries(parsed as Record<string, unknown>)) {
    if (key === EVIDENCE_KEY && item !== null && typeof item === 'object') {
      const evidence: Partial<Record<BlockId, EntryEvidence>> = {};
      for (const [id, packed] of Object.entries(item as Record<string, unknown>)) {
        const e = unpackEvidence(packed);
        if (isBlockId(id) && e) evidence[id] = e;
      }
      store.evidence = evidence;
    }
    if (!isBlockId(key)) continue;
    if (key === 'customer-segments') {
      if (isSegmentId(item)) store[key] = item;
    } else if (Array.isArray(item)) {
      store[key] = item.filter(isSegmentId);
    }
  }
  return store;
}

/** The segment id stored on a Customer Segments row, or null. */
export function storedSegmentId(store: RowStore): string | null {
  const id = store['customer-segments'];
  return typeof id === 'string' ? id : null;
}

/** The links stored on a row for a block (not Customer Segments). */
export function storedLinks(store: RowStore, id: BlockId): string[] {
  const links = store[id];
  return Array.isArray(links) ? links : [];
}

/** The evidence stored on a row for a block's entry, or null (an entry typed on a row the add-on never wrote). */
export function storedEvidence(store: RowStore, id: BlockId): EntryEvidence | null {
  return store.evidence?.[id] ?? null;
}

/** What one block has, row by row, for the link column: its entry rows, with links or a segment id. */
export interface BlockRows {
  id: BlockId;
  /** 1-based sheet rows of the block's entries, in entry order. */
  rows: readonly number[];
  links: ReadonlyArray<readonly string[]>;
  /** Customer Segments only: the id of each entry. */
  segmentIds?: readonly string[];
  /** Parallel to the entries: each one's evidence. */
  evidence?: readonly EntryEvidence[];
}

/**
 * Column A from the top band's title row to the bottom band's end row, as written: the layout markers on their
 * rows, each entry row's store, and blanks, as raw text for column A's plain-text cells (literal.ts).
 */
export function linkColumn(
  layout: CanvasLayout,
  blocks: readonly BlockRows[],
): { firstRow: number; values: string[][] } {
  const firstRow = layout.topTitleRow;
  const values: string[] = Array<string>(layout.bottomEndRow - firstRow + 1).fill('');
  const stores = new Map<number, Record<string, unknown>>();
  const evidence = new Map<number, Record<string, unknown>>();
  for (const block of blocks) {
    block.rows.forEach((row, i) => {
      const e = block.evidence?.[i];
      if (e) evidence.set(row, { ...evidence.get(row), [block.id]: packEvidence(e) });
      const item = block.id === 'customer-segments' ? block.segmentIds?.[i] : block.links[i];
      if (item === undefined || (Array.isArray(item) && item.length === 0)) return;
      const store = stores.get(row) ?? {};
      store[block.id] = typeof item === 'string' ? item : [...item];
      stores.set(row, store);
    });
  }
  for (const row of evidence.keys()) if (!stores.has(row)) stores.set(row, {});
  for (const [row, store] of stores) {
    const ordered: Record<string, unknown> = Object.fromEntries(
      BLOCK_IDS.filter((id) => id in store).map((id) => [id, store[id]]),
    );
    const onRow = evidence.get(row);
    if (onRow)
      ordered[EVIDENCE_KEY] = Object.fromEntries(BLOCK_IDS.filter((id) => id in onRow).map((id) => [id, onRow[id]]));
    // Raw text: column A is plain text (@) and a store starts with its prefix, never ' or = (literal.ts).
    values[row - firstRow] = LINK_STORE_PREFIX + JSON.stringify(ordered);
  }
  // A structural row of one band can be an entry row of a taller block (the split rows of the top band): its
  // marker comes first, then the store, after a space (markers have none; see layoutFromMarkers).
  for (const { row, marker } of layoutMarkers(layout))
    values[row - firstRow] = values[row - firstRow] ? `${marker} ${values[row - firstRow]}` : marker;
  return { firstRow, values: values.map((v) => [v]) };
}

/** The rows of a block's entries when they are written packed from its first entry row. */
export function packedRows(layout: CanvasLayout, id: BlockId, count: number): number[] {
  const first = blockArea(layout, id).firstEntryRow;
  return Array.from({ length: count }, (_, i) => first + i);
}
