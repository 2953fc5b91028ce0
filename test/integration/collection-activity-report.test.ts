import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logInteraction } from '../../electron/collections/interactions.ts';
import { followUpPromises, recordPromise } from '../../electron/collections/promises-to-pay.ts';
import type { Ledger } from '../../electron/ledger/database.ts';
import { collectionActivityReportDocument } from '../../electron/reports/documents/collection-activity.ts';
import { exportReport, reportContext } from '../../electron/reports/report-export.ts';
import type { InteractionInput } from '../../shared/collections/interaction-rules.ts';
import { collectionActivityRows } from '../../shared/metrics/collection-activity-metrics.ts';
import type {
  ReportDocument,
  ReportFacts,
  ReportRow,
  ReportTable,
} from '../../shared/reports/report-document.ts';
import { clientId, importedLedger, insertSentReminder } from '../support/collection-ledger.ts';
import { firstPageImage, pdfPages, skipPdfReading } from '../support/pdf-reader.ts';
import { useTempFolder } from '../support/temp-ledger.ts';
import { readCsv, oneLine } from '../support/report-files.ts';

const temp = useTempFolder();
const from = '2026-03-01';
const to = '2026-03-31';
const generatedOn = '2026-04-01';
const now = new Date('2026-11-30T10:00:00Z');

const call: InteractionInput = {
  kind: 'call',
  direction: 'outbound',
  occurredOn: '2026-03-05',
  minutes: null,
  outcome: null,
  summary: '',
  automated: false,
  repliesToReminderId: null,
};

/** Inserts a reminder that was never sent, with its invoice, as the reminder pass queues it. */
function insertQueuedReminder(
  db: Ledger,
  client: string,
  invoice: string,
  stage: string,
  status: string,
  queuedOn: string,
): void {
  const id = db
    .prepare(
      `INSERT INTO reminders (client_id, stage_id, stage_name, ladder, template_id, channel,
         status, queued_on, created_at, updated_at)
       VALUES (?, ?, ?, 'unscored', 'friendly', 'email', ?, ?, ?, ?)`,
    )
    .run(
      clientId(db, client),
      stage,
      `Stage ${stage}`,
      status,
      queuedOn,
      now.toISOString(),
      now.toISOString(),
    ).lastInsertRowid;
  db.prepare(
    `INSERT INTO reminder_invoices (reminder_id, invoice_id, stage_id, balance_cents)
     SELECT ?, id, ?, amount_cents FROM invoices WHERE number = ?`,
  ).run(id, stage, invoice);
}

/**
 * Writes three USD clients and their collection work in March 2026 (the period) and around it.
 *
 * Invoices: acme A-1 (due 03-03, paid 03-15) and A-2 (due 03-07, paid 03-25), bolt B-1 (due
 * 03-12, paid 03-20), cora C-1 (due 03-25, paid 04-05). Anne manages acme, Bob bolt, and
 * cora has no account manager.
 *
 * Reminders queued in March at the friendly stage: R1 (acme, A-1 and A-2, sent 03-10) and R2
 * (bolt, sent 03-14), both automated e-mails. At the firm stage: R3 (a letter to cora, sent
 * 03-20, 5 minutes), R4 (bolt, failed, 03-28), R5 (acme, still queued, 03-31) and R7 (acme,
 * superseded, 03-01). Outside the period: R0 (acme, sent 02-20) and R6 (cora, cancelled,
 * 04-01).
 *
 * Interactions in March besides the reminders' sends:
 * - acme: a call (03-05, 10 min, "promised to pay") and an e-mail reply to R1 (03-12, 4 min).
 * - bolt: a call (03-01, 3 min, "no answer") and a note (03-15, 6 min).
 * - cora: a meeting (03-31, 30 min, "agreed plan").
 * - acme: the note the follow-up writes when acme's promise breaks (03-20).
 * Outside the period: bolt's call on 02-28 and acme's on 04-01.
 *
 * Promises falling due in March: acme's (03-08) broken, bolt's (03-25) kept on 03-20 by the
 * payment of that day, cora's (03-30) still open. Cora's second promise falls due in April.
 */
