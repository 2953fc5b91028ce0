/**
 * One measured step of the benchmark, run in its own process so that its peak memory is its
 * own. Prints one JSON line: the step's seconds, rows and peak resident set size.
 */
import { createWriteStream, rmSync } from 'node:fs';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { importFile } from '../../electron/import/import-file.ts';
import { openLedger } from '../../electron/ledger/database.ts';
import { agingReport } from '../../electron/reports/aging-report.ts';
import { collectionMetrics } from '../../electron/reports/collection-metrics-report.ts';
import { exportInvoicesCsv } from '../../electron/reports/invoice-export.ts';
import { exportReport } from '../../electron/reports/report-export.ts';
import { openInvoicesAsOf, writeOpenInvoicesLedger } from './open-invoices-ledger.ts';
import { benchHeader, benchLine, benchRows } from './bench-data.ts';

const [phase, ...args] = process.argv.slice(3);

function report(result: Record<string, unknown>): void {
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ phase, ...result, peakRssMb })}\n`);
}

async function writeFile(path: string, count: number) {
  const out = createWriteStream(path);
  out.write(`${benchHeader}\r\n`);
  let chunk: string[] = [];
  for (const row of benchRows(count)) {
    chunk.push(benchLine(row));
    if (chunk.length === 10_000) {
      if (!out.write(`${chunk.join('\r\n')}\r\n`)) await once(out, 'drain');
      chunk = [];
    }
  }
  if (chunk.length > 0) out.write(`${chunk.join('\r\n')}\r\n`);
  out.end();
  await once(out, 'finish');
}

/** The baseline: the same records written by bare prepared statements, values in memory. */
function rawInsert(dbPath: string, count: number) {
  rmSync(dbPath, { force: true });
  const db = openLedger(dbPath);
  const rows = [...benchRows(count)];
  const now = new Date().toISOString();
  const began = performance.now();
  const insertClient = db.prepare('INSERT INTO clients (code, name, created_at) VALUES (?, ?, ?)');
  const insertInvoice = db.prepare(
    `INSERT INTO invoices (client_id, number, invoice_date, due_date, amount_cents, currency,
       created_at) VALUES (?, ?, ?, ?, ?, 'USD', ?)`,
  );
  const insertPayment = db.prepare(
    `INSERT INTO payments (client_id, payment_date, amount_cents, currency, source_key,
       created_at) VALUES (?, ?, ?, 'USD', ?, ?)`,
  );
  const insertAllocation = db.prepare(
    `INSERT INTO allocations (invoice_id, payment_id, amount_cents, applied_on, created_at)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const clients = new Map<string, number>();
  db.transaction(() => {
    for (const row of rows) {
      let clientId = clients.get(row.client);
      if (clientId === undefined) {
        clientId = Number(insertClient.run(row.client, row.client, now).lastInsertRowid);
        clients.set(row.client, clientId);
      }
      const invoiceId = insertInvoice.run(
        clientId,
        row.number,
        row.invoiceDate,
        row.dueDate,
        row.amountCents,
        now,
      ).lastInsertRowid;
      if (row.settledDate) {
        const paymentId = insertPayment.run(
          clientId,
          row.settledDate,
          row.amountCents,
          `invoice:${row.number}:settled`,
          now,
        ).lastInsertRowid;
        insertAllocation.run(invoiceId, paymentId, row.amountCents, row.settledDate, now);
      }
    }
  })();
  const seconds = (performance.now() - began) / 1000;
  db.close();
  return { seconds, rows: rows.length };
}

async function runImport(dbPath: string, file: string) {
  rmSync(dbPath, { force: true });
  const db = openLedger(dbPath);
  const began = performance.now();
  const result = await importFile(db, file, { preset: 'ibm-ar', currency: 'USD' });
  const seconds = (performance.now() - began) / 1000;
  db.close();
  if (result.status !== 'imported') throw new Error(`import ${result.status}`);
  return { seconds, rows: result.rowsRead };
}

