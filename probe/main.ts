import { runProbeCases } from './cases';

/**
 * Run once from the Apps Script editor of a scratch spreadsheet's bound script: checks every assumption of
 * docs/sheets-assumptions.md against real Sheets and logs a JSON report (assumption, expected, observed, pass).
 */
export function runProbe(): string {
  const results = runProbeCases(SpreadsheetApp.getActiveSpreadsheet(), Utilities);
  const report = JSON.stringify({ passed: results.filter((r) => r.pass).length, of: results.length, results }, null, 2);
  console.log(report);
  return report;
}