async function marchLedger(): Promise<{ db: Ledger; dir: string }> {
  const { db, path } = await importedLedger(
    temp,
    '2026-02-01,2026-03-03,A-1,acme,400.00\n' +
      '2026-02-05,2026-03-07,A-2,acme,200.00\n' +
      '2026-02-10,2026-03-12,B-1,bolt,300.00\n' +
      '2026-02-23,2026-03-25,C-1,cora,100.00\n',
    '2026-03-15,acme,A-1,400.00\n2026-03-25,acme,A-2,200.00\n' +
      '2026-03-20,bolt,B-1,300.00\n2026-04-05,cora,C-1,100.00\n',
  );
  db.prepare(`UPDATE clients SET account_manager = 'Anne' WHERE code = 'acme'`).run();
  db.prepare(`UPDATE clients SET account_manager = 'Bob' WHERE code = 'bolt'`).run();

  const acme = clientId(db, 'acme');
  const bolt = clientId(db, 'bolt');
  const cora = clientId(db, 'cora');

  insertSentReminder(db, {
    client: 'acme',
    invoices: ['A-1'],
    sentOn: '2026-02-20',
    stage: 'courtesy',
  });
  const r1 = insertSentReminder(db, {
    client: 'acme',
    invoices: ['A-1', 'A-2'],
    sentOn: '2026-03-10',
    stage: 'friendly',
  });
  insertSentReminder(db, {
    client: 'bolt',
    invoices: ['B-1'],
    sentOn: '2026-03-14',
    stage: 'friendly',
  });
  insertSentReminder(db, {
    client: 'cora',
    invoices: ['C-1'],
    sentOn: '2026-03-20',
    channel: 'letter',
    automated: false,
    minutes: 5,
    stage: 'firm',
  });
  insertQueuedReminder(db, 'bolt', 'B-1', 'firm', 'failed', '2026-03-28');
  insertQueuedReminder(db, 'acme', 'A-2', 'firm', 'queued', '2026-03-31');
  insertQueuedReminder(db, 'cora', 'C-1', 'final-notice', 'cancelled', '2026-04-01');
  insertQueuedReminder(db, 'acme', 'A-1', 'firm', 'superseded', '2026-03-01');

  logInteraction(db, acme, { ...call, minutes: 10, outcome: 'promised to pay' }, now);
  logInteraction(
    db,
    acme,
    {
      ...call,
      kind: 'email',
      direction: 'inbound',
      occurredOn: '2026-03-12',
      minutes: 4,
      repliesToReminderId: r1,
    },
    now,
  );
  logInteraction(
    db,
    bolt,
    { ...call, occurredOn: '2026-03-01', minutes: 3, outcome: 'no answer' },
    now,
  );
  logInteraction(
    db,
    bolt,
    { ...call, kind: 'note', direction: 'internal', occurredOn: '2026-03-15', minutes: 6 },
    now,
  );
  logInteraction(
    db,
    cora,
    { ...call, kind: 'meeting', occurredOn: '2026-03-31', minutes: 30, outcome: 'agreed plan' },
    now,
  );
  logInteraction(db, bolt, { ...call, occurredOn: '2026-02-28', minutes: 7 }, now);
  logInteraction(db, acme, { ...call, occurredOn: '2026-04-01', minutes: 9 }, now);

  const promise = (client: number, cents: number, madeOn: string, promisedFor: string) =>
    recordPromise(
      db,
      client,
      { amountCents: cents, currency: 'USD', madeOn, promisedFor, interactionId: null },
      now,
    );
  promise(acme, 50_00, '2026-03-05', '2026-03-08');
  promise(bolt, 300_00, '2026-03-16', '2026-03-25');

  const decided = followUpPromises(db, '2026-03-20', now);
  expect(decided.kept).toHaveLength(1);
  expect(decided.broken).toHaveLength(1);

  promise(cora, 100_00, '2026-03-21', '2026-03-30');
  promise(cora, 100_00, '2026-03-21', '2026-04-10');
  return { db, dir: dirname(path) };
}

