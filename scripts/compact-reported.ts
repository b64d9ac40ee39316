/** Build step: embeds Xiaomi's reported results compactly (each document and statement once). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { packedJsonModule } from './packed-json';
import type { ReportedResults } from '../src/core/reported-schema';

/**
 * Apps Script loads the whole bundle on every call, so the reported results are embedded compactly: each
 * document, statement, address and outlet once, one short row per figure that points at them, and the whole
 * compressed like the canvas content (packed-json.ts). The module exports a function that unpacks the same
 * `{ figures }` shape as content/reported-results.json (which the build validates first); src/server/reported.ts
 * calls it once, when a call needs the figures.
 */
export async function compactReportedModule(file: ReportedResults): Promise<string> {
  const index = (list: string[], value: string) => {
    const at = list.indexOf(value);
    return at >= 0 ? at : list.push(value) - 1;
  };
  const documents: string[] = [];
  const published: string[] = [];
  const texts: string[] = [];
  const rows = file.figures.map((f) => {
    const d = index(documents, f.source.document);
    published[d] = f.source.published;
    const t = (v: string | undefined) => (v === undefined ? -1 : index(texts, v));
    return [
      f.metric,
      f.period,
      f.value,
      f.unit,
      d,
      f.source.kind.charAt(0),
      t(f.source.outlet),
      t(f.source.statement),
      t(f.source.url),
      t(f.note),
    ];
  });
  const data = { d: documents, p: published, t: texts, r: rows };
  // The module unpacks the rows back into `{ figures }` of the file's shape.
  return (
    (await packedJsonModule(data, 'unpackRows')).replace('export default function', 'function') +
    `export default function unpackReported(){const{d,p,t,r}=unpackRows();` +
    `const k={a:"announcement",t:"translation",c:"coverage"};` +
    `return{figures:r.map(([metric,period,value,unit,i,kind,out,s,u,n])=>{` +
    `const source={document:d[i],publisher:"Xiaomi Corporation",published:p[i],kind:k[kind]};` +
    `if(out>=0)source.outlet=t[out];source.statement=t[s];source.url=t[u];` +
    `const f={metric,period,value,unit,source};if(n>=0)f.note=t[n];return f;})};}`
  );
}

/** esbuild plugin: content/reported-results.json becomes the compact module above. */
export function compactReportedResults(root: string): Plugin {
  return {
    name: 'compact-reported-results',
    setup(build) {
      build.onLoad({ filter: /[\\/]content[\\/]reported-results\.json$/ }, async () => ({
        contents: await compactReportedModule(
          JSON.parse(readFileSync(resolve(root, 'content/reported-results.json'), 'utf8')) as ReportedResults,
        ),
        loader: 'js',
        resolveDir: root,
      }));
    },
  };
}
