/**
 * The client statement of one client for a period. It shows the balance at the start of the
 * period, every invoice, payment and credit of the period with a running balance, and the
 * balance at its end. Then it lists what is open on the last day with its aging, and how the
 * client may pay.
 *
 * Both balances come from `agingReport`, the function the aging reports and the rest of the
 * ledger read, so a statement's closing balance is the ledger's balance for that client. The
 * running balance is then checked against it, because the period's records must explain the
 * change.
 */

import { addDays } from '../../../../shared/calendar-date.ts';
import type { ReportBlock } from '../../../../shared/reports/report-document.ts';
import type { ReportBuilder } from '../../report-builder.ts';
import { ReportScopeError } from '../../report-scope.ts';
import { clientBalances } from './client-balances.ts';
import { statementEntries } from './statement-entries.ts';
import { clientFacts, termsFacts } from './statement-facts.ts';
import { statementFileStem } from './statement-files.ts';
import { openItems } from './statement-open-items.ts';
import {
  transactionColumns,
  transactionCsvColumns,
  transactionTable,
} from './statement-transactions.ts';

export const statementReport: ReportBuilder = (context) => {
  const { db, request, scope } = context;
  const client = scope.client;
  if (client === null) {
    throw new ReportScopeError("The client statement is about one client: give the client's code.");
  }
  const from = request.from;
  const to = request.to;
  if (from === undefined || to === undefined) {
    throw new ReportScopeError('The client statement covers a period: give a from and a to date.');
  }
  const inCurrency = (currency: string) => scope.currency === null || scope.currency === currency;

  const dayBefore = addDays(from, -1);
  const opening = clientBalances(db, client.id, dayBefore);
  const closing = clientBalances(db, client.id, to);
  const entries = statementEntries(db, client.id, from, to).filter((entry) =>
    inCurrency(entry.currency),
  );
  const currencies = [
    ...new Set([...opening.keys(), ...closing.keys(), ...entries.map((entry) => entry.currency)]),
  ]
    .filter(inCurrency)
    .sort();

  const tables = currencies.map((currency) =>
    transactionTable(client, currency, opening.get(currency) ?? 0, closing.get(currency) ?? 0, {
      entries: entries.filter((entry) => entry.currency === currency),
      dayBefore,
      to,
    }),
  );
  const csvRows = tables.flatMap((table) => table.csvRows);

  const blocks: ReportBlock[] = [
    clientFacts(db, client, { from, to, dayBefore, currencies, opening, closing }),
  ];
  if (tables.length === 0) {
    blocks.push({
      kind: 'table',
      title: 'Transactions',
      columns: transactionColumns,
      rows: [],
      emptyText: `No transactions from ${from} to ${to}, and nothing owed.`,
    });
  }
  for (const table of tables) blocks.push(table.block);
  blocks.push(...openItems(db, client.id, to, inCurrency));
  blocks.push(termsFacts(db, client.id, currencies));
  if (currencies.some((currency) => (closing.get(currency) ?? 0) < 0)) {
    blocks.push({
      kind: 'text',
      style: 'note',
      text: 'A negative balance is money in your favour: payments or credits not yet used.',
    });
  }

  return {
    header: context.header,
    blocks,
    csv: {
      kind: 'table',
      title: 'Transactions',
      columns: transactionCsvColumns,
      rows: csvRows,
      rowCount: csvRows.length,
    },
    fileStem: statementFileStem(client.code, to),
  };
};