function activityDocument(
  db: Ledger,
  filters: Record<string, string> = {},
  period: { from: string; to: string } = { from, to },
): ReportDocument {
  const request = { report: 'collection-activity', ...period, filters };
  return collectionActivityReportDocument(reportContext(db, request, generatedOn));
}

function table(document: ReportDocument, title: string): ReportTable {
  const found = document.blocks.find(
    (block): block is ReportTable => block.kind === 'table' && block.title === title,
  );
  if (found === undefined) throw new Error(`No table "${title}" in the document.`);
  return found;
}

function rows(document: ReportDocument, title: string): ReportRow[] {
  return [...table(document, title).rows];
}

function outcomes(document: ReportDocument): Record<string, string> {
  const block = document.blocks.find((entry): entry is ReportFacts => entry.kind === 'facts');
  return Object.fromEntries((block?.facts ?? []).map(({ label, value }) => [label, value]));
}

/** Picks the cells of `keys` from each row, to compare a table with a hand-made list. */
function cells(list: readonly ReportRow[], keys: readonly string[]): unknown[][] {
  return list.map((entry) => keys.map((key) => entry[key] ?? null));
}

const interactionKeys = ['kind', 'direction', 'outcome', 'interactions', 'manual', 'automated'];
const reminderKeys = [
  'stage',
  'queued',
  'sent',
  'failed',
  'skipped',
  'cancelled',
  'superseded',
  'pending',
];
const timeKeys = [
  'manual_interactions',
  'manual_minutes',
  'automated_interactions',
  'automated_minutes',
];

