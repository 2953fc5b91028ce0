import type { Row } from '@tanstack/react-table';

/**
 * Orders amounts by currency first: cents of different currencies are not comparable, so a
 * list sorted by balance groups each currency's amounts together.
 */
export function byCurrencyThenAmount<T extends { currency: string }>(
  a: Row<T>,
  b: Row<T>,
  columnId: string,
): number {
  const byCurrency = a.original.currency.localeCompare(b.original.currency);
  if (byCurrency !== 0) return byCurrency;
  return a.getValue<number>(columnId) - b.getValue<number>(columnId);
}
