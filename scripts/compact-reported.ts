/** Build step: embeds Xiaomi's reported results compactly (each document and statement once). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import type { ReportedResults } from '../src/core/reported-schema';

/**
 * Apps Script loads the whole bundle on every call, so the reported results are embedded compactly: each
 * document, statement and address once, and one short row per figure that points at them. The module still
 * exports the same `{ figures }` shape as content/reported-results.json (which the build validates first).
 */
export function compactReportedModule(file: ReportedResults): string {
  const index = (list: string[], value: string) => {
    const at = list.indexOf(value);
    return at >= 0 ? at : list.push(value) - 1;
  };
  const documents: string[] = [];
  const published: string[] = [];
  const statements: string[] = [];
  const urls: string[] = [];
  const rows = file.figures.map((f) => {
    const d = index(documents, f.source.document);
    published[d] = f.source.published;
    return [f.metric, f.period, f.value, f.unit, d, index(statements, f.source.statement), index(urls, f.source.url)];
  });
  const json = (v: unknown) => JSON.stringify(v);
  return (
    `const d=${json(documents)},p=${json(published)},s=${json(statements)},u=${json(urls)};` +
    `export default{figures:${json(rows)}.map(([metric,period,value,unit,i,j,k])=>({metric,period,value,unit,` +
    `source:{document:d[i],publisher:"Xiaomi Corporation",published:p[i],statement:s[j],url:u[k]}}))};`
  );
}

/** esbuild plugin: content/reported-results.json becomes the compact module above. */
export function compactReportedResults(root: string): Plugin {
  return {
    name: 'compact-reported-results',
    setup(build) {
      build.onLoad({ filter: /[\\/]content[\\/]reported-results\.json$/ }, () => ({
        contents: compactReportedModule(
          JSON.parse(readFileSync(resolve(root, 'content/reported-results.json'), 'utf8')) as ReportedResults,
        ),
        loader: 'js',
      }));
    },
  };
}
