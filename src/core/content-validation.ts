/** Validates canvas content against its schema plus the rules zod cannot express. */
import { canvasContentSchema, type CanvasContent } from './content-schema';

/**
 * Validates raw canvas content (e.g. the parsed content/xiaomi-canvas.json) against `canvasContentSchema`
 * plus a few rules zod cannot express conveniently. Pure: no file system, no Apps Script globals.
 *
 * On failure throws one Error whose message has one problem per line:
 *   `<file>: block <blockId> › <field path>: <message>`   for anything inside a block
 *   `<file>: <field path>: <message>`                      for canvas-level fields
 */
export function validateCanvasContent(raw: unknown, file: string): CanvasContent {
  const problems: string[] = [];
  const reportedPaths = new Set<string>();
  const parsed = canvasContentSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(describe(file, raw, issue.path, issue.message));
      reportedPaths.add(formatPath(issue.path));
    }
  }
  for (const extra of extraChecks(raw)) {
    // zod already explained this field (e.g. an empty source): do not report it twice.
    if (reportedPaths.has(formatPath(extra.path))) continue;
    problems.push(describe(file, raw, extra.path, extra.message));
  }
  if (problems.length > 0 || !parsed.success) {
    throw new Error(problems.length > 0 ? problems.join('\n') : `${file}: invalid canvas content`);
  }
  return parsed.data;
}

type PathKey = PropertyKey;

interface Problem {
  path: PathKey[];
  message: string;
}

/** Entry text may not look like a formula or a list marker once it lands in a cell. */
const FORBIDDEN_ENTRY_START = /^[=+\-@]/;

function extraChecks(raw: unknown): Problem[] {
  const problems: Problem[] = [];
  if (!isRecord(raw) || !Array.isArray(raw.blocks)) return problems;
  raw.blocks.forEach((block: unknown, b: number) => {
    if (!isRecord(block)) return;
    if (Array.isArray(block.entries)) {
      const seen = new Map<string, number>();
      block.entries.forEach((entry: unknown, e: number) => {
        if (typeof entry !== 'string') return;
        const text = entry.trim();
        if (FORBIDDEN_ENTRY_START.test(text)) {
          problems.push({
            path: ['blocks', b, 'entries', e],
            message: `must not start with "${text[0]}" (it would be read as a formula or list marker)`,
          });
        }
        const key = text.toLowerCase();
        const first = seen.get(key);
        if (first !== undefined) {
          problems.push({ path: ['blocks', b, 'entries', e], message: `duplicates entries[${first}] "${text}"` });
        } else {
          seen.set(key, e);
        }
      });
    }
    if (Array.isArray(block.figures)) {
      block.figures.forEach((figure: unknown, i: number) => {
        if (!isRecord(figure)) return;
        if (typeof figure.source !== 'string' || figure.source.trim() === '') {
          problems.push({
            path: ['blocks', b, 'figures', i, 'source'],
            message: 'every figure needs the seed sentence it came from',
          });
        }
      });
    }
  });
  return problems;
}

function describe(file: string, raw: unknown, path: readonly PathKey[], message: string): string {
  if (path.length >= 2 && path[0] === 'blocks' && typeof path[1] === 'number') {
    const index = path[1];
    const rest = formatPath(path.slice(2));
    const where = `block ${blockLabel(raw, index)}`;
    return rest ? `${file}: ${where} › ${rest}: ${message}` : `${file}: ${where}: ${message}`;
  }
  const where = formatPath(path);
  return where ? `${file}: ${where}: ${message}` : `${file}: ${message}`;
}

/** The block's id as written in the file, or its position when the id is missing or not a string. */
function blockLabel(raw: unknown, index: number): string {
  if (isRecord(raw) && Array.isArray(raw.blocks)) {
    const block: unknown = raw.blocks[index];
    if (isRecord(block) && typeof block.id === 'string' && block.id.trim() !== '') return block.id;
  }
  return `#${index + 1}`;
}

/** ['figures', 2, 'value'] → "figures[2].value". */
export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
