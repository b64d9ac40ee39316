/**
 * npm run export [-- --out FILE] [-- --from-state out/preview-state.json]
 *
 * Runs the built add-on (dist/Code.js) on the in-memory spreadsheet — "Insert Xiaomi canvas", exactly as in
 * Google Sheets — and writes the result as an Excel workbook (default out/xiaomi-canvas.xlsx): the canvas,
 * the details and Key Figures with live formulas, opening in Excel, LibreOffice or Google Sheets.
 */
import { relative, resolve } from 'node:path';
import { exportCanvas } from './xlsx/export-canvas';

const USAGE = `usage: npm run export [-- --out FILE] [-- --from-state FILE]

  --out FILE         where to write the workbook (default out/xiaomi-canvas.xlsx)
  --from-state FILE  export a saved preview state (e.g. out/preview-state.json) instead of a fresh canvas`;

interface Args {
  out: string;
  fromState?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { out: 'out/xiaomi-canvas.xlsx' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (!v) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--out' || flag === '-o') args.out = value();
    else if (flag === '--from-state') args.fromState = value();
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${arg}`);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const out = resolve(args.out);
  const result = await exportCanvas({ out, fromState: args.fromState ? resolve(args.fromState) : undefined });
  const shown = relative(process.cwd(), out) || out;
  console.log(`Wrote ${shown} (${(result.bytes / 1024).toFixed(1)} KB)`);
  console.log(`  sheets: ${result.sheets.join(', ')}`);
  console.log(`  ${result.namedRanges} named ranges; formulas carry their computed values and recalculate on open`);
}

main().catch((error: unknown) => {
  console.error(`export failed: ${error instanceof Error ? error.message : String(error)}`);
  console.error(USAGE);
  process.exit(1);
});
