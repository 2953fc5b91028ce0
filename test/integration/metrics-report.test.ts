import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logInteraction } from '../../electron/collections/interactions.ts';
import { recordPromise } from '../../electron/collections/promises-to-pay.ts';
import type { Ledger } from '../../electron/ledger/database.ts';
import { agingReport } from '../../electron/reports/aging-report.ts';
import { metricsReport } from '../../electron/reports/documents/metrics-report.ts';
import {
  exportReport,
  previewReportRequest,
  reportContext,
} from '../../electron/reports/report-export.ts';
import { metricRegistry } from '../../shared/metrics/metric-registry.ts';
import type {
  ReportChart,
  ReportDocument,
  ReportRow,
  ReportTable,
} from '../../shared/reports/report-document.ts';
import { clientId, insertSentReminder } from '../support/collection-ledger.ts';
import { managementPeriod, writeManagementLedger } from '../support/management-ledger.ts';
import {
  expectA4Portrait,
  firstPageImage,
  pdfPages,
  skipPdfReading,
} from '../support/pdf-reader.ts';
import { useTempFolder } from '../support/temp-ledger.ts';
import { readCsv, oneLine } from '../support/report-files.ts';

const temp = useTempFolder();
const { from, to } = managementPeriod;
const generatedOn = '2026-04-01';
const now = new Date('2026-04-01T10:00:00Z');

/**
 * Writes the management ledger (Alder and Birch in USD, Cedar in EUR, 2026-01-01 to
 * 2026-03-31) and collection work on top, which changes none of its management metrics:
 * - an automated e-mail reminder to Birch for B4 (due 01-25), sent on 01-28;
 * - a 12-minute call to Cedar on 02-20, after C1 fell due on 02-14;
 * - a promise by Alder, made on 02-10, to pay 1,000.00 USD by 03-06;
 * - Anne manages Alder and Cedar, Bob manages Birch.
 */
function metricsLedger(): { db: Ledger; dir: string } {
  const { db, dir } = temp.ledger();
  writeManagementLedger(db);
  db.prepare(`UPDATE clients SET account_manager = 'Anne' WHERE code IN ('ALD', 'CED')`).run();
  db.prepare(`UPDATE clients SET account_manager = 'Bob' WHERE code = 'BIR'`).run();

  insertSentReminder(db, { client: 'BIR', invoices: ['B4'], sentOn: '2026-01-28' });
  logInteraction(
    db,
    clientId(db, 'CED'),
    {
      kind: 'call',
      direction: 'outbound',
      occurredOn: '2026-02-20',
      minutes: 12,
      outcome: 'Will pay C2 in March',
      summary: '',
      automated: false,
      repliesToReminderId: null,
    },
    now,
  );
  recordPromise(
    db,
    clientId(db, 'ALD'),
    {
      amountCents: 1_000_00,
      currency: 'USD',
      madeOn: '2026-02-10',
      promisedFor: '2026-03-06',
      interactionId: null,
    },
    now,
  );

  return { db, dir };
}

function metricsDocument(
  db: Ledger,
  filters: Record<string, string> = {},
  period: { from: string; to: string } = { from, to },
): ReportDocument {
  const request = { report: 'metrics', ...period, filters };
  return metricsReport(reportContext(db, request, generatedOn));
}

function metricTable(document: ReportDocument): ReportTable {
  const table = document.blocks.find(
    (block): block is ReportTable => block.kind === 'table' && block.title === 'Metrics',
  );
  if (table === undefined) throw new Error('No "Metrics" table in the document.');
  return table;
}

/** Maps the metric table's rows by metric name. */
function metricRows(document: ReportDocument): Map<string, ReportRow> {
  return new Map([...metricTable(document).rows].map((row) => [String(row['metric']), row]));
}

/** Finds the row of the metric with registry id `id`. */
function row(rows: Map<string, ReportRow>, id: string): ReportRow {
  const metric = metricRegistry.find((candidate) => candidate.id === id);
  const found = metric === undefined ? undefined : rows.get(metric.name);
  if (found === undefined) throw new Error(`No row for the metric "${id}".`);
  return found;
}

function charts(document: ReportDocument): ReportChart[] {
  return document.blocks.filter((block): block is ReportChart => block.kind === 'chart');
}

