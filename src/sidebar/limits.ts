/**
 * The server's request limits (design.md, issue 3), mirrored so the sidebar can point at the wrong field
 * before calling the server. The server stays the authority: it validates every request again.
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
} as const;
