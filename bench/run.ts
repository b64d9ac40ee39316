/**
 * npm run bench — counts every operation of the add-on and of the naive baseline at 1×, 2× and 10× content,
 * estimates Apps Script wall time from the counts, measures the bundle, prints one table and writes it to
 * bench/results.md. Method and cost assumptions: bench/README.md.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, type } from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  DIST,
  MULTIPLIERS,
  OPERATIONS,
  ROOT,
  bundleWithContent,
  contentTimes,
  distCode,
  measureNaive,
  measureOurs,
  type Counts,
  type OperationCounts,
} from './measure';

/** Cost model (sources in bench/README.md): every Spreadsheet service call, plus every read-after-write round trip. */
export const MS_PER_CALL = 3;
export const MS_PER_ROUND_TRIP = 30;
const GOALS = {
  // issue 5 set 120, issue 9 125; issue 12 (Reported Results) and issue 14 (segments) share a budget of 130;
  // issues 17–20 share 145: the locale read and warning-only protections (17), the numbers sheet and its charts (18)
  insertCalls: 145,
  insertRoundTrips: 1,
  getCanvasRoundTrips: 1,
  saveRoundTrips: 2,
  codeKb: 150,
  loadMs: 30,
};
const LOAD_RUNS = 20;

const estimateMs = (c: Counts) => c.calls * MS_PER_CALL + c.roundTrips * MS_PER_ROUND_TRIP;

function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}

const thousands = (n: number) => n.toLocaleString('en-US');

/** ours/naive, written 1/N when ours is smaller (1/60 = sixty times fewer). */
const ratio = (ours: number, naive: number) =>
  naive === 0 || ours === 0
    ? '—'
    : ours < naive
      ? `1/${thousands(Math.round(naive / ours))}`
      : (ours / naive).toFixed(2);

/** Median time to read dist/Code.js and evaluate it in a fresh node:vm context, each run in a fresh Node process. */
function loadAndEvaluateMs(): { median: number; min: number; max: number } {
  const probe = `
    const { readFileSync } = require('node:fs');
    const vm = require('node:vm');
    const context = vm.createContext({});
    const t0 = process.hrtime.bigint();
    vm.runInContext(readFileSync(${JSON.stringify(resolve(DIST, 'Code.js'))}, 'utf8'), context, { filename: 'Code.js' });
    if (typeof context.getCanvas !== 'function') throw new Error('Code.js did not define getCanvas');
    process.stdout.write(String(Number(process.hrtime.bigint() - t0) / 1e6));`;
  const times: number[] = [];
  for (let i = 0; i < LOAD_RUNS; i++) {
    const run = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`loading dist/Code.js failed: ${run.stderr}`);
    times.push(Number(run.stdout));
  }
  times.sort((a, b) => a - b);
  const median = (times[LOAD_RUNS / 2 - 1] + times[LOAD_RUNS / 2]) / 2;
  return { median, min: times[0], max: times[times.length - 1] };
}

function machine(): string {
  const cpu = cpus();
  return `${type()} ${release()}, ${cpu[0]?.model.trim() ?? 'unknown CPU'} (${cpu.length} logical CPUs), Node ${process.version}`;
}

