import { BLOCK_IDS, BLOCK_TITLES } from '../core/block-ids';

/**
 * Server messages in an analyst's words: fields named as the sidebar shows them ("entry 4", "figure 2's value"),
 * blocks by title, and no file-format or programming names. The server's meaning is kept; only names change.
 */

const FIGURE_FIELDS: Record<string, string> = {
  label: 'label',
  value: 'value',
  unit: 'unit',
  period: 'period',
  note: 'note',
  metric: 'metric',
  source: 'source sentence',
};

const TITLES = BLOCK_IDS.map((id) => BLOCK_TITLES[id]).join(', ');

export function plainServerError(message: string): string {
  let text = message
    .replace(/^Invalid canvas JSON:\s*/, 'This canvas file cannot be opened: ')
    .replace(/^Invalid save request:\s*/, 'The block could not be saved: ')
    .replace(
      /^Unsupported format ("[^"]*"): expected "xiaomi-canvas\/\d+"(?: \(or "xiaomi-canvas\/\d+"\))?\.?/,
      'This is not a canvas file (its format is $1).',
    )
    .replace(/not valid JSON \([^)]*\)/, 'it is damaged or is not a canvas file')
    .replace(/\s*\(blocks are listed in canonical order:[^)]*\)/g, '')
    .replace(/in canonical order \([^)]*\)/g, `in the canvas’s order (${TITLES})`)
    .replace(/in canonical order/g, 'in the canvas’s order')
    .replace(/blocks\[\d+\] \(([^)]+)\)(\.|$)/g, (_m, title: string, dot: string) => (dot ? `${title}, ` : title))
    .replace(/blocks\[(\d+)\](?:\.id)?/g, (_m, i: string) => `block ${Number(i) + 1}`)
    .replace(
      /figures\[(\d+)\]\.(\w+)/g,
      (_m, i: string, field: string) => `figure ${Number(i) + 1}’s ${FIGURE_FIELDS[field] ?? field}`,
    )
    .replace(/figures\[(\d+)\]/g, (_m, i: string) => `figure ${Number(i) + 1}`)
    .replace(/entries\[(\d+)\]/g, (_m, i: string) => `entry ${Number(i) + 1}`)
    .replace(/"xiaomi-canvas\/\d+"/g, 'a canvas file')
    .replace(/\bcanvas JSON\b/g, 'canvas file')
    .replace(/\bJSON\b/g, 'file');
  for (const id of BLOCK_IDS) text = text.split(`"${id}"`).join(BLOCK_TITLES[id]);
  return text;
}
