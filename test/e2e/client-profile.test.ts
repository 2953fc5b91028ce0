import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../electron/ledger/database.ts';
import { hasChromium, type BrowserSession } from './browser-session.ts';
import { openCsvLedgerSession, type CsvLedgerSession } from './csv-ledger-session.ts';

// The steps build on each other: the second saves over what the first left.
describe.skipIf(!hasChromium).sequential('client credit and terms form', () => {
  let opened: CsvLedgerSession;
  let session: BrowserSession;
  let dbPath: string;

  beforeAll(async () => {
    opened = await openCsvLedgerSession(
      'Date,Due date,Invoice,Customer,Amount\n2026-03-01,2026-03-31,A-1,acme,50\n',
    );
    ({ session, dbPath } = opened);
    await session.page.getByLabel('As of').fill('2026-03-31');
  }, 60_000);

  afterAll(() => opened?.close());

  function storedProfile() {
    const db = openLedger(dbPath, { readOnly: true });
    try {
      return db
        .prepare(
          `SELECT credit_limit_cents AS cents, credit_limit_currency AS currency,
                  terms_template_id AS terms, size_band AS size, industry FROM clients`,
        )
        .get();
    } finally {
      db.close();
    }
  }

  function detail(term: string): Promise<string> {
    return session.page
      .locator('.detail-list div', { has: session.page.getByText(term, { exact: true }) })
      .locator('dd')
      .innerText();
  }

  it('saves a limit, terms and size, and the details show them', async () => {
    const { page } = session;
    await session.open('#/clients/1');
    await expect
      .poll(() => detail('Payment terms'))
      .toBe('Net 30, 5 grace days, 1.5% interest a month (the ledger default)');
    await page.getByText('Change credit limit and terms').click();
    await page.getByLabel('Credit limit', { exact: true }).fill('12,500.50');
    await page.getByLabel('Limit currency').fill('usd');
    await page.getByLabel('Payment terms').selectOption('2-10-net-30');
    await page.getByLabel('Size').selectOption('small');
    await page.getByLabel('Industry').fill('Construction');
    await page.getByRole('button', { name: 'Save credit and terms' }).click();
    await expect.poll(() => page.getByText('Credit and terms saved.').count()).toBe(1);
    await expect.poll(() => detail('Credit limit')).toBe('$12,500.50');
    expect(await detail('Payment terms')).toBe('2/10 net 30, 5 grace days, 1.5% interest a month');
    expect(await detail('Size')).toBe('small');
    expect(storedProfile()).toEqual({
      cents: 1_250_050,
      currency: 'USD',
      terms: '2-10-net-30',
      size: 'small',
      industry: 'Construction',
    });
    expect(session.pageErrors).toEqual([]);
  });

  it('names a bad amount and saves nothing', async () => {
    const { page } = session;
    const limit = page.getByLabel('Credit limit', { exact: true });
    await limit.fill('12x');
    await page.getByRole('button', { name: 'Save credit and terms' }).click();
    await expect
      .poll(() => page.locator('.field-error').innerText())
      .toBe('"12x" is not a number (unexpected "x"): expected an amount such as 1,234.56.');
    await expect
      .poll(() => limit.evaluate((input) => input.ownerDocument.activeElement === input))
      .toBe(true);
    expect(storedProfile()).toMatchObject({ cents: 1_250_050 });
    // An empty amount removes the limit.
    await limit.fill('');
    await page.getByRole('button', { name: 'Save credit and terms' }).click();
    await expect.poll(() => detail('Credit limit')).toBe('—');
    expect(storedProfile()).toMatchObject({ cents: null, currency: null });
  });
});
