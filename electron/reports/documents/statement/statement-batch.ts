/**
 * Writes client statements in bulk: one PDF or CSV file per client into a folder. Each file
 * is made by `exportReport` from an ordinary statement request, so a statement of the batch is
 * the same file that the Reports page or `duedesk report statement` writes for that client.
 */

import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseIsoDate, type IsoDate } from '../../../../shared/calendar-date.ts';
import {
  reportFilters,
  type ReportFilterInput,
  type ReportFilters,
  type ReportFormat,
} from '../../../../shared/reports/report-request.ts';
import { firstIssue } from '../../../../shared/validation-issue.ts';
import type { Ledger } from '../../../ledger/database.ts';
import { isLedgerFile } from '../../../ledger/ledger-files.ts';
import { inReadSnapshot } from '../../../ledger/read-snapshot.ts';
import { agingReport } from '../../aging-report.ts';
import { exportReport, ReportRequestError } from '../../report-export.ts';
import { resolveReportScope, type ScopedClient } from '../../report-scope.ts';
import { statementFileStem } from './statement-files.ts';

export interface StatementBatchOptions {
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** An existing folder. Files of an earlier batch with the same names are replaced. */
  readonly folder: string;
  readonly format: ReportFormat;
  /** The day printed as "Generated on", or today's local date when absent. */
  readonly generatedOn?: IsoDate;
  /** The clients to write, by code. By default, every client with something to state. */
  readonly clientCodes?: readonly string[];
  /** Tier, manager and currency filters that narrow the clients. A client filter is rejected. */
  readonly filters?: Omit<ReportFilterInput, 'client'>;
  readonly onProgress?: (progress: StatementBatchProgress) => void;
}

export interface StatementBatchProgress {
  readonly done: number;
  readonly total: number;
  readonly clientCode: string;
}

export interface WrittenStatement {
  readonly clientCode: string;
  readonly file: string;
  /** Pages of the PDF, or null for CSV. */
  readonly pages: number | null;
}

export interface SkippedClient {
  readonly clientCode: string;
  readonly reason: string;
}

export interface StatementBatchResult {
  readonly files: readonly WrittenStatement[];
  readonly skipped: readonly SkippedClient[];
}

type BatchClient = ScopedClient;

/**
 * Writes one statement per client into `options.folder`. Without `clientCodes`, the clients
 * are those with a non-zero balance at the end of `to`, or with an invoice, payment or credit
 * note in the period, in the currency filter's currency when one is given. The tier and
 * manager filters narrow either list, as they narrow every report. Clients left out are
 * listed in `skipped` with the reason.
 *
 * Each file appears whole or not at all. When a statement fails, the files written before
 * it stay and the error names the client.
 */
export async function writeStatements(
  db: Ledger,
  options: StatementBatchOptions,
): Promise<StatementBatchResult> {
  // One snapshot for the whole batch, so that every statement states the same ledger.
  return inReadSnapshot(db, () => writeStatementFiles(db, options));
}

async function writeStatementFiles(
  db: Ledger,
  options: StatementBatchOptions,
): Promise<StatementBatchResult> {
  const { from, to, folder, format } = options;
  parseIsoDate(from, 'from date');
  parseIsoDate(to, 'to date');
  if (from > to) {
    throw new ReportRequestError(
      `The period starts (${from}) after it ends (${to}): swap the dates.`,
    );
  }
  await requireFolder(folder);

  if (options.filters !== undefined && 'client' in options.filters) {
    throw new ReportRequestError(
      'A statement batch takes the clients as clientCodes, not as a client filter: ' +
        'move the code to clientCodes.',
    );
  }
  const parsed = reportFilters.safeParse(options.filters ?? {});
  if (!parsed.success) throw new ReportRequestError(firstIssue(parsed.error));
  const filters = parsed.data;

  const scope = resolveReportScope(db, filters, to);
  const candidates =
    options.clientCodes === undefined
      ? clientsWithSomethingToState(db, from, to, filters.currency ?? null)
      : namedClients(db, options.clientCodes);
  const skipped: SkippedClient[] = [...candidates.skipped];
  const chosen: BatchClient[] = [];
  for (const client of candidates.clients) {
    if (scope.clientIds === null || scope.clientIds.has(client.id)) chosen.push(client);
    else skipped.push({ clientCode: client.code, reason: filterReason(filters) });
  }

  const names = uniqueFileNames(chosen, to, format);
  const files: WrittenStatement[] = [];
  for (const client of chosen) {
    const file = join(folder, names.get(client.id)!);
    if (isLedgerFile(file, db.name)) {
      throw new ReportRequestError(
        `The statement of ${client.code} would replace the ledger ${db.name}: choose another ` +
          'folder for the statements.',
      );
    }
    const request = { report: 'statement', from, to, filters: { ...filters, client: client.code } };
    try {
      const exported = await exportReport(db, request, {
        format,
        outFile: file,
        generatedOn: options.generatedOn,
        // The batch's filters are resolved once: the tier's risk scores are not computed again.
        scope: { ...scope, clientIds: new Set([client.id]), client },
      });
      files.push({ clientCode: client.code, file, pages: exported.pages });
    } catch (error) {
      const written = files.length === 0 ? 'none' : `${files.length}`;
      throw new Error(
        `Writing the statement of client ${client.code} to ${file} failed: ` +
          `${error instanceof Error ? error.message : String(error)} ` +
          `(statements already written: ${written}).`,
        { cause: error },
      );
    }
    options.onProgress?.({ done: files.length, total: chosen.length, clientCode: client.code });
  }

  return { files, skipped };
}

