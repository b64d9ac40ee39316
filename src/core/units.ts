/** Currency units: Key Figures converts these to USD billions; every other unit is compared as is. */
export const CURRENCY_UNITS = ['CNY bn', 'CNY m', 'USD bn', 'USD m'] as const;
