/**
 * Writes content/xiaomi-canvas-3.schema.json (and the -2 and -1 files for the previous versions, which still
 * import): the JSON Schema of the "xiaomi-canvas/3" format, generated from the zod schema the server
 * validates imports and snapshots with (src/core/canvas-json.ts), for other tools.
 *
 *   node scripts/run-ts.mjs scripts/write-json-schema.ts          # (re)write the file
 *   node scripts/run-ts.mjs scripts/write-json-schema.ts --check  # fail if the committed file is out of date
 *
 * tests/unit/canvas-json.test.ts checks that the committed file matches too.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod/mini';
import {
  CANVAS_JSON_FORMAT,
  CANVAS_JSON_FORMAT_V1,
  CANVAS_JSON_FORMAT_V2,
  CANVAS_JSON_MAX_BYTES,
  canvasJsonSchema,
  canvasJsonSchemaV1,
  canvasJsonSchemaV2,
  jsonFigureSchema,
} from '../src/core/canvas-json';
import { entriesSchema } from '../src/core/requests';
import { IMPORTANCES } from '../src/core/evidence';

export const SCHEMA_PATH = 'content/xiaomi-canvas-3.schema.json';
export const SCHEMA_PATH_V2 = 'content/xiaomi-canvas-2.schema.json';
export const SCHEMA_PATH_V1 = 'content/xiaomi-canvas-1.schema.json';

type JsonSchemaNode = Record<string, unknown>;

/**
 * The schema document. zod's generator gives the structure and every length/count limit; on top: required texts
 * must hold a non-space character (zod trims before checking, which JSON Schema cannot say), and a title and
 * description for readers.
 */
export function canvasJsonSchemaDocument(version: 1 | 2 | 3 = 3): JsonSchemaNode {
  // Named definitions for the parts every block shares.
  const names = z.registry<{ id: string; description?: string }>();
  names.add(entriesSchema, { id: 'entries', description: "A block's entries (sticky notes), one idea each." });
  names.add(jsonFigureSchema, {
    id: 'figure',
    description:
      'A figure: a number with its unit and period; note, metric (groups comparable figures) and source (where it came from) are optional.',
  });
  const schema = version === 3 ? canvasJsonSchema : version === 2 ? canvasJsonSchemaV2 : canvasJsonSchemaV1;
  const generated = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    metadata: names,
    unrepresentable: 'any',
    override: (ctx) => {
      const node = ctx.jsonSchema as JsonSchemaNode;
      // The one custom check in the format: an entry's importance (see evidenceSchema).
      if (ctx.zodSchema._zod.def.type === 'custom') node.enum = [...IMPORTANCES, null];
      if (node.type === 'string' && node.minLength === 1 && node.const === undefined) node.pattern = '\\S';
    },
  }) as JsonSchemaNode;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: `Xiaomi Business Model Canvas (${version === 3 ? CANVAS_JSON_FORMAT : version === 2 ? CANVAS_JSON_FORMAT_V2 : CANVAS_JSON_FORMAT_V1})`,
    description:
      `A whole Business Model Canvas as exported and imported by the Xiaomi Canvas add-on for Google Sheets: ` +
      `the entries and figures of the nine blocks, in canonical order` +
      (version >= 2
        ? `, with the customer segments' ids (segmentIds on Customer Segments) and which segments each entry of the other blocks serves (links, one list of segment ids per entry)`
        : '') +
      (version === 3
        ? `, and each entry's evidence (evidence, one item per entry: status reported, template, assumption or contradicted; source, required for reported and contradicted; importance high, medium, low or null). `
        : '. ') +
      `Texts are trimmed on import; text lengths ` +
      `count UTF-16 code units (an emoji may count 2). ` +
      `Files larger than ${CANVAS_JSON_MAX_BYTES / (1024 * 1024)} MB are refused. Generated from src/core/canvas-json.ts by scripts/write-json-schema.ts.`,
    ...rest,
  };
}

export function canvasJsonSchemaText(version: 1 | 2 | 3 = 3): string {
  return `${JSON.stringify(canvasJsonSchemaDocument(version), null, 2)}\n`;
}

function main(): void {
  for (const [file, version] of [
    [SCHEMA_PATH, 3],
    [SCHEMA_PATH_V2, 2],
    [SCHEMA_PATH_V1, 1],
  ] as const)
    writeOrCheck(file, version);
}

function writeOrCheck(SCHEMA_PATH: string, version: 1 | 2 | 3): void {
  const path = resolve(process.cwd(), SCHEMA_PATH);
  const textValue = canvasJsonSchemaText(version);
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // missing counts as out of date
    }
    if (current !== textValue) {
      console.error(`${SCHEMA_PATH} is out of date: run node scripts/run-ts.mjs scripts/write-json-schema.ts`);
      process.exit(1);
    }
    console.log(`${SCHEMA_PATH} is up to date`);
    return;
  }
  writeFileSync(path, textValue);
  console.log(`wrote ${SCHEMA_PATH}`);
}

// Run as a script (scripts/run-ts.mjs points argv[1] at the bundled file); importing it (tests) runs nothing.
if (/write-json-schema\.(c?js|ts)$/.test(process.argv[1] ?? '')) main();
