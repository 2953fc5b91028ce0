import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.ts';
import { createDemoLedger, demoClientProfiles } from '../../electron/demo/demo-ledger.ts';
import { dispatchIpc } from '../../electron/ipc/dispatch.ts';
import { openLedger, type Ledger } from '../../electron/ledger/database.ts';
import {
  readRiskSettings,
  RiskSettingsError,
  updateRiskSettings,
} from '../../electron/ledger/risk-settings-store.ts';
import { clientHistories } from '../../electron/risk/client-history.ts';
import { clientHistoriesAt } from '../../electron/risk/client-history-series.ts';
import { readRiskAssessments } from '../../electron/risk/risk-assessments.ts';
import { riskReport } from '../../electron/risk/risk-report.ts';
import { segmentationReport } from '../../electron/risk/segmentation-report.ts';
import { addDays, addMonths, type IsoDate } from '../../shared/calendar-date.ts';
import { ipcContract } from '../../shared/ipc/contract.ts';
import { formatMoney } from '../../shared/money.ts';
import { DEFAULT_RISK_CONFIG } from '../../shared/risk/risk-settings.ts';
import { countTiers, previousQuarterEnd, tierMixDates } from '../../shared/risk/tier-change.ts';
import { useTempFolder } from '../support/temp-ledger.ts';
import { handlersFor } from '../support/ledger-handlers.ts';

const temp = useTempFolder();
const options = { clients: 120, invoices: 12_000, seed: 20_260_331, endDate: '2026-03-31' };

function demoLedger(): { db: Ledger; path: string } {
  const { db, path } = temp.ledger();
  createDemoLedger(db, options);
  return { db, path };
}

