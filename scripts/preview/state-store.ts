/**
 * The preview's saved spreadsheet: out/preview-state.json holds fake.toJSON() after every change, written
 * atomically (a temporary file renamed over the old one), so a restart continues where the user left off.
 * A file that cannot be read back is never overwritten: it is renamed aside
 * (preview-state.corrupt-<timestamp>.json) and the caller is told why.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { loadFakeGoogle, type FakeGoogle, type FakeOptions } from '../../emulator';

export type LoadedState =
  | { kind: 'missing' }
  | { kind: 'loaded'; fake: FakeGoogle; text: string }
  | { kind: 'corrupt'; reason: string; movedTo: string };

/** Where a corrupt state file goes: same folder, `<name>.corrupt-<timestamp>.json` (never an existing file). */
export function corruptPath(file: string, now: Date = new Date()): string {
  const ext = extname(file) || '.json';
  const stem = basename(file, extname(file));
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let candidate = join(dirname(file), `${stem}.corrupt-${stamp}${ext}`);
  for (let n = 2; existsSync(candidate); n++) candidate = join(dirname(file), `${stem}.corrupt-${stamp}-${n}${ext}`);
  return candidate;
}

/** Reads and restores the saved spreadsheet. A file that is not a valid saved state is moved aside. */
export function loadState(file: string, options: FakeOptions): LoadedState {
  if (!existsSync(file)) return { kind: 'missing' };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const movedTo = corruptPath(file);
    renameSync(file, movedTo);
    return { kind: 'corrupt', reason, movedTo };
  }
  try {
    const data = JSON.parse(text) as unknown;
    const fake = loadFakeGoogle(data, options);
    return { kind: 'loaded', fake, text };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const movedTo = corruptPath(file);
    renameSync(file, movedTo);
    return { kind: 'corrupt', reason, movedTo };
  }
}

/** Writes the state atomically. */
export function saveState(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}
