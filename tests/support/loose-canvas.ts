/**
 * A canvas as plain parsed JSON that a test breaks on purpose: any field may be set to a value of any type,
 * added or deleted, while `blocks`, `entries` and `figures` stay reachable without casts.
 */
export interface LooseCanvas {
  [field: string]: unknown;
  blocks: LooseBlock[];
}

export interface LooseBlock {
  [field: string]: unknown;
  entries: unknown[];
  figures: Array<Record<string, unknown>>;
}
