import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { localToday } from '../../../shared/calendar-date.ts';
import {
  reportCatalog,
  reportEntry,
  reportNames,
  type ReportName,
} from '../../../shared/reports/report-catalog.ts';
import {
  reportFilters,
  reportFormats,
  type ReportFilters,
  type ReportFormat,
} from '../../../shared/reports/report-request.ts';
import { firstIssue } from '../../../shared/validation-issue.ts';
import { openLedger, type Ledger } from '../../ledger/database.ts';
import { isLedgerFile } from '../../ledger/ledger-files.ts';
import { removeOpenPartialFiles } from '../../reports/output/partial-file.ts';
import { writeStatements } from '../../reports/documents/statement/statement-batch.ts';
import { exportReport, ReportRequestError } from '../../reports/report-export.ts';
import { UsageError } from '../cli-error.ts';
import type { CliIo } from '../io.ts';
import { dateOption, parseCommandArgs, requireOption } from '../options.ts';
import { plural } from '../plural.ts';
import { missingCompanyNote } from '../company-note.ts';

const names = reportCatalog
  .map(
    (entry) => `  ${entry.name.padEnd(20)}${entry.dates === 'as-of' ? '--as-of' : '--from --to'}`,
  )
  .join('\n');

export const reportUsage = `duedesk report NAME --db PATH (--as-of DATE | --from DATE --to DATE)
                      --out FILE [--format pdf|csv] [--client CODE] [--tier TIER]
                      [--manager NAME] [--currency CODE]
       duedesk report statement --db PATH --from DATE --to DATE --out-dir FOLDER
                      [--format pdf|csv] [--client CODE] [--tier TIER] [--manager NAME]
                      [--currency CODE]

Writes a report as a PDF or a CSV file. The format follows --out's extension unless --format is set.
With --out-dir, writes one statement per client into FOLDER (PDF unless --format csv): every
client with a balance at --to or activity in the period, narrowed by the filters.
CSV files are UTF-8 with a byte-order mark, a column per field, amounts as plain numbers
with a currency column and ISO dates; text that a spreadsheet would run as a formula is
written so that it shows as text.

Reports and their dates:
${names}

  --db PATH          ledger file
  --as-of DATE       the day an as-of report is taken at (YYYY-MM-DD)
  --from, --to DATE  the period of a period report, both days included
  --out FILE         the file to write, which appears whole or not at all
  --out-dir FOLDER   statements only: an existing folder to write one file per client into
  --client CODE      one client (required by statement and dunning-letter)
  --tier TIER        clients of one risk tier at the as-of date: low, medium or high
  --manager NAME     clients of one account manager
  --currency CODE    one currency only`;

