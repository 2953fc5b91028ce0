import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.ts';
import { dispatchIpc } from '../../electron/ipc/dispatch.ts';
import { openLedger } from '../../electron/ledger/database.ts';
import {
  managementReport,
  type ManagementReport,
} from '../../electron/reports/management-metrics-report.ts';
import { ipcContract } from '../../shared/ipc/contract.ts';
import type { ManagementMetrics } from '../../shared/metrics/management-metrics.ts';
import { managementPeriod, writeManagementLedger } from '../support/management-ledger.ts';
import { useTempFolder } from '../support/temp-ledger.ts';
import { handlersFor } from '../support/ledger-handlers.ts';

const temp = useTempFolder();
const { from, to } = managementPeriod;

/**
 * Alder (USD, limit 10,000) settled two invoices in the period. A2 (2,000) ran 01-05 → 01-12,
 * 7 days, before its due date 02-04, with a 40.00 discount. A3 (1,000) ran 02-01 → 03-06,
 * 33 days, 3 days after its due date 03-03 but within 5 grace days, without the discount.
 * Open at the month ends: 0, A3 1,000, A4 3,000. Score: days late (3 × 1,000) ÷ 4,000 =
 * 0.75 × 2.5 = 1.875 → 2 points, trend 1 − 0 = 1 day × 0.5 → 1 point: 3, low.
 */
const alder: ManagementMetrics = {
  customerRiskScore: 3,
  // 3,000 ÷ 10,000 × 100.
  creditLimitUtilisation: 30,
  // (0 + 1,000 + 3,000) ÷ (10,000 × 3) × 100 = 13.33.
  creditUtilisationRatio: 13.33,
  // Both settled within due date + grace.
  paymentTermCompliance: 100,
  // A3 was late: 1 of 2.
  latePaymentFrequency: 50,
  // Both offered 2/10, A2 took it: 1 of 2, 40.00.
  earlyPaymentDiscountUsage: 50,
  discountsTakenCents: 40_00,
  // Its only late fee is voided, so none counts.
  latePaymentPenaltyEffectiveness: null,
  lateFeesChargedCents: null,
  lateFeesCollectedCents: null,
  // (7 × 2,000 + 33 × 1,000) ÷ 3,000 = 47,000 ÷ 3,000 = 15.67.
  averagePaymentTime: 15.67,
};

/**
 * Birch (USD, limit 5,000): settled in the period B0 (1,000, 10-15 → 01-25: 102 days),
 * B2 (1,000, 11-01 → 01-30: 90 days), B3 (2,000, 12-01 → 02-20: 81 days) and B4 (1,500,
 * 01-10 → 03-15: 64 days), all after due date + grace. Open at the month ends: B3 2,000 +
 * B4 1,500 + fee F2 30 = 3,530; B4 1,500 + F2 30 = 1,530; B5 2,000 + F2 30 = 2,030. Score:
 * days late over 20 (50 points, capped) and every invoice over 15 days late (30): 80, high.
 */
const birch: ManagementMetrics = {
  customerRiskScore: 80,
  // 2,030 ÷ 5,000 × 100.
  creditLimitUtilisation: 40.6,
  // (3,530 + 1,530 + 2,030) ÷ (5,000 × 3) × 100 = 7,090 ÷ 15,000 × 100 = 47.27.
  creditUtilisationRatio: 47.27,
  paymentTermCompliance: 0,
  latePaymentFrequency: 100,
  // No settled invoice offered a discount.
  earlyPaymentDiscountUsage: null,
  discountsTakenCents: null,
  // First fees in the period: B3 (02-05, paid 02-20, within 30 days) and B4 (01-26, paid
  // 03-15, 48 days on). B0's first fee fell in December. 1 of 2.
  latePaymentPenaltyEffectiveness: 50,
  // F4 15 + F2 30 + F1 30; collected F4 15 + F1 30, F2 not paid.
  lateFeesChargedCents: 75_00,
  lateFeesCollectedCents: 45_00,
  // (102 × 1,000 + 90 × 1,000 + 81 × 2,000 + 64 × 1,500) ÷ 5,500 = 450,000 ÷ 5,500 = 81.82.
  averagePaymentTime: 81.82,
};

/**
 * Cedar (EUR, limit 1,000 EUR): C1 (800, 01-15 → 02-10, 26 days, before its due date,
 * 2/10 offered, not taken). Open at the month ends: 800, C2 500, 500. Not scored.
 */
