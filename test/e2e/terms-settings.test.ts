import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../electron/ledger/database.ts';
import { readTermsTemplates } from '../../electron/terms/terms-store.ts';
import { hasChromium, type BrowserSession } from './browser-session.ts';
import { openCsvLedgerSession, type CsvLedgerSession } from './csv-ledger-session.ts';

// The steps build on each other: the second makes default the template the first saves.
describe.skipIf(!hasChromium).sequential('payment terms settings', () => {
  let opened: CsvLedgerSession;
  let session: BrowserSession;
  let dbPath: string;

  beforeAll(async () => {
    opened = await openCsvLedgerSession(
      'Date,Due date,Invoice,Customer,Amount\n2026-03-01,2026-03-31,A-1,acme,50\n',
    );
    ({ session, dbPath } = opened);
  }, 60_000);

  afterAll(() => opened?.close());

  function stored() {
    const db = openLedger(dbPath, { readOnly: true });
    try {
      return readTermsTemplates(db);
    } finally {
      db.close();
    }
  }

  const section = () => session.page.getByRole('region', { name: 'Payment terms' });

  it('adds a template from the form, and the table lists it', async () => {
    await session.open('#/settings');
    const form = section().locator('form');
    await form.getByLabel('Id', { exact: true }).fill('3-10-net-45');
    await form.getByLabel('Name', { exact: true }).fill('3/10 net 45');
    await form.getByLabel('Days to pay', { exact: true }).fill('45');
    await form.getByLabel('Grace days', { exact: true }).fill('5');
    await form.getByLabel('Early-payment discount (%)', { exact: true }).fill('3');
    await form.getByLabel('Discount if paid within (days)', { exact: true }).fill('10');
    await form.getByLabel('Late fee', { exact: true }).selectOption('monthly-interest');
    await form.getByLabel('Fee or rate', { exact: true }).fill('1.255');
    await form.getByRole('button', { name: 'Save payment terms' }).click();
    await expect
      .poll(() => form.locator('.field-error').innerText())
      .toBe('"1.255" is not a percent with at most two decimals, such as 1.5.');
    expect(stored().templates.map((terms) => terms.id)).not.toContain('3-10-net-45');

    await form.getByLabel('Fee or rate', { exact: true }).fill('1.25');
    await form.getByRole('button', { name: 'Save payment terms' }).click();
    const row = section().getByRole('row', { name: /^3\/10 net 45/ });
    await expect
      .poll(() => row.locator('td').first().innerText())
      .toBe('3/10 net 45, 5 grace days, 1.25% interest a month');
    expect(stored().templates.find((terms) => terms.id === '3-10-net-45')).toEqual({
      id: '3-10-net-45',
      name: '3/10 net 45',
      netDays: 45,
      discount: { basisPoints: 300, withinDays: 10 },
      graceDays: 5,
      lateFee: { kind: 'monthly-interest', basisPointsPerMonth: 125 },
      paymentMethods: ['Bank transfer'],
    });
  });

  it('makes a template the default', async () => {
    await section().getByRole('button', { name: 'Make default 3/10 net 45' }).click();
    await expect.poll(() => stored().defaultId).toBe('3-10-net-45');
    await expect
      .poll(() =>
        section()
          .getByRole('row', { name: /^3\/10 net 45default/ })
          .count(),
      )
      .toBe(1);
    expect(session.pageErrors).toEqual([]);
    await session.screenshot('terms-settings');
  });
});
