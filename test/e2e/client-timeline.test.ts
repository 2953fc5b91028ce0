import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../electron/ledger/database.ts';
import { hasChromium, type BrowserSession } from './browser-session.ts';
import { openCsvLedgerSession, type CsvLedgerSession } from './csv-ledger-session.ts';

// The steps build on each other: the promise is made during the call logged first.
describe.skipIf(!hasChromium).sequential('client timeline', () => {
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

  function stored<T>(sql: string): T[] {
    const db = openLedger(dbPath, { readOnly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  }

  function cellsOf(table: string) {
    return session.page
      .locator(`${table} tbody tr`)
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? ''),
        ),
      );
  }

  it('shows logged call on timeline', async () => {
    const { page } = session;
    await session.open('#/clients/1');
    await expect
      .poll(() => page.getByText('No interactions logged with this client yet.').count())
      .toBe(1);

    await page.getByText('Log an interaction').click();
    await page.getByLabel('Kind').selectOption('call');
    await page.getByLabel('Direction').selectOption('outbound');
    await page.getByLabel('Date', { exact: true }).fill('2026-03-30');
    await page.getByLabel('Minutes spent').fill('15');
    await page.getByLabel('Outcome').fill('promised to pay');
    await page.getByLabel('Summary').fill('Called accounts payable.');
    await page.getByRole('button', { name: 'Log interaction' }).click();

    await expect.poll(() => page.getByText('Interaction logged.').count()).toBe(1);
    await expect
      .poll(() => cellsOf('.timeline-table'))
      .toEqual([
        [
          '2026-03-30',
          'Call',
          'outbound',
          'A person',
          '15',
          'promised to pay',
          'Called accounts payable.',
        ],
      ]);

    expect(
      stored('SELECT kind, direction, occurred_on AS day, minutes, automated FROM interactions'),
    ).toEqual([
      { kind: 'call', direction: 'outbound', day: '2026-03-30', minutes: 15, automated: 0 },
    ]);
  });

  it('names bad minutes and saves nothing', async () => {
    const { page } = session;
    const minutes = page.getByLabel('Minutes spent');
    await minutes.fill('1.5');
    await page.getByRole('button', { name: 'Log interaction' }).click();
    await expect
      .poll(() => page.locator('.field-error').first().innerText())
      .toBe(
        '"1.5" is not a number of minutes: enter whole minutes from 0 to 1440, or leave it empty.',
      );
    expect(stored('SELECT id FROM interactions')).toHaveLength(1);
    await minutes.fill('');
  });

  it('records promise made during call', async () => {
    const { page } = session;
    await page.getByText('Record a promise to pay').click();
    await page.getByLabel('Amount promised').fill('50.00');
    await page.getByLabel('Paid by').fill('2026-04-10');
    await page.getByLabel('Promise made on').fill('2026-03-30');
    await page
      .getByLabel('Made during')
      .selectOption({ label: '2026-03-30 call outbound: promised to pay' });
    await page.getByRole('button', { name: 'Record promise' }).click();

    await expect.poll(() => page.getByText('Promise recorded.').count()).toBe(1);
    await expect
      .poll(() => cellsOf('.promise-table'))
      .toEqual([['2026-04-10', '$50.00', '2026-03-30', 'Open', '—']]);

    expect(
      stored(
        `SELECT amount_cents AS cents, currency, promised_for AS promisedFor, made_on AS madeOn,
                status, interaction_id AS interactionId FROM promises_to_pay`,
      ),
    ).toEqual([
      {
        cents: 5_000,
        currency: 'USD',
        promisedFor: '2026-04-10',
        madeOn: '2026-03-30',
        status: 'open',
        interactionId: 1,
      },
    ]);

    await page.locator('#client-timeline-heading').scrollIntoViewIfNeeded();
    await session.screenshot('client-timeline');
  });

  it('counts call in activity metrics', async () => {
    const { page } = session;
    await session.open('#/metrics');
    await page.getByLabel('Group by').selectOption('portfolio');
    const value = (metric: string) =>
      page.locator(`.activity-table tr[data-metric="${metric}"] td.numeric`).innerText();

    await expect.poll(() => value('manualCollectionMinutes')).toBe('15 min');
    // A-1 fell due on 03-31 and the only outbound contact was the day before it.
    expect(await value('timeToFirstContact')).toBe('—');
    expect(await value('manualInteractions')).toBe('1');
    await expect
      .poll(() =>
        page
          .locator('.activity-table tr[data-metric="timeToFirstContact"] .metrics-definition-cell')
          .innerText(),
      )
      .toContain('Mean days from the due date');
    expect(session.pageErrors).toEqual([]);
  });
});