/** The same aging as one SQL statement: what a developer would write by hand. */
function handAging(dbPath: string, asOf: string) {
  const db = openLedger(dbPath, { readOnly: true });
  const began = performance.now();
  const rows = db
    .prepare(
      `SELECT currency, bucket, SUM(balance) AS cents, COUNT(*) AS invoices FROM (
         SELECT i.currency, i.amount_cents - COALESCE((
                  SELECT SUM(a.amount_cents) FROM allocations a
                  WHERE a.invoice_id = i.id AND a.applied_on <= @asOf AND a.voided_at IS NULL
                ), 0) AS balance,
                CASE WHEN julianday(@asOf) - julianday(i.due_date) <= 0 THEN 'current'
                     WHEN julianday(@asOf) - julianday(i.due_date) <= 30 THEN '1-30'
                     WHEN julianday(@asOf) - julianday(i.due_date) <= 60 THEN '31-60'
                     WHEN julianday(@asOf) - julianday(i.due_date) <= 90 THEN '61-90'
                     ELSE '90+' END AS bucket
         FROM invoices i
         WHERE i.invoice_date <= @asOf AND i.voided_at IS NULL AND i.status = 'issued'
       ) WHERE balance <> 0 GROUP BY currency, bucket`,
    )
    .all({ asOf }) as { cents: number }[];
  const seconds = (performance.now() - began) / 1000;
  db.close();
  return { seconds, total: rows.reduce((sum, row) => sum + row.cents, 0) };
}

function aging(dbPath: string, asOf: string) {
  const db = openLedger(dbPath, { readOnly: true });
  const began = performance.now();
  const usd = agingReport(db, asOf).currencies.USD;
  const seconds = (performance.now() - began) / 1000;
  db.close();
  return { seconds, total: usd?.total ?? 0, open: usd?.count ?? 0 };
}

function metrics(dbPath: string, from: string, to: string) {
  const db = openLedger(dbPath, { readOnly: true });
  const began = performance.now();
  const usd = collectionMetrics(db, from, to).currencies.USD;
  const seconds = (performance.now() - began) / 1000;
  db.close();
  return { seconds, dso: usd?.dso, cei: usd?.cei };
}

async function exportCsv(dbPath: string, out: string) {
  const db = openLedger(dbPath, { readOnly: true });
  const began = performance.now();
  const { rows } = await exportInvoicesCsv(db, out, '2025-12-31');
  const seconds = (performance.now() - began) / 1000;
  db.close();
  return { seconds, rows };
}

/** Writes a ledger of `count` open invoices, so that the aging detail has a row for each. */
function openLedgerPhase(dbPath: string, count: number) {
  rmSync(dbPath, { force: true });
  const began = performance.now();
  writeOpenInvoicesLedger(dbPath, count);
  return { seconds: (performance.now() - began) / 1000, rows: count };
}

/** Writes the aging detail report of the open-invoices ledger as CSV or PDF. */
async function agingDetailReport(dbPath: string, out: string, format: 'csv' | 'pdf') {
  const db = openLedger(dbPath, { readOnly: true });
  const began = performance.now();
  const request = { report: 'aging-detail', asOf: openInvoicesAsOf };
  const result = await exportReport(db, request, {
    format,
    outFile: out,
    generatedOn: openInvoicesAsOf,
  });
  const seconds = (performance.now() - began) / 1000;
  db.close();
  return { seconds, rows: result.rows, pages: result.pages };
}

/** Times the plain invoice CSV of the same ledger, the baseline of the report exports. */
async function invoiceCsvOf(dbPath: string, out: string) {
  const db = openLedger(dbPath, { readOnly: true });
  const began = performance.now();
  const { rows } = await exportInvoicesCsv(db, out, openInvoicesAsOf);
  const seconds = (performance.now() - began) / 1000;
  db.close();
  return { seconds, rows };
}

const [first = '', second = '', third = ''] = args;
switch (phase) {
  case 'write-file':
    await writeFile(first, Number(second));
    report({});
    break;
  case 'raw-insert':
    report(rawInsert(first, Number(second)));
    break;
  case 'import':
    report(await runImport(first, second));
    break;
  case 'hand-aging':
    report(handAging(first, second));
    break;
  case 'aging':
    report(aging(first, second));
    break;
  case 'metrics':
    report(metrics(first, second, third));
    break;
  case 'export':
    report(await exportCsv(first, second));
    break;
  case 'open-ledger':
    report(openLedgerPhase(first, Number(second)));
    break;
  case 'aging-detail-csv':
    report(await agingDetailReport(first, second, 'csv'));
    break;
  case 'aging-detail-pdf':
    report(await agingDetailReport(first, second, 'pdf'));
    break;
  case 'invoice-csv':
    report(await invoiceCsvOf(first, second));
    break;
  default:
    throw new Error(`Unknown benchmark phase "${phase}"`);
}