describe('collection activity report', () => {
  it('counts interactions by kind, direction, outcome', async () => {
    const { db } = await marchLedger();
    const document = activityDocument(db);
    const interactions = table(document, 'Interactions by kind, direction and outcome');
    // The 02-20 send of R0 and the calls of 02-28 and 04-01 are outside the period.
    expect(cells([...interactions.rows], [...interactionKeys, 'minutes'])).toEqual([
      ['call', 'outbound', 'no answer', 1, 1, 0, 3],
      ['call', 'outbound', 'promised to pay', 1, 1, 0, 10],
      ['email', 'inbound', null, 1, 1, 0, 4],
      ['email', 'outbound', 'sent', 2, 0, 2, 0],
      ['letter', 'outbound', 'sent', 1, 1, 0, 5],
      ['meeting', 'outbound', 'agreed plan', 1, 1, 0, 30],
      ['note', 'internal', null, 1, 1, 0, 6],
      ['note', 'internal', 'promise broken', 1, 0, 1, 0],
    ]);
    expect(interactions.totals).toEqual([
      { kind: 'Total', interactions: 9, manual: 6, automated: 3, minutes: 58 },
    ]);
  });

  it('counts reminders by stage and status', async () => {
    const { db } = await marchLedger();
    const reminders = table(
      activityDocument(db),
      'Reminders queued in the period, by stage and status',
    );
    // Friendly comes before firm on the dunning ladders. R0 (02-20) and R6 (04-01) are outside.
    expect(cells([...reminders.rows], reminderKeys)).toEqual([
      ['Stage friendly', 2, 2, 0, 0, 0, 0, 0],
      ['Stage firm', 4, 1, 1, 0, 0, 1, 1],
    ]);
    expect(reminders.totals).toEqual([
      {
        stage: 'Total',
        queued: 6,
        sent: 3,
        failed: 1,
        skipped: 0,
        cancelled: 0,
        superseded: 1,
        pending: 1,
      },
    ]);
  });

  it('reports promise and reminder outcomes', async () => {
    const { db } = await marchLedger();
    expect(outcomes(activityDocument(db))).toEqual({
      'Promises to pay falling due in the period': '3',
      Kept: '1',
      Broken: '1',
      'Not decided by the period end': '1',
      // R1 covers, R2 B-1 and R3 C-1; C-1 was paid only on 04-05.
      'Invoices covered by a reminder sent in the period': '4',
      'Of those, settled by the period end': '3',
    });
  });

  it('sums time per manager and client', async () => {
    const { db } = await marchLedger();
    const document = activityDocument(db);
    const managers = table(document, 'Time spent per account manager');
    // Cora: letter 5 + meeting 30. Acme: call 10 + reply 4, and R1. Bolt: call 3 + note 6,
    // and R2. The automated note of the broken promise is not collection work.
    expect(cells([...managers.rows], ['manager', 'clients', ...timeKeys])).toEqual([
      ['No manager', 1, 2, 35, 0, 0],
      ['Anne', 1, 2, 14, 1, 0],
      ['Bob', 1, 2, 9, 1, 0],
    ]);
    expect(managers.totals).toEqual([
      {
        manager: 'Total',
        clients: 3,
        manual_interactions: 6,
        manual_minutes: 58,
        automated_interactions: 2,
        automated_minutes: 0,
      },
    ]);

    const clients = table(document, 'Time spent per client');
    expect(cells([...clients.rows], ['client_code', 'manager', ...timeKeys])).toEqual([
      ['cora', null, 2, 35, 0, 0],
      ['acme', 'Anne', 2, 14, 1, 0],
      ['bolt', 'Bob', 2, 9, 1, 0],
    ]);
  });

  it('lists activity metrics with definitions', async () => {
    const { db } = await marchLedger();
    const document = activityDocument(db);
    const metrics = table(document, 'Activity metrics');
    expect(metrics.columns.map((column) => column.key)).toEqual(['metric', 'scope', 'value_usd']);
    const values = Object.fromEntries(
      [...metrics.rows].map((entry) => [entry['metric'], entry['value_usd']]),
    );
    expect(values).toEqual({
      // and B-1 of the 4 reminded invoices were settled by 03-31.
      'Collection success rate': '75.00%',
      // call 03-05, 2 days. A-2: R1 03-10, 3. B-1: R2 03-14, 2. C-1: meeting 03-31, 6.
      'Time to first contact': '3.25 days',
      // R1 of R1, R2 and R3 received a reply.
      'Communication response rate': '33.33%',
      // R2's B-1 was paid within 14 days, R1's A-2 was not.
      'Automated reminder success rate': '50.00%',
      'Time spent on collections, manual': '58 min',
      'Time spent on collections, automated': '0 min',
      'Manual interactions': '6',
      'Automated interactions': '2',
      // The 3 months after February's first reminder end on 05-31.
      'DSO before reminders': 'n/a',
      'DSO after reminders': 'n/a',
    });

    const texts = document.blocks.flatMap((block) => (block.kind === 'text' ? [block.text] : []));
    for (const { metric } of collectionActivityRows) {
      expect(texts).toContain(`${metric.name}: ${metric.definition}`);
    }
    expect(document.fileStem).toBe('collection-activity-2026-03-01-to-2026-03-31');
  });

  it('writes every interaction to CSV', async () => {
    const { db, dir } = await marchLedger();
    const out = join(dir, 'activity.csv');
    const written = await exportReport(
      db,
      { report: 'collection-activity', from, to },
      { format: 'csv', outFile: out, generatedOn },
    );
    expect(written.rows).toBe(9);

    const records = readCsv(out);
    expect(Object.keys(records[0]!)).toEqual([
      'date',
      'client_code',
      'client',
      'manager',
      'kind',
      'direction',
      'outcome',
      'minutes',
      'automated',
      'summary',
    ]);
    expect(
      records.map((record) => [
        record['date'],
        record['client_code'],
        record['kind'],
        record['minutes'],
        record['automated'],
      ]),
    ).toEqual([
      ['2026-03-01', 'bolt', 'call', '3', 'no'],
      ['2026-03-05', 'acme', 'call', '10', 'no'],
      ['2026-03-10', 'acme', 'email', '', 'yes'],
      ['2026-03-12', 'acme', 'email', '4', 'no'],
      ['2026-03-14', 'bolt', 'email', '', 'yes'],
      ['2026-03-15', 'bolt', 'note', '6', 'no'],
      ['2026-03-20', 'cora', 'letter', '5', 'no'],
      ['2026-03-20', 'acme', 'note', '', 'yes'],
      ['2026-03-31', 'cora', 'meeting', '30', 'no'],
    ]);
    expect(records[1]).toMatchObject({ manager: 'Anne', outcome: 'promised to pay' });
    expect(records[7]!['summary']).toBe('Promise of $50.00 due 2026-03-08 broken');
  });

  it.skipIf(skipPdfReading)('writes the PDF', async () => {
    const { db, dir } = await marchLedger();
    const out = join(dir, 'activity.pdf');
    const written = await exportReport(
      db,
      { report: 'collection-activity', from, to },
      { format: 'pdf', outFile: out, generatedOn },
    );

    const pages = pdfPages(out);
    expect(written.pages).toBe(pages.length);
    expect(pages[0]).toMatch(/Collection activity/);
    expect(pages[0]).toMatch(/2026-03-01 to 2026-03-31/);

    const all = oneLine(pages.join('\n'));
    for (const text of [
      'Collection success rate portfolio 75.00%',
      'Total 9 6 3 58',
      'Stage firm 4 1 1 0 0 1 1',
      'Promises to pay falling due in the period 3',
      'No manager 1 2 35 0 0',
      'Definitions of the activity metrics',
    ]) {
      expect(all).toContain(text);
    }
    expect(all).not.toContain('NaN');
    firstPageImage(out, 'collection-activity');
  });
});

