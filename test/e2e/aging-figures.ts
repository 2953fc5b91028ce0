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

/**
 * Reads an amount as formatMoney writes it in en-US, "-$1,234.56" or "€0.00", back into
 * cents. Only for currencies with two minor digits, which are all the e2e ledgers use.
 */
export function shownCents(text: string): number {
  const digits = text.replace(/[^\d]/g, '');
  if (digits === '' || !/\.\d\d$/.test(text.trim())) {
    throw new Error(`"${text}" is not an amount with two decimals.`);
  }
  const cents = Number(digits);
  return /^\s*[-−]/.test(text) ? -cents : cents;
}

export interface ShownFigureRow {
  readonly label: string;
  readonly cents: number;
}

/** Reads the rows of the dashboard's aging table: each bucket, unapplied, then the total. */
export async function shownDashboardAging(page: Page): Promise<ShownFigureRow[]> {
  const rows = page
    .getByRole('region', { name: 'Aging' })
    .locator('table')
    .locator('tbody tr, tfoot tr');
  const figureRows: ShownFigureRow[] = [];
  for (const row of await rows.all()) {
    const label = await row.locator('th').innerText();
    figureRows.push({ label, cents: shownCents(await row.locator('td').innerText()) });
  }
  return figureRows;
}