async function main(): Promise<void> {
  const ours = new Map<number, OperationCounts>();
  const naive = new Map<number, OperationCounts>();
  for (const times of MULTIPLIERS) {
    const code = times === 1 ? distCode() : await bundleWithContent(contentTimes(times));
    ours.set(times, measureOurs(code));
    naive.set(times, measureNaive(contentTimes(times)));
    process.stderr.write(`  measured ${times}× content\n`);
  }

  const header = [
    'Operation',
    'Content',
    'Calls',
    'Round trips',
    'Reads',
    'Writes',
    'Naive calls',
    'Naive round trips',
    'Calls ours/naive',
    'Round trips ours/naive',
    'Est. Apps Script (ours)',
    'Est. (naive)',
  ];
  const rows: string[][] = [];
  for (const op of OPERATIONS) {
    for (const times of MULTIPLIERS) {
      const o = ours.get(times)![op];
      const n = naive.get(times)![op];
      rows.push([
        op,
        `${times}×`,
        thousands(o.calls),
        thousands(o.roundTrips),
        thousands(o.reads),
        thousands(o.writes),
        thousands(n.calls),
        thousands(n.roundTrips),
        ratio(o.calls, n.calls),
        ratio(o.roundTrips, n.roundTrips),
        formatMs(estimateMs(o)),
        formatMs(estimateMs(n)),
      ]);
    }
  }

  const code = readFileSync(resolve(DIST, 'Code.js'));
  const sidebar = readFileSync(resolve(DIST, 'Sidebar.html'));
  const codeKb = code.length / 1024;
  const load = loadAndEvaluateMs();

  const o1 = ours.get(1)!;
  const flat = OPERATIONS.filter((op) => op !== 'insert').every((op) =>
    MULTIPLIERS.every((t) => ours.get(t)![op].calls === o1[op].calls),
  );
  const insertGrowth = Math.max(...MULTIPLIERS.map((t) => ours.get(t)!.insert.calls)) - o1.insert.calls;
  const check = (ok: boolean) => (ok ? 'met' : '**missed**');
  const goals = [
    [`insert ≤ ${GOALS.insertCalls} calls`, `${o1.insert.calls}`, check(o1.insert.calls <= GOALS.insertCalls)],
    ['insert 1 round trip', `${o1.insert.roundTrips}`, check(o1.insert.roundTrips <= GOALS.insertRoundTrips)],
    [
      'getCanvas 1 round trip',
      `${o1.getCanvas.roundTrips}`,
      check(o1.getCanvas.roundTrips === GOALS.getCanvasRoundTrips),
    ],
    [
      'saveBlock ≤ 2 round trips',
      `${o1['saveBlock (one entry)'].roundTrips} / ${o1['saveBlock (whole block)'].roundTrips}`,
      check(
        Math.max(o1['saveBlock (one entry)'].roundTrips, o1['saveBlock (whole block)'].roundTrips) <=
          GOALS.saveRoundTrips,
      ),
    ],
    ['dist/Code.js ≤ 150 KB', `${codeKb.toFixed(1)} KB`, check(codeKb <= GOALS.codeKb)],
    ['load and evaluate ≤ 30 ms (median of 20)', `${load.median.toFixed(1)} ms`, check(load.median <= GOALS.loadMs)],
    [
      'counts flat from 1× to 10× content',
      flat ? `yes (insert +${insertGrowth} call${insertGrowth === 1 ? '' : 's'})` : 'no',
      // insert may grow a new sheet that is too small: the getRange that finds out, then the row insert
      check(flat && insertGrowth <= 2),
    ],
  ];

  const table = (head: string[], body: string[][]) =>
    [
      `| ${head.join(' | ')} |`,
      `|${head.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`,
      ...body.map((r) => `| ${r.join(' | ')} |`),
    ].join('\n');
  const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const report = [
    '# Benchmark results',
    '',
    `Generated by \`npm run bench\` on ${when} — ${machine()}.`,
    `Method, naive baseline and cost model: [README.md](README.md). Estimated Apps Script time = ${MS_PER_CALL} ms per Spreadsheet call + ${MS_PER_ROUND_TRIP} ms per read-after-write round trip.`,
    '',
    table(header, rows),
    '',
    `Bundle: \`dist/Code.js\` ${thousands(code.length)} bytes (${codeKb.toFixed(1)} KB; gzip ${thousands(gzipSync(code).length)} bytes), ` +
      `\`dist/Sidebar.html\` ${thousands(sidebar.length)} bytes (gzip ${thousands(gzipSync(sidebar).length)} bytes). ` +
      `Load and evaluate \`dist/Code.js\` in a fresh \`node:vm\` context (fresh Node process each time, ${LOAD_RUNS} runs): ` +
      `median ${load.median.toFixed(1)} ms (min ${load.min.toFixed(1)}, max ${load.max.toFixed(1)}).`,
    '',
    table(['Goal (issues 5, 9, 12, 14 and 17–20)', 'Measured (1×)', 'Status'], goals),
    '',
  ].join('\n');

  console.log(report);
  writeFileSync(resolve(ROOT, 'bench/results.md'), report);
  console.error('wrote bench/results.md');
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