function chart(document: ReportDocument, title: string): ReportChart {
  const found = charts(document).find((candidate) => candidate.title === title);
  if (found === undefined) throw new Error(`No chart "${title}" in the document.`);
  return found;
}

function texts(document: ReportDocument): string[] {
  return document.blocks.flatMap((block) => (block.kind === 'text' ? [block.text] : []));
}

const fourCharts = [
  'Aging buckets at 2026-03-31 (USD)',
  'DSO by month',
  'Clients by risk tier at each month end',
  'Funnel of the invoices due in the period',
];

describe('metrics report', () => {
  it('lists every registry metric and definition', () => {
    const { db } = metricsLedger();
    const document = metricsDocument(db);
    const table = metricTable(document);
    expect([...table.rows].map((entry) => entry['metric'])).toEqual(
      metricRegistry.map((metric) => metric.name),
    );
    expect(table.columns.map((column) => column.key)).toEqual([
      'metric',
      'scope',
      'value_eur',
      'value_usd',
    ]);

    // A table cell is one line in the PDF, so the definitions are wrapped text after it.
    const paragraphs = texts(document);
    for (const metric of metricRegistry) {
      expect(paragraphs).toContain(`${metric.name}: ${metric.definition}`);
    }
    expect(document.fileStem).toBe('metrics-2026-01-01-to-2026-03-31');
    expect(document.header.title).toBe('Metrics report');
    expect(document.header.scope).toBe('2026-01-01 to 2026-03-31');
  });

  it('matches hand-computed DSO, CEI, days late', () => {
    const { db } = metricsLedger();
    const rows = metricRows(metricsDocument(db));
    const values = (id: string) => [row(rows, id)['value_usd'], row(rows, id)['value_eur']];
    // USD sales: A2 2,000 + A3 1,000 + A4 3,000 + B4 1,500 + B5 2,000; EUR: C1 800 + C2 500.
    expect(values('creditSales')).toEqual(['$9,500.00', '€1,300.00']);
    // Open at 2025-12-31: B0 1,000 + B2 1,000 + B3 2,000 + fee F3 15.
    expect(values('beginningReceivables')).toEqual(['$4,015.00', '€0.00']);

    // Open at 03-31: A4 3,000 and B5 2,000 (not yet due) + fee F2 30; C2 500, due 03-22.
    expect(values('endingReceivables')).toEqual(['$5,030.00', '€500.00']);
    expect(values('endingCurrentReceivables')).toEqual(['$5,000.00', '€0.00']);

    // 90 days: 5,030 ÷ 9,500 × 90 = 47.65; 500 ÷ 1,300 × 90 = 34.62.
    expect(values('dso')).toEqual(['47.65 days', '34.62 days']);
    // 5,000 ÷ 9,500 × 90 = 47.37; no EUR is current.
    expect(values('bestPossibleDso')).toEqual(['47.37 days', '0.00 days']);
    // 47.6526 − 47.3684 = 0.28.
    expect(values('averageDaysDelinquent')).toEqual(['0.28 days', '34.62 days']);
    // USD: March's 5,000 of sales fit in 5,030 (31 days), February's 1,000 takes the last 30:
    // 31 + 30 ÷ 1,000 × 28 = 31.84. EUR: March sold nothing (31), February's 500 is the rest
    // (28): 59.
    expect(values('countbackDso')).toEqual(['31.84 days', '59.00 days']);
    // (4,015 + 9,500 − 5,030) ÷ (4,015 + 9,500 − 5,000) = 8,485 ÷ 8,515 = 99.65%;
    // (0 + 1,300 − 500) ÷ (0 + 1,300 − 0) = 61.54%.
    expect(values('cei')).toEqual(['99.65%', '61.54%']);

    // Settled in the period: A2, A3, B0, B2, B3, B4; and C1.
    expect(values('settledInvoices')).toEqual(['6', '1']);
    // Days late 0 (A2), 3 (A3), 72 (B0), 60 (B2), 51 (B3), 49 (B4): 235 ÷ 6 = 39.17.
    expect(values('averageDaysLate')).toEqual(['39.17 days', '0.00 days']);
    // (3 × 1,000 + 72 × 1,000 + 60 × 1,000 + 51 × 2,000 + 49 × 1,500) ÷ 8,500 = 36.53.
    expect(values('weightedAverageDaysLate')).toEqual(['36.53 days', '0.00 days']);
    expect(row(rows, 'cei')['scope']).toBe('portfolio');
  });

  it('prints management, trend and dashboard metrics', () => {
    const { db } = metricsLedger();
    const rows = metricRows(metricsDocument(db));
    const values = (id: string) => [row(rows, id)['value_usd'], row(rows, id)['value_eur']];
    // The management ledger's portfolio figures, as its own test computes them.
    expect(values('customerRiskScore')).toEqual(['41.5', 'n/a']);
    expect(values('creditLimitUtilisation')).toEqual(['33.53%', '50.00%']);
    expect(values('creditUtilisationRatio')).toEqual(['24.64%', '60.00%']);
    expect(values('paymentTermCompliance')).toEqual(['33.33%', '100.00%']);
    expect(values('latePaymentFrequency')).toEqual(['83.33%', '0.00%']);
    expect(values('earlyPaymentDiscountUsage')).toEqual(['50.00%', '0.00%']);
    expect(values('discountsTakenCents')).toEqual(['$40.00', '€0.00']);
    expect(values('latePaymentPenaltyEffectiveness')).toEqual(['50.00%', 'n/a']);
    expect(values('lateFeesChargedCents')).toEqual(['$75.00', 'n/a']);
    expect(values('lateFeesCollectedCents')).toEqual(['$45.00', 'n/a']);
    expect(values('averagePaymentTime')).toEqual(['58.47 days', '26.00 days']);
    // March settled A3 (1,000, 33 days, 3 late) and B4 (1,500, 64 days, 49 late):
    // (33 × 1,000 + 64 × 1,500) ÷ 2,500 = 51.6 and (3 × 1,000 + 49 × 1,500) ÷ 2,500 = 30.6.
    expect(values('averagePaymentDays')).toEqual(['51.60 days', 'n/a']);
    expect(values('daysAgainstTerms')).toEqual(['30.60 days', 'n/a']);
    expect(values('lateShare')).toEqual(['100%', 'n/a']);
    expect(row(rows, 'lateShare')['scope']).toBe('portfolio, month 2026-03');

    // Per-client measures have no portfolio value.
    expect(values('riskScore')).toEqual(['n/a', 'n/a']);
    expect(row(rows, 'riskScore')['scope']).toBe('per client');
    expect(values('creditUtilisation')).toEqual(['n/a', 'n/a']);
    // Fee F2's 30 of 5,030 open is past due (0.6%); all of Cedar's C2 is.
    expect(values('overdueShare')).toEqual(['0.6%', '100%']);
  });

  it('prints the collection activity metrics', () => {
    const { db } = metricsLedger();
    const rows = metricRows(metricsDocument(db));
    const values = (id: string) => [row(rows, id)['value_usd'], row(rows, id)['value_eur']];
    // B4, reminded on 01-28, was paid on 03-15: 1 of 1.
    expect(values('collectionSuccessRate')).toEqual(['100.00%', 'n/a']);
    // B4 (due 01-25) was contacted by the reminder on 01-28; C1 (due 02-14) by the call on
    // 02-20. A2, A3, B5 and C2 were not contacted after their due dates.
    expect(values('timeToFirstContact')).toEqual(['3.00 days', '6.00 days']);
    expect(values('communicationResponseRate')).toEqual(['0.00%', 'n/a']);
    // B4 was not paid within 14 days of the reminder.
    expect(values('automatedReminderSuccessRate')).toEqual(['0.00%', 'n/a']);
    expect(values('manualCollectionMinutes')).toEqual(['0 min', '12 min']);
    expect(values('manualInteractions')).toEqual(['0', '1']);
    expect(values('automatedCollectionMinutes')).toEqual(['0 min', '0 min']);
    expect(values('automatedInteractions')).toEqual(['1', '0']);
    // The 3 months after January's first reminder end on 04-30, after the period.
    expect(values('dsoBeforeReminders')).toEqual(['n/a', 'n/a']);
  });

  it('draws four charts with their values', () => {
    const { db } = metricsLedger();
    const document = metricsDocument(db);
    expect(charts(document).map((entry) => entry.title)).toEqual(fourCharts);

    const aging = chart(document, 'Aging buckets at 2026-03-31 (USD)');
    expect(aging.labels).toEqual([
      'Current',
      '1–30 days',
      '31–60 days',
      '61–90 days',
      'Over 90 days',
    ]);
    // A4 and B5 are current; fee F2, due 01-26, is 64 days past due.
    expect(aging.series).toEqual([{ label: 'USD', values: [5_000_00, 0, 0, 30_00, 0] }]);
    const usd = agingReport(db, to).currencies['USD']!;
    expect(aging.series[0]!.values).toEqual(Object.values(usd.buckets));
    expect(aging.unit).toBe('money');
    expect(aging.currency).toBe('USD');
    expect(texts(document)).toContain(
      'Also owed at 2026-03-31: €500.00. The aging summary ages every currency.',
    );

    const dso = chart(document, 'DSO by month');
    expect(dso.labels).toHaveLength(12);
    expect(dso.labels[0]).toBe('2025-04');
    expect(dso.labels.at(-1)).toBe('2026-03');
    const byCurrency = Object.fromEntries(dso.series.map((line) => [line.label, line.values]));
    // January: 3,530 open ÷ 3,500 sold × 31 = 31.27. February: 2,530 ÷ 1,000 × 28 = 70.84.
    // March: 5,030 ÷ 5,000 × 31 = 31.19. October 2025: 2,000 ÷ 2,000 × 31 = 31.
    expect(byCurrency['USD']?.slice(-6)).toEqual([31, 45, 62.23, 31.27, 70.84, 31.19]);
    // EUR: 800 ÷ 800 × 31, 500 ÷ 500 × 28, and no sales in March.
    expect(byCurrency['EUR']?.slice(-3)).toEqual([31, 28, null]);

    const tiers = chart(document, 'Clients by risk tier at each month end');
    expect(tiers.labels).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
    // Birch is scored from January; Alder's third settled invoice (A3) comes on 03-06.
    expect(tiers.series).toEqual([
      { label: 'High risk', values: [1, 1, 1] },
      { label: 'Medium risk', values: [0, 0, 0] },
      { label: 'Low risk', values: [0, 0, 1] },
      { label: 'Not scored', values: [2, 2, 1] },
    ]);
    expect(tiers.stacked).toBe(true);

    const funnel = chart(document, 'Funnel of the invoices due in the period');
    expect(funnel.labels).toEqual(['Due', 'Reminded', 'Contacted', 'Promised', 'Paid']);
    // Due: A2, A3, B4, B5, C1, C2. Reminded: B4. Contacted: B4 and C1. Promised: A2 and A3,
    // dated before Alder's promise. Paid: A2, A3, B4 and C1.
    expect(funnel.series).toEqual([{ label: 'Invoices', values: [6, 1, 2, 2, 4] }]);
  });

  it('previews the formatted table', () => {
    const { db } = metricsLedger();
    const preview = previewReportRequest(db, { report: 'metrics', from, to }, generatedOn);
    const table = preview.blocks.find((block) => block.kind === 'table');
    expect(table?.kind).toBe('table');
    if (table?.kind !== 'table') return;
    expect(table.rows[0]).toEqual(['Credit sales', 'portfolio', '€1,300.00', '$9,500.00']);
    expect(preview.blocks.filter((block) => block.kind === 'chart')).toHaveLength(4);
    expect(preview.csvColumns).toContain('definition');
    expect(preview.fileStem).toBe('metrics-2026-01-01-to-2026-03-31');
  });

  it('CSV has plain numbers and currencies', async () => {
    const { db, dir } = metricsLedger();
    const out = join(dir, 'metrics.csv');
    const written = await exportReport(
      db,
      { report: 'metrics', from, to },
      { format: 'csv', outFile: out, generatedOn },
    );
    expect(written).toEqual({
      file: out,
      format: 'csv',
      rows: metricRegistry.length * 2,
      pages: null,
    });

    const records = readCsv(out);
    expect(Object.keys(records[0]!)).toEqual([
      'metric_id',
      'metric',
      'scope',
      'currency',
      'value',
      'unit',
      'definition',
    ]);
    expect(records.map((record) => record['metric_id'])).toEqual(
      metricRegistry.flatMap((metric) => [metric.id, metric.id]),
    );

    const value = (id: string, currency: string) => {
      const record = records.find(
        (candidate) => candidate['metric_id'] === id && candidate['currency'] === currency,
      );
      return record?.['value'];
    };
    expect(value('creditSales', 'USD')).toBe('9500.00');
    expect(value('creditSales', 'EUR')).toBe('1300.00');
    expect(value('endingReceivables', 'USD')).toBe('5030.00');
    expect(value('discountsTakenCents', 'USD')).toBe('40.00');
    expect(value('dso', 'USD')).toBe('47.65');
    expect(value('cei', 'EUR')).toBe('61.54');
    // 30 ÷ 5,030 to 4 places.
    expect(value('overdueShare', 'USD')).toBe('0.006');
    expect(value('settledInvoices', 'USD')).toBe('6');
    // No value is an empty cell, never "n/a" or NaN.
    expect(value('riskScore', 'USD')).toBe('');
    expect(records.every((record) => !Number.isNaN(Number(record['value'])))).toBe(true);

    const dso = records.find((record) => record['metric_id'] === 'dso')!;
    expect(dso).toMatchObject({ unit: 'days', scope: 'portfolio', currency: 'EUR' });
    expect(dso['definition']).toBe(
      metricRegistry.find((metric) => metric.id === 'dso')!.definition,
    );
  });

  it.skipIf(skipPdfReading)('PDF has table, charts and definitions', async () => {
    const { db, dir } = metricsLedger();
    const out = join(dir, 'metrics.pdf');
    const written = await exportReport(
      db,
      { report: 'metrics', from, to },
      { format: 'pdf', outFile: out, generatedOn },
    );
    const pages = pdfPages(out);
    expect(written).toEqual({
      file: out,
      format: 'pdf',
      rows: metricRegistry.length,
      pages: pages.length,
    });

    // The table, the four charts and the definitions start on pages of their own.
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages[0]).toMatch(/Metrics report/);
    expect(pages[0]).toMatch(/2026-01-01 to 2026-03-31/);
    expect(pages[0]).toMatch(/Page 1 of \d+/);

    const all = oneLine(pages.join('\n'));
    for (const line of [
      'DSO (days sales outstanding) portfolio 34.62 days 47.65 days',
      'CEI (collection effectiveness index) portfolio 61.54% 99.65%',
      'Credit sales portfolio €1,300.00 $9,500.00',
      'Customer risk score portfolio n/a 41.5',
    ]) {
      expect(all).toContain(line);
    }
    for (const title of fourCharts) expect(all).toContain(title);
    // Definitions print whole, not cut off in a table cell.
    expect(all).toContain('Definitions of the metrics');
    const cei = metricRegistry.find((metric) => metric.id === 'cei')!;
    expect(all).toContain(oneLine(`${cei.name}: ${cei.definition}`));
    expect(all).not.toContain('NaN');
    expectA4Portrait(firstPageImage(out, 'metrics-report'));
  });
});