describe('collection activity report filters', () => {
  it('narrows to a manager', async () => {
    const { db } = await marchLedger();
    const document = activityDocument(db, { manager: 'bob' });
    expect(
      cells(rows(document, 'Interactions by kind, direction and outcome'), interactionKeys),
    ).toEqual([
      ['call', 'outbound', 'no answer', 1, 1, 0],
      ['email', 'outbound', 'sent', 1, 0, 1],
      ['note', 'internal', null, 1, 1, 0],
    ]);
    expect(
      cells(rows(document, 'Reminders queued in the period, by stage and status'), reminderKeys),
    ).toEqual([
      ['Stage friendly', 1, 1, 0, 0, 0, 0, 0],
      ['Stage firm', 1, 0, 1, 0, 0, 0, 0],
    ]);
    expect(outcomes(document)).toMatchObject({
      'Promises to pay falling due in the period': '1',
      Kept: '1',
      'Invoices covered by a reminder sent in the period': '1',
      'Of those, settled by the period end': '1',
    });
    expect(cells(rows(document, 'Time spent per account manager'), ['manager', 'clients'])).toEqual(
      [['Bob', 1]],
    );

    // Nothing groups by manager, so the metrics are the portfolio's.
    const metrics = rows(document, 'Activity metrics');
    expect(metrics[0]).toMatchObject({ scope: 'portfolio', value_usd: '75.00%' });
  });

  it('groups manager names ignoring case', async () => {
    const { db } = await marchLedger();
    db.prepare(`UPDATE clients SET account_manager = ' anne' WHERE code = 'bolt'`).run();
    const document = activityDocument(db, { manager: 'ANNE' });
    const managers = rows(document, 'Time spent per account manager');
    // Acme comes first by code, so its spelling names the manager.
    expect(cells(managers, ['manager', 'clients', ...timeKeys])).toEqual([
      ['Anne', 2, 4, 23, 2, 0],
    ]);
  });

  it('narrows the metrics to one client', async () => {
    const { db } = await marchLedger();
    const document = activityDocument(db, { client: 'cora' });
    const metrics = Object.fromEntries(
      rows(document, 'Activity metrics').map((entry) => [entry['metric'], entry]),
    );
    // C-1 was reminded and not settled by 03-31.
    expect(metrics['Collection success rate']).toMatchObject({
      scope: 'client cora',
      value_usd: '0.00%',
    });
    expect(metrics['Time to first contact']?.['value_usd']).toBe('6.00 days');
    expect(metrics['Time spent on collections, manual']?.['value_usd']).toBe('35 min');
    expect(outcomes(document)).toMatchObject({
      'Promises to pay falling due in the period': '1',
      'Not decided by the period end': '1',
      'Invoices covered by a reminder sent in the period': '1',
      'Of those, settled by the period end': '0',
    });
  });

  it('narrows to one currency', async () => {
    const { db } = await marchLedger();
    // A EUR client with an invoice, a sent reminder and a call in March.
    db.prepare(
      `INSERT INTO clients (code, name, created_at)
       VALUES ('dune', 'Dune', '2026-01-01T00:00:00Z')`,
    ).run();
    const dune = clientId(db, 'dune');
    db.prepare(
      `INSERT INTO invoices (client_id, number, invoice_date, due_date, amount_cents, currency,
                             created_at)
       VALUES (?, 'D-1', '2026-02-01', '2026-03-03', 70000, 'EUR', '2026-02-01T00:00:00Z')`,
    ).run(dune);
    insertSentReminder(db, { client: 'dune', invoices: ['D-1'], sentOn: '2026-03-09' });
    logInteraction(db, dune, { ...call, occurredOn: '2026-03-11', minutes: 8 }, now);

    const euro = activityDocument(db, { currency: 'EUR' });
    expect(
      cells(rows(euro, 'Interactions by kind, direction and outcome'), interactionKeys),
    ).toEqual([
      ['call', 'outbound', null, 1, 1, 0],
      ['email', 'outbound', 'sent', 1, 0, 1],
    ]);
    expect(rows(euro, 'Reminders queued in the period, by stage and status')).toHaveLength(1);
    expect(outcomes(euro)).toMatchObject({
      'Promises to pay falling due in the period': '0',
      'Invoices covered by a reminder sent in the period': '1',
      'Of those, settled by the period end': '0',
    });
    expect(table(euro, 'Activity metrics').columns.map((column) => column.key)).toEqual([
      'metric',
      'scope',
      'value_eur',
    ]);

    // In USD, dune's work is left out and the figures are those of the three clients.
    const dollar = activityDocument(db, { currency: 'USD' });
    expect(table(dollar, 'Interactions by kind, direction and outcome').totals).toEqual([
      { kind: 'Total', interactions: 9, manual: 6, automated: 3, minutes: 58 },
    ]);
    expect(outcomes(dollar)['Invoices covered by a reminder sent in the period']).toBe('4');
  });

  it('shows empty texts when filters match nothing', async () => {
    const { db } = await marchLedger();
    // No client has three settled invoices, so none is scored and no client is low risk.
    const document = activityDocument(db, { tier: 'low' });
    for (const [title, empty] of [
      ['Interactions by kind, direction and outcome', 'No interaction was logged in the period.'],
      [
        'Reminders queued in the period, by stage and status',
        'No reminder was queued in the period.',
      ],
      ['Time spent per account manager', 'Nobody spent time on collections in the period.'],
      ['Time spent per client', 'Nobody spent time on collections in the period.'],
    ] as const) {
      expect(rows(document, title)).toEqual([]);
      expect(table(document, title).totals).toEqual([]);
      expect(table(document, title).emptyText).toBe(empty);
    }
    expect(outcomes(document)['Promises to pay falling due in the period']).toBe('0');
  });
});

