/** The conformance probe's entry: runs every case of probe/cases.ts against real Google Sheets and logs a report. */
import { runProbeCases } from './cases';

/**
 * Run once from the Apps Script editor of a scratch spreadsheet's bound script: checks every assumption of
 * docs/sheets-assumptions.md against real Sheets and logs a JSON report (assumption, expected, observed, pass).
 */
export function runProbe(): string {
  const results = runProbeCases(SpreadsheetApp.getActiveSpreadsheet(), Utilities, SpreadsheetApp);
  const report = JSON.stringify({ passed: results.filter((r) => r.pass).length, of: results.length, results }, null, 2);
  console.log(report);
  return report;
}
