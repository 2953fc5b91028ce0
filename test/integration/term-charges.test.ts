import { describe, expect, it } from 'vitest';

import { updateClientProfile } from '../../electron/clients/client-profile.ts';
import { dispatchIpc } from '../../electron/ipc/dispatch.ts';
import { openLedger } from '../../electron/ledger/database.ts';
import { importFile } from '../../electron/import/import-file.ts';
import { CreditLimitExceeded, issueInvoice } from '../../electron/invoices/invoice-entry.ts';
import { writeOffInvoice } from '../../electron/invoices/write-off.ts';
import { clientHistories } from '../../electron/risk/client-history.ts';
import { clientHistoriesAt } from '../../electron/risk/client-history-series.ts';
import type { Ledger } from '../../electron/ledger/database.ts';
import { readRiskSettings, updateRiskSettings } from '../../electron/ledger/risk-settings-store.ts';
import { ipcContract } from '../../shared/ipc/contract.ts';
import { creditSales, settledInvoices } from '../../electron/ledger/receivables.ts';
import { agingReport } from '../../electron/reports/aging-report.ts';
import { managementReport } from '../../electron/reports/management-metrics-report.ts';
import { postTermCharges, termChargesDue } from '../../electron/terms/charge-posting.ts';
import { saveTermsTemplate } from '../../electron/terms/terms-store.ts';
import { DEFAULT_TERMS_TEMPLATES } from '../../shared/terms/payment-terms.ts';
import { useTempFolder } from '../support/temp-ledger.ts';
import { handlersFor } from '../support/ledger-handlers.ts';

const temp = useTempFolder();

/** Opens a ledger with clients acme (2/10 net 30, limit 2,000.00 USD) and beta (default net 30). */
async function ledgerWithClients(): Promise<Ledger> {
  const { db } = temp.ledger();
  const file = temp.file(
    'opening.csv',
    'Date,Due date,Invoice,Customer,Amount\n2025-12-01,2025-12-31,OLD-1,acme,10.00\n' +
      '2025-12-01,2025-12-31,OLD-2,beta,10.00\n',
  );
  expect((await importFile(db, file, { currency: 'USD' })).status).toBe('imported');
  const paid = temp.file(
    'opening-paid.csv',
    'Date,Customer,Invoice,Amount\n2025-12-20,acme,OLD-1,10.00\n2025-12-20,beta,OLD-2,10.00\n',
  );
  expect((await importFile(db, paid, { kind: 'payments', currency: 'USD' })).status).toBe(
    'imported',
  );
  updateClientProfile(db, 'acme', {
    termsId: '2-10-net-30',
    creditLimit: { cents: 200_000, currency: 'USD' },
  });
  return db;
}

async function pay(db: Ledger, rows: string): Promise<void> {
  const file = temp.file('payments.csv', `Date,Customer,Invoice,Amount\n${rows}`);
  expect((await importFile(db, file, { kind: 'payments', currency: 'USD' })).status).toBe(
    'imported',
  );
}

