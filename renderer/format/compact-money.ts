import { minorUnitDigits } from '../../shared/money.ts';

const formats = new Map<string, Intl.NumberFormat>();

/** Short amounts for chart axes, in major units: "$120K". Never for figures in tables. */
export function formatCompactMoney(majorUnits: number, currency: string): string {
  let format = formats.get(currency);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      notation: 'compact',
      maximumFractionDigits: 1,
    });
    formats.set(currency, format);
  }
  return format.format(majorUnits);
}

/** Minor units as a number of major units, for plotting only: precision is not needed. */
export function toMajorUnits(cents: number, currency: string): number {
  return cents / 10 ** minorUnitDigits(currency);
}
