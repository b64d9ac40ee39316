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
