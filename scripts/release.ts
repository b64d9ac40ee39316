/**
 * npm run release [-- "description"] — publishes a new Apps Script version of the add-on for the Marketplace.
 *
 * Refuses unless the working tree is committed and .clasp.prod.json names a real publishing script; then builds,
 * pushes dist/ to that script (clasp v3: `clasp -P .clasp.prod.json push --force`), creates an immutable version
 * (`clasp create-version`) and prints its number, the one to enter in the Marketplace SDK (App configuration ›
 * Editor add-on › Sheets add-on script version). See marketplace/RUNBOOK.md. Tests and CI never run it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './bundle-host';

export const PROD_PROJECT_FILE = '.clasp.prod.json';
export const PROD_PROJECT_EXAMPLE = '.clasp.prod.example.json';

/** Runs a command in the repository; `capture` returns its standard output instead of showing it. */
export type CommandRunner = (
  command: string,
  args: readonly string[],
  options: { capture: boolean },
) => { status: number; stdout: string };

export interface ReleaseOptions {
  root: string;
  run: CommandRunner;
  log: (line: string) => void;
  /** The version's description in Apps Script (default: the git tag or commit being released). */
  description?: string;
}

/** A release refused before anything was built or pushed: the message says what to do. */
export class ReleaseRefused extends Error {}

/** Apps Script IDs are long base64url-like strings; the example file's text (or any REPLACE marker) is not one. */
export function isRealScriptId(id: unknown): id is string {
  return typeof id === 'string' && /^[A-Za-z0-9_-]{20,}$/.test(id) && !/REPLACE|YOUR/i.test(id);
}

/** The publishing project's script ID, or a refusal that says how to set it up. */
export function publishingScriptId(root: string): string {
  const file = join(root, PROD_PROJECT_FILE);
  if (!existsSync(file))
    throw new ReleaseRefused(
      `${PROD_PROJECT_FILE} is missing: copy ${PROD_PROJECT_EXAMPLE} to ${PROD_PROJECT_FILE} and put the publishing script's ID in it (marketplace/RUNBOOK.md).`,
    );
  let config: { scriptId?: unknown; rootDir?: unknown };
  try {
    config = JSON.parse(readFileSync(file, 'utf8')) as { scriptId?: unknown; rootDir?: unknown };
  } catch {
    throw new ReleaseRefused(`${PROD_PROJECT_FILE} is not valid JSON.`);
  }
  if (!isRealScriptId(config.scriptId))
    throw new ReleaseRefused(
      `${PROD_PROJECT_FILE} still has a placeholder script ID: put the publishing script's ID in it (Apps Script › Project Settings › Script ID).`,
    );
  if (config.rootDir !== 'dist') throw new ReleaseRefused(`${PROD_PROJECT_FILE} must have "rootDir": "dist".`);
  return config.scriptId;
}

/** Releases: checks, build, push, version. Returns the new Apps Script version number. */
export function release(options: ReleaseOptions): number {
  const { root, run, log } = options;
  const scriptId = publishingScriptId(root);
  const status = run('git', ['status', '--porcelain'], { capture: true });
  if (status.status !== 0)
    throw new ReleaseRefused('git status failed: run the release from a clone of the repository.');
  if (status.stdout.trim() !== '')
    throw new ReleaseRefused(
      `The working tree has uncommitted changes; commit or stash them first, so the version is exactly a commit:\n${status.stdout.trimEnd()}`,
    );
  const description =
    options.description ?? run('git', ['describe', '--tags', '--always', '--dirty'], { capture: true }).stdout.trim();

  const step = (what: string, command: string, args: string[]) => {
    log(`› ${what}`);
    if (run(command, args, { capture: false }).status !== 0) throw new Error(`${what} failed; nothing was versioned.`);
  };
  step('Building dist/', 'npm', ['run', 'build']);
  step(`Pushing dist/ to script ${scriptId}`, 'npx', ['clasp', '-P', PROD_PROJECT_FILE, 'push', '--force']);

  log(`› Creating a version: ${description}`);
  const created = run('npx', ['clasp', '-P', PROD_PROJECT_FILE, '--json', 'create-version', description], {
    capture: true,
  });
  const json = /\{[^{}]*"versionNumber"[^{}]*\}/.exec(created.stdout)?.[0];
  const versionNumber = json ? (JSON.parse(json) as { versionNumber?: unknown }).versionNumber : undefined;
  if (created.status !== 0 || typeof versionNumber !== 'number')
    throw new Error(`clasp create-version did not report a version number:\n${created.stdout}`);

  log('');
  log(`Apps Script version ${versionNumber} of script ${scriptId} (${description}).`);
  log(`Enter ${versionNumber} in the Marketplace SDK › App configuration › Sheets add-on script version, then save.`);
  log(`Add it to CHANGELOG.md next to ${description}.`);
  return versionNumber;
}

const spawnRunner: CommandRunner = (command, args, { capture }) => {
  const result = spawnSync(command, args, {
    cwd: repoRoot(),
    encoding: 'utf8',
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
  });
  return { status: result.status ?? 1, stdout: result.stdout ?? '' };
};

if (/release\.(c?js|ts)$/.test(process.argv[1] ?? '')) {
  try {
    release({ root: repoRoot(), run: spawnRunner, log: (line) => console.log(line), description: process.argv[2] });
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`release ${error instanceof ReleaseRefused ? 'refused' : 'failed'}: ${message}`);
    process.exit(1);
  }
}