const cedar: ManagementMetrics = {
  customerRiskScore: null,
  // 500 ÷ 1,000 × 100.
  creditLimitUtilisation: 50,
  // (800 + 500 + 500) ÷ (1,000 × 3) × 100.
  creditUtilisationRatio: 60,
  paymentTermCompliance: 100,
  latePaymentFrequency: 0,
  // Offered and not taken: 0 of 1, a measured 0 rather than null.
  earlyPaymentDiscountUsage: 0,
  discountsTakenCents: 0,
  latePaymentPenaltyEffectiveness: null,
  lateFeesChargedCents: null,
  lateFeesCollectedCents: null,
  averagePaymentTime: 26,
};

/** Alder and Birch together, the USD portfolio. */
const usdPortfolio: ManagementMetrics = {
  // (3 + 80) ÷ 2.
  customerRiskScore: 41.5,
  // (3,000 + 2,030) ÷ (10,000 + 5,000) × 100 = 33.53.
  creditLimitUtilisation: 33.53,
  // (4,000 + 7,090) ÷ (15,000 × 3) × 100 = 24.64.
  creditUtilisationRatio: 24.64,
  // 2 of 6 settled kept their terms; 5 of 6 were late.
  paymentTermCompliance: 33.33,
  latePaymentFrequency: 83.33,
  earlyPaymentDiscountUsage: 50,
  discountsTakenCents: 40_00,
  latePaymentPenaltyEffectiveness: 50,
  lateFeesChargedCents: 75_00,
  lateFeesCollectedCents: 45_00,
  // (47,000 + 450,000) ÷ (3,000 + 5,500) = 58.47.
  averagePaymentTime: 58.47,
};

/** Rounds like the CLI, so that the hand-computed figures compare at two decimals. */
function rounded(metrics: ManagementMetrics): ManagementMetrics {
  const entries = Object.entries(metrics).map(([key, value]) => [
    key,
    value === null ? null : Math.round((value as number) * 100) / 100,
  ]);
  return Object.fromEntries(entries) as unknown as ManagementMetrics;
}

function report(): ManagementReport {
  const { db } = temp.ledger();
  writeManagementLedger(db);
  return managementReport(db, from, to);
}

describe('management metrics on a hand-built ledger', () => {
  it('measures each client in its main currency', () => {
    const { clients, monthEnds } = report();
    expect(monthEnds).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
    expect(clients.map(({ code, currency, tier }) => [code, currency, tier])).toEqual([
      ['ALD', 'USD', 'low'],
      ['BIR', 'USD', 'high'],
      ['CED', 'EUR', 'unscored'],
    ]);
    const [a, b, c] = clients.map((client) => rounded(client.metrics));
    expect(a).toEqual(alder);
    expect(b).toEqual(birch);
    expect(c).toEqual(cedar);
  });

  it('measures each tier per currency', () => {
    const { tiers } = report();
    expect(tiers.map(({ tier, currency, clients }) => [tier, currency, clients])).toEqual([
      ['unscored', 'EUR', 1],
      ['high', 'USD', 1],
      ['low', 'USD', 1],
    ]);
    expect(tiers.map((tier) => rounded(tier.metrics))).toEqual([cedar, birch, alder]);
  });

  it('measures the portfolio per currency', () => {
    const { portfolio } = report();
    expect(portfolio.map(({ currency, clients }) => [currency, clients])).toEqual([
      ['EUR', 1],
      ['USD', 2],
    ]);
    expect(rounded(portfolio[0]?.metrics as ManagementMetrics)).toEqual(cedar);
    expect(rounded(portfolio[1]?.metrics as ManagementMetrics)).toEqual(usdPortfolio);
  });

  it('reads the ledger as it stood at the end of the period', () => {
    const { db } = temp.ledger();
    writeManagementLedger(db);
    // To 2026-02-28: B3 (first fee 02-05, paid 02-20) and B4 (first fee 01-26, window ends
    // 02-25, unpaid) still give 1 of 2; B4's payment of 03-15 is not yet seen. Fees F4, F2,
    // F1 charged; collected F4 and F1. Month ends 01-31 and 02-28: Birch 3,530 and 1,530.
    const february = managementReport(db, from, '2026-02-28');
    const birchFebruary = february.clients.find((client) => client.code === 'BIR');
    expect(birchFebruary?.metrics.latePaymentPenaltyEffectiveness).toBe(50);
    expect(birchFebruary?.metrics.lateFeesCollectedCents).toBe(45_00);
    // 1,530 ÷ 5,000 × 100 = 30.6; (3,530 + 1,530) ÷ (5,000 × 2) × 100 = 50.6.
    expect(birchFebruary?.metrics.creditLimitUtilisation).toBeCloseTo(30.6, 10);
    expect(birchFebruary?.metrics.creditUtilisationRatio).toBeCloseTo(50.6, 10);

    // A period with nothing settled and no fees: the measures are null, not 0.
    const empty = managementReport(db, '2026-03-20', '2026-03-31');
    const alderEmpty = empty.clients.find((client) => client.code === 'ALD')?.metrics;
    expect(alderEmpty?.paymentTermCompliance).toBeNull();
    expect(alderEmpty?.latePaymentFrequency).toBeNull();
    expect(alderEmpty?.averagePaymentTime).toBeNull();
    expect(alderEmpty?.earlyPaymentDiscountUsage).toBeNull();
    expect(alderEmpty?.creditLimitUtilisation).toBe(30);
  });

  it('refuses a period that ends before it starts', () => {
    const { db } = temp.ledger();
    expect(() => managementReport(db, to, from)).toThrow(/after its end/);
  });
});

