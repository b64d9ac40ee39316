/** Currency units: Key Figures converts these to USD billions; every other unit is compared as is. */
export const CURRENCY_UNITS = ['CNY bn', 'CNY m', 'USD bn', 'USD m'] as const;
export type CurrencyUnit = (typeof CURRENCY_UNITS)[number];

/**
 * USD billions per one of each currency unit: `scale`, times the CNY→USD rate for CNY units. The one table both
 * the sidebar's comparison (a number) and Key Figures' Reported formulas (a formula of the rate cell) use.
 */
export const USD_BN_PER_UNIT: Record<CurrencyUnit, { scale: 1 | 0.001; timesRate: boolean }> = {
  'CNY bn': { scale: 1, timesRate: true },
  'CNY m': { scale: 0.001, timesRate: true },
  'USD bn': { scale: 1, timesRate: false },
  'USD m': { scale: 0.001, timesRate: false },
};

/** Units that count whole things: shown whole, with digit grouping ("16,000 employees"). */
const COUNT_UNITS = new Set([
  'employees',
  'stores',
  'retailers',
  'countries',
  'service centers',
  'patents',
  'users',
  'vehicles',
  'units',
]);

/**
 * The number format of a value in `unit`: counts whole with digit grouping, percentages with a % sign, anything
 * else grouped with `decimals`. With `named`, the unit follows the number ("51.2 USD bn"), for a column whose
 * unit is not in its header. A unit a teammate types later keeps the row's format until the next Refresh.
 */
export function valueFormat(unit: string | undefined, decimals = '#,##0.0', named = false): string {
  const u = (unit ?? '').trim();
  if (u === '%') return '#,##0.0"%"';
  const format = COUNT_UNITS.has(u.toLowerCase()) ? '#,##0' : decimals;
  return named && u ? `${format}" ${u.replace(/["\\]/g, '')}"` : format;
}
