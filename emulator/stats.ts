/**
 * Call accounting.
 *
 * Every call of a Spreadsheet-service method (SpreadsheetApp, Spreadsheet, Sheet, Range, RangeList,
 * NamedRange, Protection) counts in `calls` and `byMethod` ("Range.setValues") and is classified:
 *
 * - read:  returns document state that a script cannot know without asking the server
 *          (getValues, getFormulas, getBackgrounds…, getSheets, getSheetByName, getLastRow, getDataRange…)
 * - write: changes the document (set*, insert*, delete*, merge*, breakApart, clear*, hide…, show…, protect…)
 * - other: navigation and UI (getRange, getRangeList, getRow, getA1Notation, getSheet, getParent, getUi,
 *          activate/setActive*, toast, flush…)
 *
 * `roundTrips` counts read phases: a read that is the first read, or the first read after a write,
 * starts a new round trip (Apps Script batches writes until a read forces them to the server).
 *
 * HtmlService, LockService, Ui/Menu, Session, Logger and Utilities calls are counted separately in
 * `serviceCalls`; they never count as Spreadsheet calls.
 */

export type Kind = 'read' | 'write' | 'other';

export interface Stats {
  calls: number;
  reads: number;
  writes: number;
  other: number;
  roundTrips: number;
  byMethod: Record<string, number>;
  byKind: { read: number; write: number; other: number };
  serviceCalls: Record<string, number>;
}

export function emptyStats(): Stats {
  return {
    calls: 0,
    reads: 0,
    writes: 0,
    other: 0,
    roundTrips: 0,
    byMethod: {},
    byKind: { read: 0, write: 0, other: 0 },
    serviceCalls: {},
  };
}

function copyStats(s: Stats): Stats {
  return {
    calls: s.calls,
    reads: s.reads,
    writes: s.writes,
    other: s.other,
    roundTrips: s.roundTrips,
    byMethod: { ...s.byMethod },
    byKind: { ...s.byKind },
    serviceCalls: { ...s.serviceCalls },
  };
}

function diffMap(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(after)) {
    const d = after[k] - (before[k] ?? 0);
    if (d !== 0) out[k] = d;
  }
  return out;
}

export function diffStats(after: Stats, before: Stats): Stats {
  return {
    calls: after.calls - before.calls,
    reads: after.reads - before.reads,
    writes: after.writes - before.writes,
    other: after.other - before.other,
    roundTrips: after.roundTrips - before.roundTrips,
    byMethod: diffMap(after.byMethod, before.byMethod),
    byKind: {
      read: after.byKind.read - before.byKind.read,
      write: after.byKind.write - before.byKind.write,
      other: after.byKind.other - before.byKind.other,
    },
    serviceCalls: diffMap(after.serviceCalls, before.serviceCalls),
  };
}

export interface TraceEntry {
  method: string;
  kind: Kind | 'service';
  /** Round trip number this call belongs to (reads) or follows (writes/other). */
  roundTrip: number;
}

export class StatsRecorder {
  /** Live counters (mutated in place, so references stay valid across resetStats). */
  readonly stats: Stats = emptyStats();
  /** When an array, every counted call is appended (handy when a budget test fails). */
  trace: TraceEntry[] | null = null;
  private readPhaseOpen = false;
  private suspended = 0;

  get counting(): boolean {
    return this.suspended === 0;
  }

  record(method: string, kind: Kind): void {
    if (this.suspended > 0) return;
    const s = this.stats;
    s.calls++;
    s.byMethod[method] = (s.byMethod[method] ?? 0) + 1;
    s.byKind[kind]++;
    if (kind === 'read') {
      s.reads++;
      if (!this.readPhaseOpen) {
        s.roundTrips++;
        this.readPhaseOpen = true;
      }
    } else if (kind === 'write') {
      s.writes++;
      this.readPhaseOpen = false;
    } else {
      s.other++;
    }
    if (this.trace) this.trace.push({ method, kind, roundTrip: s.roundTrips });
  }

  recordService(method: string): void {
    if (this.suspended > 0) return;
    this.stats.serviceCalls[method] = (this.stats.serviceCalls[method] ?? 0) + 1;
    if (this.trace) this.trace.push({ method, kind: 'service', roundTrip: this.stats.roundTrips });
  }

  /** Zeroes the counters in place; the next read starts a new round trip. */
  reset(): void {
    const fresh = emptyStats();
    Object.assign(this.stats, fresh);
    this.readPhaseOpen = false;
    if (this.trace) this.trace.length = 0;
  }

  snapshot(): Stats {
    return copyStats(this.stats);
  }

  /** Starts a fresh execution: the next read is a new round trip (as at the start of an Apps Script run). */
  newExecution(): void {
    this.readPhaseOpen = false;
  }

  /** Runs fn without counting anything. */
  uncounted<T>(fn: () => T): T {
    this.suspended++;
    try {
      return fn();
    } finally {
      this.suspended--;
    }
  }
}
