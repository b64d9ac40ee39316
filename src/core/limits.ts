/**
 * Limits of what a user may write through the sidebar (and imports): each keeps a block within Sheets' cell
 * limit and readable on the canvas. The server validates against them; the sidebar checks them first so it can
 * point at the wrong field before calling the server. No dependencies, so the client bundle can import it.
 */
export const LIMITS = {
  entries: 60,
  entryLength: 1000,
  figures: 40,
  labelLength: 200,
  unitLength: 40,
  periodLength: 40,
  noteLength: 500,
  metricLength: 60,
  versionLength: 64,
  /** Items of a save's `base` (the block as the sheet held it, which may exceed what the form allows). */
  baseItems: 2000,
} as const;