async function requireFolder(folder: string): Promise<void> {
  const found = await stat(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (found === null) {
    throw new ReportRequestError(
      `The folder ${folder} for the statements does not exist: create it or choose another.`,
    );
  }
  if (!found.isDirectory()) {
    throw new ReportRequestError(
      `${folder} is a file, not a folder: choose a folder to write the statements into.`,
    );
  }
}

/**
 * Lists the clients with a non-zero balance at the end of `to` or a record dated in the
 * period, by code. With a currency, only balances and records in it count. The other clients
 * are returned as skipped.
 */
function clientsWithSomethingToState(
  db: Ledger,
  from: IsoDate,
  to: IsoDate,
  currency: string | null,
): { clients: BatchClient[]; skipped: SkippedClient[] } {
  const owing = new Set<number>();
  for (const client of agingReport(db, to, undefined, true).clients ?? []) {
    const balances = Object.entries(client.currencies).filter(
      ([code, totals]) => (currency === null || code === currency) && totals.total !== 0,
    );
    if (balances.length > 0) owing.add(client.clientId);
  }

  const active = new Set(
    db
      .prepare(
        `SELECT client_id FROM invoices
         WHERE invoice_date BETWEEN @from AND @to AND voided_at IS NULL AND status = 'issued'
           AND (@currency IS NULL OR currency = @currency)
         UNION
         SELECT client_id FROM payments
         WHERE payment_date BETWEEN @from AND @to AND voided_at IS NULL
           AND (@currency IS NULL OR currency = @currency)
         UNION
         SELECT client_id FROM credit_notes
         WHERE credit_date BETWEEN @from AND @to AND voided_at IS NULL
           AND (@currency IS NULL OR currency = @currency)`,
      )
      .pluck()
      .all({ from, to, currency }) as number[],
  );

  const all = db.prepare('SELECT id, code, name FROM clients ORDER BY code').all() as BatchClient[];
  const clients: BatchClient[] = [];
  const skipped: SkippedClient[] = [];
  for (const client of all) {
    if (owing.has(client.id) || active.has(client.id)) clients.push(client);
    else {
      const only = currency === null ? '' : ` in ${currency}`;
      skipped.push({
        clientCode: client.code,
        reason: `no balance on ${to} and no records from ${from} to ${to}${only}`,
      });
    }
  }
  return { clients, skipped };
}

/** Looks up the clients of `codes` in their order. Raises naming every code not in the ledger. */
function namedClients(
  db: Ledger,
  codes: readonly string[],
): { clients: BatchClient[]; skipped: SkippedClient[] } {
  const find = db.prepare('SELECT id, code, name FROM clients WHERE code = ?');
  const clients: BatchClient[] = [];
  const missing: string[] = [];
  for (const code of new Set(codes)) {
    const client = find.get(code) as BatchClient | undefined;
    if (client === undefined) missing.push(code);
    else clients.push(client);
  }
  if (missing.length > 0) {
    throw new ReportRequestError(
      `No client with code ${missing.map((code) => `"${code}"`).join(', ')}: give codes as ` +
        'shown on the Clients page or by "duedesk risk".',
    );
  }
  return { clients, skipped: [] };
}

function filterReason(filters: ReportFilters): string {
  const applied = [
    filters.tier && `${filters.tier} risk`,
    filters.manager && `manager ${filters.manager}`,
  ].filter(Boolean);
  return `not among the clients of the filters (${applied.join(', ')})`;
}

/**
 * Names each client's file `statement-CODE-TO.EXT`. Codes are unique, but two of them can
 * turn into one file name once made safe for files ("A/B" and "A_B"), or differ only in case,
 * which Windows and macOS treat as one name. Such a name gets the client's id appended, so
 * that no statement replaces another in the folder.
 */
function uniqueFileNames(
  clients: readonly BatchClient[],
  to: IsoDate,
  format: ReportFormat,
): Map<number, string> {
  const stems = clients.map((client) => statementFileStem(client.code, to).toLowerCase());
  const counts = new Map<string, number>();
  for (const stem of stems) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  const names = new Map<number, string>();
  for (const client of clients) {
    const stem = statementFileStem(client.code, to);
    const clash = (counts.get(stem.toLowerCase()) ?? 0) > 1;
    names.set(client.id, `${clash ? `${stem}-${client.id}` : stem}.${format}`);
  }
  return names;
}
