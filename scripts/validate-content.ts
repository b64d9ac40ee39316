import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CanvasContent } from '../src/core/content-schema';
import { validateCanvasContent } from '../src/core/content-validation';

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
