/** What saving or restoring a snapshot changes, computed from what was read before any write (read → plan → apply). */
import type { BlockId } from './block-ids';
import type { BlockContent } from './block-write-plan';
import type { CanvasJson } from './canvas-json';
import { plainFigure } from './figure';
import { freeSheetName } from './sheet-names';
import {
  SNAPSHOT_COLUMNS,
  SNAPSHOT_HEADER,
  SNAPSHOT_PROTECTION_DESCRIPTION,
  SNAPSHOT_RANGE_NAME,
  SNAPSHOT_SHEET_NAME,
  snapshotHeaderValues,
  snapshotRowValues,
} from './snapshot';
import { blockVersion, versionLinks } from './version';
import type { SnapshotInfo } from './view';

/** The snapshot sheet as read before any write: where its last row is and how big it is, or that there is none. */
export type SnapshotSheetRead =
  | { exists: true; lastRow: number; maxRows: number; maxColumns: number }
  | { exists: false; sheetNames: readonly string[] };

/** A snapshot sheet to create: after every other sheet, header frozen, findable by name, warning-only protected. */
export interface NewSnapshotSheet {
  name: string;
  index: number;
  /** The size the new sheet needs at least (header and first snapshot). */
  rows: number;
  columns: number;
  header: string[];
  rangeName: string;
  /** Columns A..E share one width; the JSON columns keep Sheets' default. */
  labelColumns: { count: number; width: number };
  note: { column: number; text: string };
  protection: string;
}

/** Appending one snapshot row: the sheet to create (or null), how it grows, and the row's cells. */
export interface SnapshotAppendPlan {
  create: NewSnapshotSheet | null;
  insertRows: { after: number; count: number } | null;
  insertColumns: { after: number; count: number } | null;
  row: number;
  values: string[];
}

export const SNAPSHOT_JSON_NOTE =
  'The canvas as "xiaomi-canvas/3" JSON, split over cells F, G, … (a cell holds at most 50,000 characters). Edit with care: a changed cell makes its snapshot unusable.';

export function planSnapshotAppend(read: SnapshotSheetRead, info: SnapshotInfo, json: string): SnapshotAppendPlan {
  const values = snapshotRowValues(info, json);
  if (!read.exists) {
    return {
      create: {
        name: freeSheetName(read.sheetNames, (n) => (n === 1 ? SNAPSHOT_SHEET_NAME : `${SNAPSHOT_SHEET_NAME} (${n})`)),
        index: read.sheetNames.length,
        rows: 2,
        columns: Math.max(values.length, SNAPSHOT_HEADER.length),
        header: snapshotHeaderValues(),
        rangeName: SNAPSHOT_RANGE_NAME,
        labelColumns: { count: SNAPSHOT_COLUMNS.json - 1, width: 160 },
        note: { column: SNAPSHOT_COLUMNS.json, text: SNAPSHOT_JSON_NOTE },
        protection: SNAPSHOT_PROTECTION_DESCRIPTION,
      },
      insertRows: null,
      insertColumns: null,
      row: 2,
      values,
    };
  }
  const row = read.lastRow + 1;
  return {
    create: null,
    insertRows: row > read.maxRows ? { after: read.maxRows, count: row - read.maxRows } : null,
    insertColumns:
      values.length > read.maxColumns ? { after: read.maxColumns, count: values.length - read.maxColumns } : null,
    row,
    values,
  };
}

/**
 * The blocks a restore writes: those whose restored content differs from the canvas now (compared by version, as
 * saves are). Links name segments by id, so the segments' ids come with Customer Segments.
 */
export function planRestoreBlocks(
  instance: number,
  currentVersions: Readonly<Record<BlockId, string>>,
  restored: CanvasJson,
): BlockContent[] {
  return restored.blocks
    .filter(
      (b) =>
        blockVersion(
          instance,
          b.id,
          b.entries,
          b.figures.map(plainFigure),
          versionLinks(b.id, b.links, restored.segmentIds),
          b.evidence,
        ) !== currentVersions[b.id],
    )
    .map((b) => ({
      id: b.id,
      entries: b.entries,
      figures: b.figures,
      links: b.links,
      evidence: b.evidence,
      ...(b.id === 'customer-segments' ? { segmentIds: restored.segmentIds } : {}),
    }));
}

/** The segments' ids after a restore: the snapshot's when it restores Customer Segments, else the canvas's. */
export function segmentIdsAfterRestore(
  blocks: readonly BlockContent[],
  restored: CanvasJson,
  current: readonly string[],
): readonly string[] {
  return blocks.some((b) => b.id === 'customer-segments') ? restored.segmentIds : current;
}
