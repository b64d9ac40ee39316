import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as vm from 'node:vm';
import { PROBE_CASES, runProbeCases, type ProbeResult } from '../../probe/cases';
import { createFakeGoogle } from '../../emulator';
import type { Reading } from '../../emulator/document';

/**
 * The conformance probe's cases, run against the fake: each row of docs/sheets-assumptions.md is pinned here.
 * Under the strict reading the fake gives every `expected`; under the lenient one, the undocumented rows give
 * their `lenient` value. The add-on's own suites pass under both (npm test runs them twice).
 */
function runAgainstFake(reading: Reading): ProbeResult[] {
  // A time zone far from UTC, so a date read back as UTC would show the wrong day.
  const fake = createFakeGoogle({ reading, timeZone: 'Asia/Shanghai' });
  // The chart-sheet case needs one, as in real Sheets (a maintainer moves a chart to its own sheet first).
  fake.direct.addChartSheet('Revenue chart');
  return runProbeCases(fake.spreadsheet, fake.globals.Utilities, fake.globals.SpreadsheetApp, (c) =>
    reading === 'lenient' && 'lenient' in c ? c.lenient : c.expected,
  );
}

describe('conformance probe cases against the fake', () => {
  test.each(['strict', 'lenient'] as const)('under the %s reading every case gives its expectation', (reading) => {
    const failed = runAgainstFake(reading).filter((r) => !r.pass);
    expect(failed).toEqual([]);
  });

  test('the two readings differ exactly on the undocumented behaviour the add-on does not depend on', () => {
    const strict = runAgainstFake('strict');
    const lenient = runAgainstFake('lenient');
    const differing = strict.filter((r, i) => JSON.stringify(r.observed) !== JSON.stringify(lenient[i].observed));
    expect(differing.map((r) => r.id).sort()).toEqual(
      PROBE_CASES.filter((c) => c.documented === null && JSON.stringify(c.lenient) !== JSON.stringify(c.expected))
        .map((c) => c.id)
        .sort(),
    );
  });

  test('every case names a Google page or says it is undocumented', () => {
    for (const c of PROBE_CASES) {
      if (c.documented !== null) expect(c.documented).toMatch(/^https:\/\/(developers|support)\.google\.com\//);
      else expect('lenient' in c).toBe(true);
    }
  });

  test('npm run build:probe writes a bundle whose top-level runProbe logs a passing JSON report', () => {
    const built = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'scripts/build-probe.ts'], { encoding: 'utf8' });
    expect(built.status).toBe(0);
    const manifest = JSON.parse(readFileSync('dist-probe/appsscript.json', 'utf8')) as { oauthScopes: string[] };
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
    const fake = createFakeGoogle({ reading: 'strict' });
    fake.direct.addChartSheet('Revenue chart');
    const context = vm.createContext({ ...fake.globals });
    vm.runInContext(readFileSync('dist-probe/Code.js', 'utf8'), context);
    const report = JSON.parse(vm.runInContext('runProbe()', context) as string) as {
      passed: number;
      of: number;
      results: ProbeResult[];
    };
    expect(report.of).toBe(PROBE_CASES.length);
    expect(report.results.filter((r) => !r.pass)).toEqual([]);
    expect(fake.logs.some((l) => l.message.includes('"passed"'))).toBe(true);
    expect(fake.direct.sheetNames()).toEqual(['Sheet1', 'Revenue chart']); // the scratch sheets are gone
  });
});
