import { sumCents } from '../../../shared/money.ts';
import type { ReportColumn, ReportRow } from '../../../shared/reports/report-document.ts';
import type { ReportBuilder } from '../report-builder.ts';
import { clientIdsParameter } from '../report-scope.ts';

const columns: readonly ReportColumn[] = [
  { key: 'written_off_on', label: 'Written off', kind: 'date', width: 0.9 },
  { key: 'client_code', label: 'Code', kind: 'text', width: 0.8 },
  { key: 'client', label: 'Client', kind: 'text', width: 1.8 },
  { key: 'invoice', label: 'Invoice', kind: 'text', width: 1 },
  { key: 'credit_note', label: 'Credit note', kind: 'text', width: 1 },
  { key: 'amount', label: 'Amount', kind: 'money', width: 1 },
  { key: 'currency', label: 'Currency', kind: 'text', width: 0.7 },
  { key: 'reason', label: 'Reason', kind: 'text', width: 2.2 },
];

/**
 * Lists the write-off credit notes dated in the period that are not voided, oldest first, each
 * with the invoices it settles, and the totals per currency. A write-off made by Duedesk
 * settles one invoice. One imported from another system may settle several, or none yet.
 */
export const writeOffsReport: ReportBuilder = ({ db, request, asOf: to, scope, header }) => {
  const from = request.from ?? to;
  const rows = db
    .prepare(
      `SELECT c.credit_date AS written_off_on, k.code AS client_code, k.name AS client,
              (SELECT group_concat(number, ', ' ORDER BY number) FROM (
                 SELECT DISTINCT i.number FROM allocations a JOIN invoices i ON i.id = a.invoice_id
                 WHERE a.credit_note_id = c.id AND a.voided_at IS NULL)) AS invoice,
              c.number AS credit_note, c.amount_cents AS amount, c.currency, c.reason
       FROM credit_notes c JOIN clients k ON k.id = c.client_id
       WHERE c.kind = 'write-off' AND c.voided_at IS NULL AND c.credit_date BETWEEN @from AND @to
         AND (@clientIds IS NULL OR c.client_id IN (SELECT value FROM json_each(@clientIds)))
         AND (@currency IS NULL OR c.currency = @currency)
       ORDER BY c.credit_date, k.code, c.id`,
    )
    .all({
      from,
      to,
      clientIds: clientIdsParameter(scope),
      currency: scope.currency,
    }) as ReportRow[];

  const currencies = [...new Set(rows.map((row) => row['currency'] as string))].sort();
  const totals = currencies.map((currency) => {
    const inCurrency = rows.filter((row) => row['currency'] === currency);
    return {
      client: `Total ${currency} (${inCurrency.length} written off)`,
      amount: sumCents(inCurrency.map((row) => row['amount'] as number)),
      currency,
    };
  });

  const table = { kind: 'table' as const, title: 'Write-offs', columns, rows };
  return {
    header,
    blocks: [{ ...table, totals, emptyText: `Nothing was written off from ${from} to ${to}.` }],
    csv: table,
    fileStem: `write-offs-${from}-to-${to}`,
    // Eight columns with dates, money and reasons do not fit across a portrait page.
    orientation: 'landscape',
  };
};
