import { existsSync } from 'node:fs';
import { isCurrencyCode } from '../../../shared/money.ts';
import type { DateOrder } from '../../../shared/import-format/date-format.ts';
import { openLedger } from '../../ledger/database.ts';
import { parseColumnOverride } from '../../import/column-mapping.ts';
import { fieldDescriptions, fieldIds, recordKinds, type RecordKind } from '../../import/fields.ts';
import { assertReadableFile, importFile, type ImportResult } from '../../import/import-file.ts';
import { removeLedgerFiles } from '../../ledger/ledger-files.ts';
import { UsageError } from '../cli-error.ts';
import type { CliIo } from '../io.ts';
import { dateOption, integerOption, parseCommandArgs, requireOption } from '../options.ts';
import { plural } from '../plural.ts';

export const importUsage = `duedesk import FILE --db PATH [options]

Imports invoices, payments or credit notes from a CSV export, all or nothing.

  --db PATH             ledger file (created when missing)
  --preset NAME         generic (default), ibm-ar, quickbooks or xero
  --kind KIND           what a generic file holds: invoices (default), payments, credit_notes
  --currency CODE       ISO 4217 currency of rows that state none, e.g. USD
  --date-order ORDER    mdy, dmy or ymd for every date column, instead of detecting it
  --map "HEADER=FIELD"  read column HEADER as FIELD (repeatable); FIELD=ignore skips it
  --terms-days N        days from invoice date to due date when a row has no due date (30)
  --paid-on DATE        date for amounts a file reports paid without a date (today)
  --dry-run             check every row and report, write nothing
  --force               import a file that was imported before; rows already in the
                        ledger are still recognised and skipped
  --json                print the result as JSON

Exit code 0 when records were imported (or a dry run found no error), 1 otherwise.

Fields for --map:
${fieldIds.map((field) => `  ${field.padEnd(15)} ${fieldDescriptions[field]}`).join('\n')}`;

export async function runImport(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    db: { type: 'string' },
    preset: { type: 'string' },
    kind: { type: 'string' },
    currency: { type: 'string' },
    'date-order': { type: 'string' },
    map: { type: 'string', multiple: true },
    'terms-days': { type: 'string' },
    'paid-on': { type: 'string' },
    'dry-run': { type: 'boolean' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    throw new UsageError('Give exactly one FILE to import, e.g. duedesk import invoices.csv');
  }
  const dbPath = requireOption(values.db, '--db', 'ledger.db');
  const currency = values.currency?.toUpperCase();
  if (currency !== undefined && !isCurrencyCode(currency)) {
    throw new UsageError(`Unknown --currency "${values.currency}": use an ISO 4217 code like USD.`);
  }
  const dateOrder = values['date-order'];
  if (dateOrder !== undefined && !['mdy', 'dmy', 'ymd'].includes(dateOrder)) {
    throw new UsageError(`Invalid --date-order "${dateOrder}": expected mdy, dmy or ymd.`);
  }
  const kind = values.kind;
  if (kind !== undefined && !(recordKinds as readonly string[]).includes(kind)) {
    throw new UsageError(`Invalid --kind "${kind}": expected ${recordKinds.join(', ')}.`);
  }
  let map;
  try {
    map = (values.map ?? []).map(parseColumnOverride);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }

  // A dry run against a ledger that does not exist yet checks the file on a scratch ledger,
  // so that it leaves no empty ledger file behind.
  await assertReadableFile(file);
  const isNew = !existsSync(dbPath);
  const scratch = (values['dry-run'] ?? false) && isNew;
  const db = openLedger(scratch ? ':memory:' : dbPath);
  let imported = false;
  try {
    const result = await importFile(db, file, {
      ...(values.preset ? { preset: values.preset } : {}),
      ...(kind ? { kind: kind as RecordKind } : {}),
      ...(currency ? { currency } : {}),
      ...(dateOrder ? { dateOrder: dateOrder as DateOrder } : {}),
      map,
      defaultTermsDays: integerOption(values['terms-days'], '--terms-days', 30),
      ...(values['paid-on'] ? { paidOn: dateOption(values['paid-on'], '--paid-on') } : {}),
      dryRun: values['dry-run'] ?? false,
      force: values.force ?? false,
    });
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else io.out(describeImport(result));
    imported = result.status === 'imported';
    return imported || result.status === 'dry-run' ? 0 : 1;
  } finally {
    db.close();
    // A ledger created for an import that wrote nothing would only be an empty file to trip on.
    if (isNew && !scratch && !imported) removeLedgerFiles(dbPath);
  }
}