describe('metrics report filters', () => {
  it('narrows to one risk tier', () => {
    const { db } = metricsLedger();
    const document = metricsDocument(db, { tier: 'high' });
    const rows = metricRows(document);
    expect(row(rows, 'customerRiskScore')).toMatchObject({
      scope: 'high tier',
      value_usd: '80',
      value_eur: 'n/a',
    });
    // Birch alone: 2,030 ÷ 5,000.
    expect(row(rows, 'creditLimitUtilisation')['value_usd']).toBe('40.60%');
    expect(row(rows, 'averagePaymentTime')['value_usd']).toBe('81.82 days');
    // Fee F2's 30 of Birch's 2,030 open.
    expect(row(rows, 'overdueShare')).toMatchObject({ scope: 'high tier', value_usd: '1.5%' });
    // The collection metrics are Birch's too: sales B4 1,500 + B5 2,000 in the period, and
    // DSO = 2,030 open ÷ 3,500 × 90 days = 52.20.
    expect(row(rows, 'creditSales')).toMatchObject({ scope: 'high tier', value_usd: '$3,500.00' });
    expect(row(rows, 'endingReceivables')['value_usd']).toBe('$2,030.00');
    expect(row(rows, 'dso')['value_usd']).toBe('52.20 days');

    expect(chart(document, 'Aging buckets at 2026-03-31 (USD)').series[0]!.values).toEqual([
      2_000_00, 0, 0, 30_00, 0,
    ]);
    // B4 and B5 fell due; B4 was reminded, contacted and paid.
    const funnel = chart(document, 'Funnel of the invoices due in the period');
    expect(funnel.series[0]!.values).toEqual([2, 1, 1, 0, 1]);
    // Birch is high risk at every month end.
    const tiers = chart(document, 'Clients by risk tier at each month end');
    expect(tiers.series.map((series) => series.values)).toEqual([
      [1, 1, 1],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);

    expect(texts(document)[0]).toContain('Metrics computed per tier show high tier');
    expect(document.header.scope).toBe('2026-01-01 to 2026-03-31 · high risk');
  });

  it('narrows to one client', () => {
    const { db } = metricsLedger();
    const rows = metricRows(metricsDocument(db, { client: 'BIR' }));
    expect(row(rows, 'riskScore')).toMatchObject({ scope: 'client BIR', value_usd: '80' });
    // Birch's open 2,030 ÷ its 5,000 limit at the end of March.
    expect(row(rows, 'creditUtilisation')).toMatchObject({
      scope: 'client BIR, month 2026-03',
      value_usd: '40.6%',
    });
    // B4 alone settled in March: 64 days from its invoice date, 49 past its due date.
    expect(row(rows, 'averagePaymentDays')['value_usd']).toBe('64.00 days');
    expect(row(rows, 'daysAgainstTerms')['value_usd']).toBe('49.00 days');
    expect(row(rows, 'collectionSuccessRate')).toMatchObject({
      scope: 'client BIR',
      value_usd: '100.00%',
    });

    const cedar = metricRows(metricsDocument(db, { client: 'CED' }));
    // One settled invoice: not scored.
    expect(row(cedar, 'riskScore')).toMatchObject({ scope: 'client CED', value_eur: 'n/a' });
    expect(row(cedar, 'timeToFirstContact')['value_eur']).toBe('6.00 days');
    expect(row(cedar, 'manualCollectionMinutes')['value_eur']).toBe('12 min');
    expect(row(cedar, 'timeToFirstContact')['value_usd']).toBe('n/a');
  });

  it('narrows to one currency', async () => {
    const { db, dir } = metricsLedger();
    const document = metricsDocument(db, { currency: 'EUR' });
    expect(metricTable(document).columns.map((column) => column.key)).toEqual([
      'metric',
      'scope',
      'value_eur',
    ]);
    expect(row(metricRows(document), 'dso')['value_eur']).toBe('34.62 days');

    const aging = chart(document, 'Aging buckets at 2026-03-31 (EUR)');
    // C2, due 03-22, is 9 days past due.
    expect(aging.series).toEqual([{ label: 'EUR', values: [0, 500_00, 0, 0, 0] }]);
    expect(chart(document, 'DSO by month').series.map((line) => line.label)).toEqual(['EUR']);
    // Due: C1 and C2. C1 was contacted (the call of 02-20) and paid.
    const funnel = chart(document, 'Funnel of the invoices due in the period');
    expect(funnel.series[0]!.values).toEqual([2, 0, 1, 0, 1]);

    const out = join(dir, 'eur.csv');
    await exportReport(
      db,
      { report: 'metrics', from, to, filters: { currency: 'EUR' } },
      { format: 'csv', outFile: out, generatedOn },
    );
    const records = readCsv(out);
    expect(records).toHaveLength(metricRegistry.length);
    expect(new Set(records.map((record) => record['currency']))).toEqual(new Set(['EUR']));
  });

  it('narrows the charts to a manager', () => {
    const { db } = metricsLedger();
    const document = metricsDocument(db, { manager: 'anne' });
    const rows = metricRows(document);
    // Nothing is grouped by manager, so the grouped metrics are the portfolio's.
    expect(row(rows, 'customerRiskScore')).toMatchObject({ scope: 'portfolio', value_usd: '41.5' });
    // Alder's A4 (3,000, current) is all Anne's clients owe in USD.
    expect(row(rows, 'overdueShare')).toMatchObject({ scope: 'filtered clients', value_usd: '0%' });

    expect(chart(document, 'Aging buckets at 2026-03-31 (USD)').series[0]!.values).toEqual([
      3_000_00, 0, 0, 0, 0,
    ]);
    // Due: A2, A3, C1, C2. Contacted: C1. Promised: A2 and A3. Paid: A2, A3, C1.
    const funnel = chart(document, 'Funnel of the invoices due in the period');
    expect(funnel.series[0]!.values).toEqual([4, 0, 1, 2, 3]);
    expect(texts(document)[0]).toContain('The grouped metrics cannot be computed');
  });
});

describe('metrics report with nothing to measure', () => {
  it('reports nothing for an empty ledger', async () => {
    const { db, dir } = temp.ledger();
    const document = metricsDocument(db);
    const table = metricTable(document);
    expect([...table.rows]).toEqual([]);
    expect(table.emptyText).toBe(
      'Nothing was invoiced, paid or credited by 2026-03-31, so no metric has a value: each ' +
        'reads n/a.',
    );

    expect(charts(document)).toEqual([]);
    const paragraphs = texts(document);
    expect(paragraphs).toContain('Nothing is owed at the end of 2026-03-31.');
    expect(paragraphs).toContain(
      'No month up to 2026-03-31 had credit sales, so there is no DSO by month to chart.',
    );
    expect(paragraphs).toContain(
      'No client of the report had been invoiced by 2026-03-31, so there is no tier mix to chart.',
    );
    expect(paragraphs).toContain(
      'No sale invoice of the report was due from 2026-01-01 to 2026-03-31, so there is no ' +
        'collection funnel to chart.',
    );
    // The definitions still name every metric.
    for (const metric of metricRegistry) {
      expect(paragraphs).toContain(`${metric.name}: ${metric.definition}`);
    }

    const out = join(dir, 'empty.csv');
    await exportReport(db, { report: 'metrics', from, to }, { format: 'csv', outFile: out });
    const records = readCsv(out);
    expect(records.map((record) => record['metric_id'])).toEqual(
      metricRegistry.map((metric) => metric.id),
    );
    expect(records.every((record) => record['value'] === '' && record['currency'] === '')).toBe(
      true,
    );
  });

  it('prints n/a for a quiet period', () => {
    const { db } = metricsLedger();
    const document = metricsDocument(db, {}, { from: '2027-01-01', to: '2027-01-31' });
    const rows = metricRows(document);
    const cells = [...rows.values()].flatMap((entry) => [entry['value_usd'], entry['value_eur']]);
    expect(cells.join(' ')).not.toMatch(/NaN|Infinity|undefined/);

    // Nothing sold: DSO has no denominator, while the receivables are still there.
    expect(row(rows, 'creditSales')['value_usd']).toBe('$0.00');
    expect(row(rows, 'dso')['value_usd']).toBe('n/a');
    expect(row(rows, 'averageDaysLate')['value_usd']).toBe('n/a');
    expect(row(rows, 'endingReceivables')['value_usd']).toBe('$5,030.00');
    expect(row(rows, 'paymentTermCompliance')['value_usd']).toBe('n/a');
    expect(texts(document)).toContain(
      'No sale invoice of the report was due from 2027-01-01 to 2027-01-31, so there is no ' +
        'collection funnel to chart.',
    );
  });

  it.skipIf(skipPdfReading)('empty ledger PDF has no NaN', async () => {
    const { db, dir } = temp.ledger();
    const out = join(dir, 'empty.pdf');
    await exportReport(
      db,
      { report: 'metrics', from, to },
      { format: 'pdf', outFile: out, generatedOn },
    );

    const all = oneLine(pdfPages(out).join('\n'));
    expect(all).toContain('Nothing was invoiced, paid or credited by 2026-03-31');
    expect(all).toContain('Nothing is owed at the end of 2026-03-31.');
    expect(all).not.toContain('NaN');
  });
});
