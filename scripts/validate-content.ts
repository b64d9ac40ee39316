/** Reads and validates content/xiaomi-canvas.json and content/reported-results.json for the build. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CanvasContent } from '../src/core/content-schema';
import { validateCanvasContent } from '../src/core/content-validation';
import { validateReportedResults, type ReportedResults } from '../src/core/reported-schema';

export const DEFAULT_CONTENT_PATH = 'content/xiaomi-canvas.json';

/**
 * Reads and validates the canvas content file. `path` is resolved against the current working directory
 * (the repository root when run from npm scripts) but error messages name it exactly as given.
 * Throws an Error with one `<file>: [block <id> › ]<field>: <message>` line per problem.
 */
export function loadAndValidateContent(path: string = DEFAULT_CONTENT_PATH): CanvasContent {
  let text: string;
  try {
    text = readFileSync(resolve(process.cwd(), path), 'utf8');
  } catch (error) {
    throw new Error(`${path}: cannot read content file (${(error as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: invalid JSON: ${(error as Error).message}`);
  }
  return validateCanvasContent(raw, path);
}

export const REPORTED_CONTENT_PATH = 'content/reported-results.json';

/** Reads and validates Xiaomi's reported results; throws one `<file>: <field>: <message>` line per problem. */
export function loadAndValidateReported(path: string = REPORTED_CONTENT_PATH): ReportedResults {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(resolve(process.cwd(), path), 'utf8'));
  } catch (error) {
    throw new Error(`${path}: cannot read reported results (${(error as Error).message})`);
  }
  return validateReportedResults(raw, path);
}