describe('term charges posted to the ledger', () => {
  it('earned discount posts settling credit note', async () => {
    const db = await ledgerWithClients();
    issueInvoice(db, {
      clientCode: 'acme',
      number: 'A-1',
      invoiceDate: '2026-01-05',
      amountCents: 100_000,
      currency: 'USD',
    });
    // 2% of 1,000.00 is 20.00, so 980.00 paid on day 9 earns it.
    await pay(db, '2026-01-14,acme,A-1,980.00\n');
    expect(agingReport(db, '2026-01-31').currencies.USD?.total).toBe(2_000);

    const posted = postTermCharges(db, '2026-01-31');
    expect(posted).toMatchObject([
      {
        kind: 'early-payment-discount',
        recordNumber: 'A-1-DISC',
        date: '2026-01-14',
        amountCents: 2_000,
      },
    ]);
    const note = db
      .prepare(`SELECT kind, amount_cents AS cents, credit_date AS date FROM credit_notes`)
      .get();
    expect(note).toEqual({ kind: 'early-payment-discount', cents: 2_000, date: '2026-01-14' });
    expect(agingReport(db, '2026-01-31').currencies.USD?.total ?? 0).toBe(0);
    // The discount lowers what is owed, not what was sold, and the invoice settled on the 14th.
    expect(creditSales(db, '2026-01-01', '2026-01-31').get('USD')).toBe(100_000);
    expect(settledInvoices(db, '2026-01-01', '2026-01-31').map((row) => row.settledDate)).toEqual([
      '2026-01-14',
    ]);
    expect(postTermCharges(db, '2026-12-31')).toEqual([]);
  });

  it('interest posts monthly, never compounds', async () => {
    const db = await ledgerWithClients();
    // Net 30 from 2026-01-05: due 2026-02-04, grace to 2026-02-09, 1.5% a month after.
    const issued = issueInvoice(db, {
      clientCode: 'beta',
      number: 'B-1',
      invoiceDate: '2026-01-05',
      amountCents: 60_000,
      currency: 'USD',
    });
    expect(issued.dueDate).toBe('2026-02-04');

    expect(postTermCharges(db, '2026-04-30').map((fee) => [fee.date, fee.amountCents])).toEqual([
      ['2026-03-09', 900],
      ['2026-04-09', 900],
    ]);
    expect(postTermCharges(db, '2026-04-30')).toEqual([]);
    // A month later only the third month is new, and it is 1.5% of 600.00 again: the 18.00 of
    // interest already charged bears none.
    expect(postTermCharges(db, '2026-05-31').map((fee) => fee.recordNumber)).toEqual(['B-1-LF3']);

    const fees = db
      .prepare(
        `SELECT number, invoice_date AS date, due_date AS due, amount_cents AS cents, kind,
                fee_period AS period, terms_snapshot AS terms
         FROM invoices WHERE kind = 'late-fee' ORDER BY fee_period`,
      )
      .all();
    expect(fees).toEqual([
      {
        number: 'B-1-LF1',
        date: '2026-03-09',
        due: '2026-03-09',
        cents: 900,
        kind: 'late-fee',
        period: 1,
        terms: null,
      },
      {
        number: 'B-1-LF2',
        date: '2026-04-09',
        due: '2026-04-09',
        cents: 900,
        kind: 'late-fee',
        period: 2,
        terms: null,
      },
      {
        number: 'B-1-LF3',
        date: '2026-05-09',
        due: '2026-05-09',
        cents: 900,
        kind: 'late-fee',
        period: 3,
        terms: null,
      },
    ]);
    // The fees are owed, so aging counts them, but they are not sales.
    expect(agingReport(db, '2026-05-31').currencies.USD?.total).toBe(60_000 + 2_700);
    expect(creditSales(db, '2026-01-01', '2026-05-31').get('USD')).toBe(60_000);
  });

  it('invoice keeps terms after template change', async () => {
    const db = await ledgerWithClients();
    issueInvoice(db, {
      clientCode: 'beta',
      number: 'B-2',
      invoiceDate: '2026-01-05',
      amountCents: 60_000,
      currency: 'USD',
    });
    const netThirty = DEFAULT_TERMS_TEMPLATES.find((terms) => terms.id === 'net-30');
    saveTermsTemplate(db, {
      ...netThirty,
      lateFee: { kind: 'monthly-interest', basisPointsPerMonth: 500 },
    });
    expect(termChargesDue(db, '2026-03-31').map((fee) => fee.amountCents)).toEqual([900]);
    const later = issueInvoice(db, {
      clientCode: 'beta',
      number: 'B-3',
      invoiceDate: '2026-01-05',
      amountCents: 60_000,
      currency: 'USD',
    });
    expect(later.terms.lateFee).toEqual({ kind: 'monthly-interest', basisPointsPerMonth: 500 });
    expect(termChargesDue(db, '2026-03-31').map((fee) => fee.amountCents)).toEqual([900, 3_000]);
  });

  it('rejects invoice over credit limit', async () => {
    const db = await ledgerWithClients();
    issueInvoice(db, {
      clientCode: 'acme',
      number: 'A-2',
      invoiceDate: '2026-02-01',
      amountCents: 150_000,
    });
    const count = () => db.prepare('SELECT COUNT(*) FROM invoices').pluck().get() as number;
    const before = count();
    let thrown: unknown;
    try {
      issueInvoice(db, {
        clientCode: 'acme',
        number: 'A-3',
        invoiceDate: '2026-02-02',
        amountCents: 60_000,
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CreditLimitExceeded);
    expect((thrown as Error).message).toBe(
      'Invoice A-3 not issued: acme would owe $2,100.00, $100.00 over its credit limit of ' +
        '$2,000.00. Raise the limit, take a payment first, or issue it over the limit on purpose.',
    );
    expect(count()).toBe(before);
    // Dating it back before A-2 does not slip it under the limit: what is owed now counts.
    expect(() =>
      issueInvoice(db, {
        clientCode: 'acme',
        number: 'A-3',
        invoiceDate: '2026-01-02',
        amountCents: 60_000,
      }),
    ).toThrow('acme would owe $2,100.00');
    // A limit in USD does not apply to an invoice in EUR, so it is issued with a warning.
    const euro = issueInvoice(db, {
      clientCode: 'acme',
      number: 'A-EUR',
      invoiceDate: '2026-02-02',
      amountCents: 900_000,
      currency: 'EUR',
    });
    expect(euro.warning).toBe(
      'acme has a credit limit in USD only, so this EUR invoice was not checked against it',
    );

    const allowed = issueInvoice(db, {
      clientCode: 'acme',
      number: 'A-3',
      invoiceDate: '2026-02-02',
      amountCents: 60_000,
      allowOverLimit: true,
    });
    expect(allowed.creditCheck).toMatchObject({
      status: 'exceeds',
      balanceAfterCents: 210_000,
      overByCents: 10_000,
      utilisationAfter: 1.05,
    });
    expect(count()).toBe(before + 2);
    // Exactly at the limit is within it.
    await pay(db, '2026-02-03,acme,A-3,600.00\n2026-02-03,acme,A-2,1000.00\n');
    const atLimit = issueInvoice(db, {
      clientCode: 'acme',
      number: 'A-4',
      invoiceDate: '2026-02-04',
      amountCents: 150_000,
    });
    expect(atLimit.creditCheck).toMatchObject({ status: 'within', balanceAfterCents: 200_000 });
  });

  it('import snapshots only own terms', async () => {
    const db = await ledgerWithClients();
    const file = temp.file(
      'later.csv',
      'Date,Due date,Invoice,Customer,Amount\n2026-03-01,2026-03-31,L-1,acme,50.00\n' +
        '2026-03-01,2026-03-31,L-2,beta,50.00\n',
    );
    expect((await importFile(db, file, { currency: 'USD' })).status).toBe('imported');
    const snapshots = db
      .prepare(
        `SELECT number, json_extract(terms_snapshot, '$.id') AS terms FROM invoices
                WHERE number LIKE 'L-%' ORDER BY number`,
      )
      .all();
    expect(snapshots).toEqual([
      { number: 'L-1', terms: '2-10-net-30' },
      { number: 'L-2', terms: null },
    ]);
  });

  it('write-off reason sets credit kind', async () => {
    const db = await ledgerWithClients();
    const file = temp.file(
      'credits.csv',
      'Date,Customer,Amount,Description\n2026-02-01,beta,10.00,Written off: closed down\n' +
        '2026-02-01,acme,5.00,Price correction\n',
    );
    expect((await importFile(db, file, { kind: 'credit_notes', currency: 'USD' })).status).toBe(
      'imported',
    );
    expect(db.prepare('SELECT reason, kind FROM credit_notes ORDER BY id').all()).toEqual([
      { reason: 'Written off: closed down', kind: 'write-off' },
      { reason: 'Price correction', kind: 'credit' },
    ]);
  });
});

describe('credit limit warnings on import', () => {
  it('warns over limit, still imports', async () => {
    const db = await ledgerWithClients();
    const file = temp.file(
      'big.csv',
      'Date,Due date,Invoice,Customer,Amount\n2026-03-01,2026-03-31,X-1,acme,1500.00\n' +
        '2026-03-05,2026-04-04,X-2,acme,600.00\n2026-03-05,2026-04-04,X-3,beta,9000.00\n',
    );
    const dryRun = await importFile(db, file, { currency: 'USD', dryRun: true });
    const warning = 'acme would owe $2,100.00, $100.00 over its credit limit of $2,000.00';
    expect(dryRun.creditLimitWarnings).toEqual([warning]);
    const imported = await importFile(db, file, { currency: 'USD' });
    expect(imported.status).toBe('imported');
    expect(imported.creditLimitWarnings).toEqual([warning]);
  });
});

describe('clients/get with terms and fees', () => {
  it('sends terms, limit currency, kinds', async () => {
    const { db, path } = temp.ledger();
    const file = temp.file(
      'one.csv',
      'Date,Due date,Invoice,Customer,Amount\n2025-12-01,2025-12-31,OLD-1,acme,10.00\n',
    );
    expect((await importFile(db, file, { currency: 'EUR' })).status).toBe('imported');
    updateClientProfile(db, 'acme', {
      termsId: 'due-on-receipt',
      creditLimit: { cents: 500_000, currency: 'EUR' },
      sizeBand: 'small',
    });
    issueInvoice(db, {
      clientCode: 'acme',
      number: 'A-1',
      invoiceDate: '2026-01-05',
      amountCents: 1_000,
    });
    postTermCharges(db, '2026-01-31');

    const reader = openLedger(path, { readOnly: true });
    const handlers = handlersFor(db, reader, path);
    const response = await dispatchIpc(handlers, 'clients/get', {
      clientId: 1,
      asOf: '2026-01-31',
    });
    if (!response.ok) throw new Error(JSON.stringify(response.error));
    const value = ipcContract['clients/get'].response.parse(response.value);

    expect(value.client).toMatchObject({
      creditLimitCents: 500_000,
      creditLimitCurrency: 'EUR',
      sizeBand: 'small',
      terms: {
        id: 'due-on-receipt',
        name: 'Due on receipt',
        description: 'Due on receipt, late fee 25.00 EUR',
      },
    });

    // Due on receipt with no grace: the flat 25.00 fee is charged the next day.
    expect(value.invoices.map((row) => [row.number, row.kind, row.amountCents])).toEqual([
      ['A-1-LF0', 'late-fee', 2_500],
      ['A-1', 'sale', 1_000],
      ['OLD-1', 'sale', 1_000],
    ]);

    reader.close();
  });
});

describe('write-offs', () => {
  it('writes off remaining balance once', async () => {
    const db = await ledgerWithClients();
    issueInvoice(db, {
      clientCode: 'beta',
      number: 'B-9',
      invoiceDate: '2026-01-05',
      amountCents: 60_000,
      currency: 'USD',
    });
    await pay(db, '2026-02-01,beta,B-9,100.00\n');
    expect(() => writeOffInvoice(db, 'B-9', '2026-01-01', 'Closed down')).toThrow(
      'Invoice B-9 is dated 2026-01-05, after the write-off date 2026-01-01',
    );
    expect(() => writeOffInvoice(db, 'B-9', '2026-01-31', 'Closed down')).toThrow(
      'Invoice B-9 has a payment, credit or fee dated 2026-02-01, after the write-off date',
    );
    const written = writeOffInvoice(db, 'B-9', '2026-06-30', 'Closed down');
    expect(written).toMatchObject({ number: 'B-9-WO', amountCents: 50_000, currency: 'USD' });
    expect(() => writeOffInvoice(db, 'B-9', '2026-07-01', 'Again')).toThrow(
      'Invoice B-9 has no balance left: there is nothing to write off.',
    );
    // Nor can a second write-off be dated back before the first, or before the payment.
    expect(() => writeOffInvoice(db, 'B-9', '2026-01-20', 'Earlier')).toThrow(
      'Invoice B-9 has a payment, credit or fee dated 2026-06-30, after the write-off date ' +
        '2026-01-20: write it off on or after that day.',
    );
    expect(agingReport(db, '2026-06-30').currencies.USD?.total ?? 0).toBe(0);
    const beta = clientHistories(db, '2026-06-30').find((client) => client.code === 'beta');
    expect(beta?.history.writeOffsLast12Months).toBe(1);
  });
});

describe('late fees in the management metrics', () => {
  it('only paid fees count collected', async () => {
    const db = await ledgerWithClients();
    issueInvoice(db, {
      clientCode: 'beta',
      number: 'B-7',
      invoiceDate: '2026-01-05',
      amountCents: 60_000,
      currency: 'USD',
    });
    // 1.5% of 600.00 on 2026-03-09 and on 2026-04-09: two fees of 9.00.
    expect(postTermCharges(db, '2026-04-30').map((fee) => fee.recordNumber)).toEqual([
      'B-7-LF1',
      'B-7-LF2',
    ]);
    await pay(db, '2026-04-20,beta,B-7-LF1,9.00\n');
    writeOffInvoice(db, 'B-7-LF2', '2026-04-25', 'Fee waived as a goodwill gesture');
    const usd = managementReport(db, '2026-03-01', '2026-04-30').portfolio.find(
      (group) => group.currency === 'USD',
    );
    expect(usd?.metrics.lateFeesChargedCents).toBe(1_800);
    expect(usd?.metrics.lateFeesCollectedCents).toBe(900);
  });
});

describe('a discount whose payment is reversed', () => {
  it('withdraws discount, charges full interest', async () => {
    const db = await ledgerWithClients();
    issueInvoice(db, {
      clientCode: 'acme',
      number: 'A-9',
      invoiceDate: '2026-01-05',
      amountCents: 100_000,
      currency: 'USD',
    });
    await pay(db, '2026-01-14,acme,A-9,980.00\n');
    expect(postTermCharges(db, '2026-01-31').map((charge) => charge.kind)).toEqual([
      'early-payment-discount',
    ]);

    // The bank returns the payment: its allocation is voided, as a reversal would.
    const paymentId = db
      .prepare(
        `SELECT a.payment_id FROM allocations a JOIN invoices i ON i.id = a.invoice_id
         WHERE i.number = 'A-9' AND a.payment_id IS NOT NULL`,
      )
      .pluck()
      .get();
    const voided = `voided_at = '2026-02-20T00:00:00Z', void_reason = 'returned'`;
    db.prepare(`UPDATE allocations SET ${voided} WHERE payment_id = ?`).run(paymentId);
    db.prepare(`UPDATE payments SET ${voided} WHERE id = ?`).run(paymentId);

    const withdrawn = postTermCharges(db, '2026-03-31');
    expect(
      withdrawn.map(({ kind, recordNumber, amountCents }) => [kind, recordNumber, amountCents]),
    ).toEqual([
      ['discount-withdrawal', 'A-9-DISC', 2_000],
      // Due 2026-02-04, grace to 2026-02-09: 1.5% of the whole 1,000.00 on 2026-03-09.
      ['late-fee', 'A-9-LF1', 1_500],
    ]);

    expect(withdrawn[0]?.explanation).toBe(
      'Early-payment discount on invoice A-9 withdrawn: 0.00 USD paid by 2026-01-15, ' +
        '980.00 USD needed',
    );
    expect(
      db
        .prepare(`SELECT voided_at IS NOT NULL FROM credit_notes WHERE number = 'A-9-DISC'`)
        .pluck()
        .get(),
    ).toBe(1);
    expect(agingReport(db, '2026-03-31').currencies.USD?.total).toBe(100_000 + 1_500);
    expect(postTermCharges(db, '2026-03-31')).toEqual([]);
  });
});

describe('tier policies and the ledger’s templates', () => {
  it('accepts ledger template, lists known ones', async () => {
    const db = await ledgerWithClients();
    const netThirty = DEFAULT_TERMS_TEMPLATES.find((terms) => terms.id === 'net-30');
    saveTermsTemplate(db, { ...netThirty, id: 'net-45', name: 'Net 45', netDays: 45 });
    const policies = readRiskSettings(db).tierPolicies;
    const saved = updateRiskSettings(db, {
      tierPolicies: { ...policies, low: { ...policies.low, termsTemplateId: 'net-45' } },
    });
    expect(saved.tierPolicies.low.termsTemplateId).toBe('net-45');
    expect(() =>
      updateRiskSettings(db, {
        tierPolicies: { ...policies, high: { ...policies.high, termsTemplateId: 'net-99' } },
      }),
    ).toThrow(
      'Invalid risk settings: tierPolicies.high.termsTemplateId: no payment terms "net-99" in ' +
        'this ledger; use one of net-30, 2-10-net-30, net-15, due-on-receipt, net-45.',
    );
    expect(readRiskSettings(db).tierPolicies.high.termsTemplateId).toBe('net-15');
  });
});

describe('a written-off invoice in the risk history', () => {
  it('counts as write-off, not late', async () => {
    const db = await ledgerWithClients();
    for (const [number, date] of [
      ['W-1', '2026-01-05'],
      ['W-2', '2026-01-06'],
      ['W-3', '2026-01-07'],
      ['W-4', '2026-01-08'],
    ] as const) {
      issueInvoice(db, {
        clientCode: 'beta',
        number,
        invoiceDate: date,
        amountCents: 10_000,
        currency: 'USD',
      });
    }
    await pay(
      db,
      '2026-02-04,beta,W-1,100.00\n2026-02-05,beta,W-2,100.00\n2026-02-06,beta,W-3,100.00\n',
    );
    writeOffInvoice(db, 'W-4', '2026-05-01', 'Client closed down');
    const beta = clientHistories(db, '2026-06-30').find((client) => client.code === 'beta');
    expect(beta?.history.writeOffsLast12Months).toBe(1);
    // OLD-2 (paid 2025-12-20) and W-1 to W-3 are settled. W-4 was written off, not paid.
    expect(beta?.history.settledInvoices.map((invoice) => invoice.settledDate)).toEqual([
      '2025-12-20',
      '2026-02-04',
      '2026-02-05',
      '2026-02-06',
    ]);
    const series = clientHistoriesAt(db, ['2026-06-30']).get('2026-06-30');
    const fromSeries = series?.find((client) => client.code === 'beta');
    expect(fromSeries?.history.settledInvoices).toEqual(beta?.history.settledInvoices);
  });
});