describe('duedesk metrics --by tier --json', () => {
  it('adds the tiers to the portfolio metrics', async () => {
    const path = join(temp.folder(), 'ledger.sqlite');
    const db = openLedger(path);
    writeManagementLedger(db);
    db.close();
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => err.push(text) };
    const code = await runCli(
      ['metrics', '--db', path, '--from', from, '--to', to, '--by', 'tier', '--json'],
      io,
    );
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const json = JSON.parse(out.join('\n'));
    // The collection metrics stay as they were: USD sales of the period A2 + A3 + A4 + B4 +
    // B5 = 2,000 + 1,000 + 3,000 + 1,500 + 2,000 = 9,500, late fees left out.
    expect(json.currencies.USD.creditSales).toBe(9_500_00);
    expect(json.management.by).toBe('tier');
    expect(json.management.monthEnds).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
    expect(json.management.groups).toEqual([
      { tier: 'unscored', currency: 'EUR', clients: 1, ...cedar },
      { tier: 'high', currency: 'USD', clients: 1, ...birch },
      { tier: 'low', currency: 'USD', clients: 1, ...alder },
    ]);
  });

  it('refuses an unknown grouping', async () => {
    const err: string[] = [];
    const code = await runCli(
      ['metrics', '--db', 'x.sqlite', '--from', from, '--to', to, '--by', 'industry'],
      { out: () => undefined, err: (text) => err.push(text) },
    );
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/--by "industry".*portfolio, tier or client/);
  });
});

describe('metrics/management handler', () => {
  it('answers within the contract, for all clients or one', async () => {
    const { db, path } = temp.ledger();
    writeManagementLedger(db);
    const reader = openLedger(path, { readOnly: true });
    const handlers = handlersFor(db, reader, path);
    try {
      const schema = ipcContract['metrics/management'].response;
      const all = await dispatchIpc(handlers, 'metrics/management', { from, to });
      if (!all.ok) throw new Error(JSON.stringify(all.error));
      const answer = schema.parse(all.value);
      expect(answer.clients.map((client) => client.code)).toEqual(['ALD', 'BIR', 'CED']);
      expect(rounded(answer.portfolio[1]?.metrics as ManagementMetrics)).toEqual(usdPortfolio);

      const birchId = answer.clients[1]?.clientId;
      const one = await dispatchIpc(handlers, 'metrics/management', {
        from,
        to,
        clientId: birchId,
      });
      if (!one.ok) throw new Error(JSON.stringify(one.error));
      const single = schema.parse(one.value);
      expect(single.clients).toHaveLength(1);
      expect(rounded(single.clients[0]?.metrics as ManagementMetrics)).toEqual(birch);

      const reversed = await dispatchIpc(handlers, 'metrics/management', { from: to, to: from });
      expect(reversed).toMatchObject({ ok: false, error: { code: 'rejected' } });
    } finally {
      reader.close();
    }
  });
});