/** A summary a bookkeeper can act on: what was written, or why nothing was. */
export function describeImport(result: ImportResult): string {
  const lines: string[] = [];
  const { counts } = result;
  const records =
    `${plural(counts.invoices, 'invoice')}, ${plural(counts.payments, 'payment')}, ` +
    `${plural(counts.creditNotes, 'credit note')}, ${plural(counts.clients, 'new client')}`;
  switch (result.status) {
    case 'imported':
      lines.push(`Imported ${result.file} as batch ${result.batchId}: ${records}.`);
      break;
    case 'dry-run':
      lines.push(`Dry run of ${result.file}: would import ${records}. Nothing was written.`);
      break;
    case 'no-rows':
      lines.push(`Nothing imported from ${result.file}: it has no data rows under its header.`);
      break;
    case 'nothing-new':
      lines.push(`Nothing imported from ${result.file}: every row is already in the ledger.`);
      break;
    case 'already-imported':
      lines.push(
        `Nothing imported: ${result.file} was already imported on ` +
          `${result.previousImport?.importedAt} as batch ${result.previousImport?.batchId}. ` +
          'Use --force to import it again.',
      );
      break;
    case 'cancelled':
      lines.push(`Import of ${result.file} cancelled. Nothing was written.`);
      break;
    case 'rejected':
      lines.push(
        `Nothing imported from ${result.file}: ${result.errorCount} ` +
          `${result.errorCount === 1 ? 'problem' : 'problems'} found. Fix them and import again.`,
      );
      for (const error of result.errors) {
        const where = error.line > 0 ? `line ${error.line}` : 'file';
        const column = error.column ? `, column "${error.column}"` : '';
        const value = error.value !== null ? `, value "${error.value}"` : '';
        lines.push(`  ${where}${column}${value}: ${error.reason}`);
      }
      if (result.errorCount > result.errors.length) {
        lines.push(`  … and ${result.errorCount - result.errors.length} more.`);
      }
      break;
  }
  if (result.rowsRead > 0) {
    lines.push(
      `Read ${result.rowsRead} rows; ${counts.alreadyInLedger} already in the ledger` +
        (counts.invoiceLines ? `; ${counts.invoiceLines} extra invoice lines merged` : '') +
        '.',
    );
  }
  for (const [reason, count] of Object.entries(result.skipped)) {
    lines.push(`Skipped ${count} ${count === 1 ? 'row' : 'rows'}: ${reason}.`);
  }
  for (const warning of result.creditLimitWarnings) lines.push(`Warning: ${warning}.`);
  if (result.layout) {
    const { layout } = result;
    const delimiter = layout.delimiter === '\t' ? '\\t' : layout.delimiter;
    const orders = Object.entries(layout.dateOrders)
      .map(([field, choice]) => {
        const how = {
          given: 'given',
          detected: 'detected',
          'other-column': 'as the other date columns',
          assumed: 'assumed; override with --date-order',
        }[choice?.source ?? 'assumed'];
        return `${layout.columns[field as keyof typeof layout.columns]} ${choice?.order} (${how})`;
      })
      .join(', ');
    lines.push(
      `File: ${layout.encoding}, delimiter "${delimiter}"` +
        `, header on line ${layout.headerLine}, decimal "${layout.numberFormat.decimal}"` +
        (orders ? `, dates ${orders}` : '') +
        '.',
    );
  }
  return lines.join('\n');
}
