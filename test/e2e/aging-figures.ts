import type { Page } from 'playwright-core';
import type { AgingTotals } from '../../shared/aging.ts';
import { formatMoney } from '../../shared/money.ts';

/** Reads the cells of the aging summary's totals row: buckets, unapplied, total, count. */
export async function shownAgingTotals(page: Page): Promise<string[]> {
  const totalsRow = page.getByRole('region', { name: 'By client' }).locator('tfoot tr');
  return totalsRow.locator('td').allInnerTexts();
}

/** Formats `totals` as the totals row should show them, cell by cell. */
export function expectedAgingTotals(totals: AgingTotals, currency: string): string[] {
  return [
    ...Object.values(totals.buckets).map((cents) => formatMoney(cents, currency)),
    formatMoney(totals.unappliedPayments + totals.unappliedCredits, currency),
    formatMoney(totals.total, currency),
    String(totals.count),
  ];
}