/** Sorted copies, so that two histories compare whatever order the queries returned. */
function comparable(inputs: ReturnType<typeof clientHistories>) {
  const sorted = <T>(list: readonly T[]) =>
    [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return inputs.map((input) => ({
    ...input,
    history: {
      ...input.history,
      settledInvoices: sorted(input.history.settledInvoices),
      openInvoices: sorted(input.history.openInvoices),
    },
  }));
}

describe('clientHistoriesAt', () => {
  it('matches clientHistories at every date', () => {
    const { db } = demoLedger();
    const dates = [...tierMixDates('2026-03-31'), '2025-12-31', '2025-06-15'];
    const series = clientHistoriesAt(db, dates);
    for (const date of dates) {
      const expected = comparable(clientHistories(db, date));
      expect(expected.length, date).toBeGreaterThan(0);
      const actual = comparable(
        (series.get(date) ?? []).map(({ twelveMonthSalesCents: _sales, ...input }) => input),
      );
      expect(actual, date).toEqual(expected);
    }
  });
});

describe('segmentation report on a demo ledger', () => {
  it('flags a deteriorating client between quarter ends', () => {
    const { db } = demoLedger();
    // The last quarter end the demo's invoices cover, and the quarter end before it.
    const lastInvoice = db
      .prepare("SELECT MAX(invoice_date) FROM invoices WHERE kind = 'sale'")
      .pluck()
      .get() as IsoDate;
    const asOf = previousQuarterEnd(addDays(lastInvoice, 1));
    const before = previousQuarterEnd(asOf);
    const report = segmentationReport(db, asOf);
    expect(report.previousQuarterEnd).toBe(before);

    // The ledger shows the worsening: invoices settled in the last quarter were paid later,
    // weighted by amount, than those settled in the year before it.
    const lateness = db.prepare(
      `SELECT SUM(MAX(julianday(s.settled) - julianday(i.due_date), 0) * i.amount_cents)
              / SUM(i.amount_cents)
       FROM invoices i
       JOIN (SELECT invoice_id, MAX(applied_on) AS settled, SUM(amount_cents) AS paid
             FROM allocations WHERE voided_at IS NULL GROUP BY invoice_id) s
         ON s.invoice_id = i.id AND s.paid = i.amount_cents
       WHERE i.client_id = ? AND s.settled > ? AND s.settled <= ?`,
    );
    const profiles = demoClientProfiles(options);
    const flagged = report.clients.filter(
      (client) => client.rose && profiles.get(client.code) === 'deteriorating',
    );
    expect(flagged.length).toBeGreaterThan(0);
    const client = flagged[0]!;
    const recent = lateness.pluck().get(client.clientId, before, asOf) as number;
    const earlier = lateness.pluck().get(client.clientId, addMonths(before, -12), before) as number;
    expect(recent).toBeGreaterThan(earlier + 5);

    if (client.previous?.status !== 'scored' || client.risk.status !== 'scored') {
      throw new Error(`${client.code} should be scored at both dates`);
    }
    const order = ['low', 'medium', 'high'];
    expect(order.indexOf(client.risk.tier)).toBeGreaterThan(order.indexOf(client.previous.tier));
    expect(client.suggestions.length).toBeGreaterThan(0);

    // The credit limit suggestion, from the sale invoices of the 12 months read directly.
    const sales = db
      .prepare(
        `SELECT SUM(amount_cents) FROM invoices
         WHERE client_id = ? AND currency = ? AND kind = 'sale' AND status = 'issued'
           AND voided_at IS NULL AND invoice_date > ? AND invoice_date <= ?`,
      )
      .pluck()
      .get(client.clientId, client.currency, addMonths(asOf, -12), asOf) as number;
    expect(client.twelveMonthSalesCents).toBe(sales);
    const months = DEFAULT_RISK_CONFIG.tierPolicies[client.risk.tier].creditLimitMonths as number;
    const step = 10_000;
    const limit = Math.floor((sales * months) / 12 / step) * step;
    expect(client.policyCreditLimitCents).toBe(limit);
    const limitText = client.suggestions.find((suggestion) => suggestion.kind === 'credit-limit');
    if (client.creditLimitCents !== null && client.creditLimitCents > limit) {
      expect(limitText?.text).toMatch(
        `Lower the credit limit from ${formatMoney(client.creditLimitCents, client.currency)} ` +
          `to ${formatMoney(limit, client.currency)}: `,
      );
    }
    // Named by the ledger's template of the client, which the demo sets for every client.
    const template = db
      .prepare('SELECT terms_template_id FROM clients WHERE id = ?')
      .pluck()
      .get(client.clientId) as string;
    const policyTerms = DEFAULT_RISK_CONFIG.tierPolicies[client.risk.tier].termsTemplateId;
    const terms = client.suggestions.find((suggestion) => suggestion.kind === 'terms');
    if (template === policyTerms) {
      expect(terms).toBeUndefined();
    } else {
      const name = template.replace(/^net-(\d+)$/, 'Net $1').replace('2-10-net-30', '2/10 net 30');
      expect(terms?.text).toMatch(`Switch the payment terms from ${name} to `);
    }
  });

  it('adds the tier mix up to the clients invoiced', () => {
    const { db } = demoLedger();
    const asOf = '2026-02-15';
    const report = segmentationReport(db, asOf);
    expect(report.tierMix.map((point) => point.date)).toEqual(tierMixDates(asOf));
    const invoiced = db.prepare(
      `SELECT COUNT(DISTINCT client_id) FROM invoices
       WHERE kind = 'sale' AND status = 'issued' AND voided_at IS NULL AND invoice_date <= ?`,
    );
    for (const point of report.tierMix) {
      const { low, medium, high, unscored } = point.counts;
      expect(low + medium + high + unscored, point.date).toBe(invoiced.pluck().get(point.date));
      const byCurrency = Object.values(point.byCurrency);
      const perCurrency = byCurrency.reduce(
        (sum, counts) => sum + counts.low + counts.medium + counts.high + counts.unscored,
        0,
      );
      expect(perCurrency, point.date).toBe(low + medium + high + unscored);
    }
    const last = report.tierMix.at(-1)!;
    expect(last.counts).toEqual(countTiers(riskReport(db, asOf).clients.map((c) => c.risk)));
    expect(report.clients.length).toBe(invoiced.pluck().get(asOf));
  });
});

describe('risk settings', () => {
  it('rejects a bad update and saves nothing', () => {
    const { db } = temp.ledger();
    const audits = () => db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get();
    const auditsBefore = audits();
    expect(() => updateRiskSettings(db, { tierThresholds: { medium: 65, high: 35 } })).toThrow(
      new RiskSettingsError(
        'Invalid risk settings: tierThresholds.high: expected the high threshold above the ' +
          'medium one, such as medium 35 and high 65.',
      ),
    );
    expect(() => updateRiskSettings(db, { minimumSettledInvoices: 2.5 })).toThrow(
      /minimumSettledInvoices: expected a number of invoices from 1 to 100, such as 3 as a whole/,
    );
    expect(db.prepare("SELECT COUNT(*) FROM settings WHERE key = 'risk'").pluck().get()).toBe(0);
    expect(audits()).toBe(auditsBefore);
  });

  it('saves an update with an audit entry', () => {
    const { db } = temp.ledger();
    const policies = DEFAULT_RISK_CONFIG.tierPolicies;
    const saved = updateRiskSettings(db, {
      tierThresholds: { medium: 30, high: 60 },
      tierPolicies: { ...policies, high: { ...policies.high, cashOnDelivery: true } },
    });
    expect(saved.tierThresholds).toEqual({ medium: 30, high: 60 });
    expect(readRiskSettings(db)).toEqual(saved);
    expect(readRiskSettings(db).tierPolicies.high.cashOnDelivery).toBe(true);
    expect(readRiskSettings(db).weights).toEqual(DEFAULT_RISK_CONFIG.weights);
    const audit = db
      .prepare("SELECT action, details FROM audit_log WHERE entity = 'risk-settings'")
      .all() as { action: string; details: string }[];
    expect(audit.length).toBe(1);
    expect(audit[0]!.action).toBe('update');
    expect(JSON.parse(audit[0]!.details).changes.tierThresholds).toEqual({ medium: 30, high: 60 });
  });

  it('falls back field by field on bad stored JSON', () => {
    const { db } = temp.ledger();
    const stored = { tierThresholds: { medium: 'x', high: 60 }, minimumSettledInvoices: 4 };
    db.prepare("INSERT INTO settings (key, value) VALUES ('risk', ?)").run(JSON.stringify(stored));
    const settings = readRiskSettings(db);
    expect(settings.tierThresholds).toEqual(DEFAULT_RISK_CONFIG.tierThresholds);
    expect(settings.minimumSettledInvoices).toBe(4);
    db.prepare("UPDATE settings SET value = '{not json' WHERE key = 'risk'").run();
    expect(readRiskSettings(db)).toEqual(DEFAULT_RISK_CONFIG);
  });

  it('reach the report through IPC', async () => {
    const { db, path } = demoLedger();
    const reader = openLedger(path, { readOnly: true });
    const events: string[] = [];
    try {
      const handlers = handlersFor(db, reader, path, (event, payload) =>
        events.push(`${event} ${JSON.stringify(payload)}`),
      );
      const bad = await dispatchIpc(handlers, 'risk/settings/update', {
        tierThresholds: { medium: 50, high: 50 },
      });
      expect(bad).toEqual({
        ok: false,
        error: {
          code: 'invalid-request',
          message: 'Invalid risk/settings/update request.',
          issues: [
            'tierThresholds.high: expected the high threshold above the medium one, such as ' +
              'medium 35 and high 65',
          ],
        },
      });
      const good = await dispatchIpc(handlers, 'risk/settings/update', {
        tierThresholds: { medium: 20, high: 40 },
      });
      expect(good.ok).toBe(true);
      expect(events).toEqual(['ledger/changed {"reason":"risk-settings"}']);

      const answer = await dispatchIpc(handlers, 'risk/segmentation', { asOf: '2026-03-31' });
      if (!answer.ok) throw new Error(JSON.stringify(answer.error));
      const response = ipcContract['risk/segmentation'].response.parse(answer.value);
      expect(response.tierThresholds).toEqual({ medium: 20, high: 40 });
      const config = readRiskSettings(db);
      const direct = segmentationReport(db, '2026-03-31', config);
      expect(response.clients.map((row) => [row.code, row.score, row.tier])).toEqual(
        direct.clients.map((client) => [
          client.code,
          client.risk.status === 'scored' ? client.risk.score : null,
          client.risk.status === 'scored' ? client.risk.tier : null,
        ]),
      );
      for (const row of response.clients) {
        if (row.score === null) continue;
        let expectedTier = 'low';
        if (row.score >= 20) expectedTier = 'medium';
        if (row.score >= 40) expectedTier = 'high';
        expect(row.tier, row.code).toBe(expectedTier);
      }
      const report = await dispatchIpc(handlers, 'risk/report', { asOf: '2026-03-31' });
      if (!report.ok) throw new Error(JSON.stringify(report.error));
      const tiers = ipcContract['risk/report'].response.parse(report.value).clients;
      expect(tiers.map((row) => row.tier)).toEqual(response.clients.map((row) => row.tier));
    } finally {
      reader.close();
    }
  });
});

describe('duedesk risk assessments', () => {
  it('writes one row per client and replaces a rerun', async () => {
    const dir = temp.folder();
    const path = join(dir, 'demo.db');
    const setup = openLedger(path);
    createDemoLedger(setup, { clients: 30, invoices: 1_500, seed: 7, endDate: '2026-03-31' });
    setup.close();
    const io = { out: () => undefined, err: (text: string) => expect(text).toBe('') };

    expect(await runCli(['risk', '--db', path, '--as-of', '2026-03-31'], io)).toBe(0);
    let db = openLedger(path);
    const first = readRiskAssessments(db, '2026-03-31');
    const report = riskReport(db, '2026-03-31');
    expect(first.length).toBe(30);
    expect(first.map((row) => [row.clientId, row.score, row.tier, row.components])).toEqual(
      [...report.clients]
        .sort((a, b) => a.clientId - b.clientId)
        .map((client) => [
          client.clientId,
          client.risk.status === 'scored' ? client.risk.score : null,
          client.risk.status === 'scored' ? client.risk.tier : null,
          client.risk.status === 'scored' ? client.risk.components : [],
        ]),
    );
    // Every score of 1 or more is high once the thresholds are 1 and 2.
    updateRiskSettings(db, { tierThresholds: { medium: 1, high: 2 } });
    db.close();

    expect(await runCli(['risk', '--db', path, '--as-of', '2026-03-31'], io)).toBe(0);
    expect(await runCli(['risk', '--db', path, '--as-of', '2025-12-31', '--json'], io)).toBe(0);
    db = openLedger(path);
    const second = readRiskAssessments(db, '2026-03-31');
    expect(second.length).toBe(30);
    expect(db.prepare('SELECT COUNT(*) FROM risk_assessments').pluck().get()).toBe(
      30 + readRiskAssessments(db, '2025-12-31').length,
    );
    for (const row of second.filter((entry) => entry.score !== null && entry.score >= 2)) {
      expect(row.tier, String(row.clientId)).toBe('high');
    }
    expect(second.some((row, index) => row.tier !== first[index]!.tier)).toBe(true);
    expect(second[0]!.assessedAt >= first[0]!.assessedAt).toBe(true);
    db.close();
  });

  it('prints tiers, rising clients and the tier mix', async () => {
    const dir = temp.folder();
    const path = join(dir, 'demo.db');
    const setup = openLedger(path);
    createDemoLedger(setup, options);
    const report = segmentationReport(setup, '2025-12-31');
    setup.close();
    const out: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => out.push(text) };
    expect(await runCli(['risk', '--db', path, '--as-of', '2025-12-31'], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/^Client risk as of 2025-12-31\n/);
    expect(text).toContain('High risk: ');
    expect(text).toContain('Policy: Net 15, late fee 2%, early-payment incentive none');
    const rising = report.clients.filter((client) => client.rose);
    expect(rising.length).toBeGreaterThan(0);
    expect(text).toContain(`Rising clients: ${rising.length} clients with a higher tier`);
    for (const suggestion of rising.flatMap((client) => client.suggestions)) {
      expect(text).toContain(`  - ${suggestion.text}`);
    }
    const last = report.tierMix.at(-1)!.counts;
    const total = last.low + last.medium + last.high + last.unscored;
    expect(text).toMatch(
      new RegExp(
        `2025-12-31 +${last.low} +${last.medium} +${last.high} +${last.unscored} +${total}\\n`,
      ),
    );
    expect(text).toContain(`Recorded ${report.clients.length} assessments as of 2025-12-31`);
  });

  it('refuses a missing ledger', async () => {
    const err: string[] = [];
    const io = { out: () => undefined, err: (text: string) => err.push(text) };
    const missing = join(temp.folder(), 'none.db');
    expect(await runCli(['risk', '--db', missing, '--as-of', '2026-03-31'], io)).toBe(1);
    expect(err.join('\n')).toContain(`Ledger not found: ${missing}.`);
  });
});