describe('empty collection activity report', () => {
  it('prints n/a for a quiet period', async () => {
    const { db } = await marchLedger();
    const document = activityDocument(db, {}, { from: '2026-06-01', to: '2026-06-30' });
    expect(rows(document, 'Interactions by kind, direction and outcome')).toEqual([]);
    expect(rows(document, 'Reminders queued in the period, by stage and status')).toEqual([]);
    expect(Object.values(outcomes(document))).toEqual(['0', '0', '0', '0', '0', '0']);
    const values = rows(document, 'Activity metrics').map((entry) => entry['value_usd']);
    expect(values).toEqual(Array(collectionActivityRows.length).fill('n/a'));
  });

  it('reports nothing for an empty ledger', async () => {
    const { db, dir } = temp.ledger();
    const document = activityDocument(db);
    const metrics = table(document, 'Activity metrics');
    expect([...metrics.rows]).toEqual([]);
    expect(metrics.emptyText).toBe(
      'No client was invoiced by 2026-03-31, so there is no activity to measure.',
    );

    const out = join(dir, 'empty.csv');
    const written = await exportReport(
      db,
      { report: 'collection-activity', from, to },
      { format: 'csv', outFile: out, generatedOn },
    );
    expect(written.rows).toBe(0);
    expect(readCsv(out)).toEqual([]);
  });
});