/** Writes the report named in `args` to --out, or a folder of statements to --out-dir. */
export async function runReport(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    db: { type: 'string' },
    'as-of': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'out-dir': { type: 'string' },
    client: { type: 'string' },
    tier: { type: 'string' },
    manager: { type: 'string' },
    currency: { type: 'string' },
  });

  const name = positionals[0];
  if (name === undefined || positionals.length > 1) {
    throw new UsageError(`Name one report: ${reportNames.join(', ')}.`);
  }
  if (!(reportNames as readonly string[]).includes(name)) {
    throw new UsageError(`Unknown report "${name}": choose one of ${reportNames.join(', ')}.`);
  }

  const dbPath = requireOption(values.db, '--db', 'ledger.db');
  if (values['out-dir'] !== undefined) {
    if (name !== 'statement') {
      throw new UsageError(`--out-dir writes statements only: give --out FILE for ${name}.`);
    }
    if (values.out !== undefined) throw new UsageError('Give --out or --out-dir, not both.');
    if (values['as-of'] !== undefined) {
      throw new UsageError('Statements cover a period: give --from and --to, not --as-of.');
    }
    return writeStatementFolder(values['out-dir'], dbPath, values, io);
  }

  const out = requireOption(values.out, '--out', `${name}.pdf`);
  if (existsSync(out) && statSync(out).isDirectory()) {
    const example = join(out, `${name}.${values.format ?? 'pdf'}`);
    throw new UsageError(`--out ${out} is a folder: give a file name such as ${example}.`);
  }
  const format = reportFormat(values.format, out);
  if (isLedgerFile(out, dbPath)) {
    throw new UsageError(`--out ${out} is the ledger itself: choose another file name.`);
  }

  const request = {
    report: name as ReportName,
    asOf: values['as-of'] === undefined ? undefined : dateOption(values['as-of'], '--as-of'),
    from: values.from === undefined ? undefined : dateOption(values.from, '--from'),
    to: values.to === undefined ? undefined : dateOption(values.to, '--to'),
    filters: {
      client: values.client,
      tier: values.tier,
      manager: values.manager,
      currency: values.currency,
    },
  };

  return readingLedger(dbPath, async (db) => {
    const started = Date.now();
    let printed = 0;
    const result = await exportReport(db, request, {
      format,
      outFile: out,
      generatedOn: localToday(),
      onProgress: ({ rows }) => {
        // The last call repeats the count of a finished export, which the summary prints.
        if (rows > printed && rows % 100_000 === 0) {
          io.err(`  ${rows.toLocaleString('en-US')} rows written`);
          printed = rows;
        }
      },
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const size = result.pages === null ? plural(result.rows, 'row') : plural(result.pages, 'page');
    io.out(`Wrote ${out}: ${size}, in ${seconds} s.`);
    const note = reportEntry(request.report).perClient ? missingCompanyNote(db) : null;
    if (note !== null) io.err(note);
    return 0;
  });
}

type ReportOptionValues = Partial<
  Record<'from' | 'to' | 'format' | FilterOption, string | undefined>
>;
type FilterOption = 'client' | 'tier' | 'manager' | 'currency';

/** Writes one statement file per client into `folder` (`duedesk report statement --out-dir`). */
async function writeStatementFolder(
  folder: string,
  dbPath: string,
  values: ReportOptionValues,
  io: CliIo,
): Promise<number> {
  const from = dateOption(requireOption(values.from, '--from', '2026-01-01'), '--from');
  const to = dateOption(requireOption(values.to, '--to', '2026-01-31'), '--to');
  const format = reportFormat(values.format ?? 'pdf', folder);
  if (!existsSync(folder)) {
    throw new UsageError(`--out-dir ${folder} does not exist: create the folder first.`);
  }
  if (!statSync(folder).isDirectory()) {
    throw new UsageError(`--out-dir ${folder} is a file, not a folder: give a folder.`);
  }

  const filters = batchFilters(values);
  return readingLedger(dbPath, async (db) => {
    const started = Date.now();
    const result = await writeStatements(db, {
      from,
      to,
      folder,
      format,
      generatedOn: localToday(),
      ...(values.client === undefined ? {} : { clientCodes: [values.client] }),
      filters,
      onProgress: ({ done, total, clientCode }) => io.err(`  ${done}/${total} ${clientCode}`),
    });

    for (const { clientCode, reason } of result.skipped) {
      io.out(`Skipped ${clientCode}: ${reason}`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    io.out(
      `Wrote ${result.files.length} statements to ${folder}, skipped ` +
        `${result.skipped.length} clients, in ${seconds} s.`,
    );
    const note = missingCompanyNote(db);
    if (result.files.length > 0 && note !== null) io.err(note);
    return 0;
  });
}

/**
 * Runs `work` on a read-only connection to the ledger and closes it afterwards. A request
 * that the report layer rejects becomes a usage error.
 */
async function readingLedger(dbPath: string, work: (db: Ledger) => Promise<number>) {
  const db = openLedger(dbPath, { readOnly: true });
  // Ctrl+C or a kill stops the export: its temporary files go with it.
  const stop = (signal: NodeJS.Signals) => {
    removeOpenPartialFiles();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await work(db);
  } catch (error) {
    if (error instanceof ReportRequestError) throw new UsageError(optionWording(error.message));
    throw error;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    db.close();
  }
}

/** Request fields as the command line names them, for the schema's messages. */
const optionNames: Record<string, string> = {
  asOf: '--as-of',
  from: '--from',
  to: '--to',
  tier: '--tier',
  manager: '--manager',
  currency: '--currency',
  'filters.client': '--client',
  'filters.tier': '--tier',
  'filters.manager': '--manager',
  'filters.currency': '--currency',
};

/** Rewrites a message that starts with a request field, such as `filters.tier:`, for the CLI. */
function optionWording(message: string): string {
  const field = /^([\w.]+): /.exec(message)?.[1];
  const option = field === undefined ? undefined : optionNames[field];
  return option === undefined ? message : `${option}: ${message.slice(field!.length + 2)}`;
}

/** Parses the filters that narrow a batch's clients, with the checks of every report's filters. */
function batchFilters(values: ReportOptionValues): Omit<ReportFilters, 'client'> {
  const { tier, manager, currency } = values;
  const parsed = reportFilters.omit({ client: true }).safeParse({ tier, manager, currency });
  if (!parsed.success) throw new UsageError(optionWording(firstIssue(parsed.error)));
  return parsed.data;
}

function reportFormat(formatOption: string | undefined, out: string): ReportFormat {
  const format = formatOption ?? out.split('.').at(-1)?.toLowerCase();
  if (!(reportFormats as readonly (string | undefined)[]).includes(format)) {
    throw new UsageError(
      formatOption === undefined
        ? `Cannot tell the format from --out ${out}: end it in .pdf or .csv, or give --format.`
        : `Invalid --format "${formatOption}": expected pdf or csv.`,
    );
  }
  return format as ReportFormat;
}
