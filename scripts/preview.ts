/**
 * npm start [-- --fresh] — the local preview of the add-on (run after `npm run build`).
 *
 * Runs the built dist/Code.js on the in-memory spreadsheet (the same fake the tests use), inserts the
 * canvas on first start, and serves a Sheets-like page with the real sidebar on http://127.0.0.1:8080
 * (PORT to change; loopback only). Every change is saved to out/preview-state.json and reloaded next time;
 * --fresh starts over.
 */
import { relative } from 'node:path';
import { DEFAULT_PORT, startPreview } from './preview/server';

const USAGE = `usage: npm start [-- --fresh] [-- --state FILE]

  --fresh       start over with a newly inserted canvas (replaces the saved state)
  --state FILE  where the spreadsheet is saved (default out/preview-state.json)
  PORT=8081     listen on another port (default ${DEFAULT_PORT}; always 127.0.0.1 only)`;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let fresh = false;
  let stateFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--fresh') fresh = true;
    else if (arg === '--state') stateFile = argv[++i];
    else if (arg.startsWith('--state=')) stateFile = arg.slice('--state='.length);
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      return;
    } else throw new Error(`unknown option ${arg}\n${USAGE}`);
  }
  const portText = process.env.PORT;
  const port = portText === undefined || portText === '' ? DEFAULT_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${portText}"`);

  const preview = await startPreview({ port, fresh, stateFile });
  const state = relative(process.cwd(), preview.stateFile) || preview.stateFile;
  const { startup } = preview;
  if (startup.corrupt) {
    console.error(`\n⚠  ${state} could not be read: ${startup.corrupt.reason}`);
    console.error(
      `   It was kept aside as ${relative(process.cwd(), startup.corrupt.movedTo)}; starting with a newly inserted canvas.\n`,
    );
  }
  const how = {
    restored: `Continuing from ${state} (npm start -- --fresh starts over).`,
    new: `Inserted a new canvas; changes are saved to ${state}.`,
    fresh: `Started over (--fresh) with a new canvas; changes are saved to ${state}.`,
    recovered: `Inserted a new canvas; changes are saved to ${state}.`,
  }[startup.source];
  console.log(`Xiaomi Canvas preview — the built dist/Code.js on an in-memory spreadsheet`);
  console.log(`  ${how}`);
  console.log(`\n  Open ${preview.url}\n`);
  console.log('  Ctrl+C to stop.');

  const stop = () => {
    void preview.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`preview failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
