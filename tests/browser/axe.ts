import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * axe-core in the page under test: its source is injected as an inline script (nothing is fetched), then
 * axe.run checks the whole document (serious and critical violations) or one part of it (every WCAG 2.1 A and
 * AA violation), one line each.
 */

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

async function injectAxe(page: Page): Promise<void> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ content: AXE_SOURCE });
}

export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await injectAxe(page);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${v.impact} ${v.id}: ${v.help} at ${JSON.stringify(n.target)} — ${n.failureSummary ?? ''}`),
    );
}

/**
 * axe-core's violations of the WCAG 2.1 A and AA rules within `selector`: the parts a feature adds, audited
 * whatever their impact (the page as a whole is audited by seriousAxeViolations).
 */
export async function axeViolationsWithin(page: Page, selector: string): Promise<string[]> {
  await injectAxe(page);
  const result = await page.evaluate(async (include) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            o: unknown,
            c: unknown,
          ): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }>;
        };
      }
    ).axe;
    return axe.run(
      { include: [[include]] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
    );
  }, selector);
  return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}
