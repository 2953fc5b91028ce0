import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatMoney } from '../../../shared/money.ts';
import { openLedger } from '../../ledger/database.ts';
import { isLedgerFile } from '../../ledger/ledger-files.ts';
import { printLetterBatch, type LetterBatchResult } from '../../letters/letter-batch.ts';
import { UsageError } from '../cli-error.ts';
import type { CliIo } from '../io.ts';
import { dateOption, parseCommandArgs, requireOption } from '../options.ts';
import { formatTable } from '../text-table.ts';
import { missingCompanyNote } from '../company-note.ts';

export const lettersUsage = `duedesk letters --db PATH --as-of DATE --out FILE.pdf [--dry-run]
                        [--json]

Prints every letter reminder waiting in the outbox into one PDF for printing, each letter
starting on a new page and dated the as-of date. The amounts are what is owed counting every
payment recorded, as for e-mails, so a letter never requests money already received; a letter
whose invoices are all paid is cancelled and not printed. Once
the whole file is written, the printed reminders are marked sent and each is logged as an
outbound letter on the client's timeline. When nothing is waiting, no file is written.

  --db PATH        ledger file
  --as-of DATE     YYYY-MM-DD, the letters' date (today's date, usually)
  --out FILE.pdf   the PDF to write; replaced whole, or left as it was if writing fails
  --dry-run        write the PDF, but mark nothing sent or cancelled
  --json           the result as JSON`;

export async function runLetters(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, {
    db: { type: 'string' },
    'as-of': { type: 'string' },
    out: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const dbPath = requireOption(values.db, '--db', 'ledger.db');
  const asOf = dateOption(values['as-of'], '--as-of');
  const out = requireOption(values.out, '--out', 'letters.pdf');
  if (isLedgerFile(out, dbPath)) {
    throw new UsageError(`--out ${out} is the ledger itself: choose another file name.`);
  }
  if (existsSync(out) && statSync(out).isDirectory()) {
    throw new UsageError(`--out ${out} is a folder: give a file name such as ${out}/letters.pdf.`);
  }
  if (!existsSync(dirname(resolve(out)))) {
    throw new UsageError(`--out ${out}: the folder ${dirname(resolve(out))} does not exist.`);
  }
  const dryRun = values['dry-run'] === true;
  const db = openLedger(dbPath, { readOnly: dryRun, mustExist: true });
  try {
    const result = await printLetterBatch(db, { asOf, out, dryRun });
    if (values.json) {
      io.out(JSON.stringify(result, null, 2));
      return 0;
    }
    io.out(describeBatch(result));
    const note = missingCompanyNote(db);
    if (result.printed > 0 && note !== null) io.err(note);
    return 0;
  } finally {
    db.close();
  }
}

function letters(count: number): string {
  return count === 1 ? '1 letter' : `${count} letters`;
}

export function describeBatch(result: LetterBatchResult): string {
  const { asOf, printed, pages, cancelled } = result;
  const paragraphs: string[] = [];
  if (result.file === null) {
    paragraphs.push(`No letters to print as of ${asOf}; no file was written.`);
  } else if (result.dryRun) {
    paragraphs.push(
      `Wrote ${letters(printed)} on ${pages} pages to ${result.file} (as of ${asOf}).`,
    );
  } else {
    paragraphs.push(
      `Printed ${letters(printed)} on ${pages} pages to ${result.file} (as of ${asOf}) ` +
        'and marked them sent.',
    );
  }
  if (result.letters.length > 0) {
    const rows = result.letters.map((letter) => [
      String(letter.reminderId),
      letter.clientCode,
      letter.stageName,
      letter.pages === 1
        ? String(letter.firstPage)
        : `${letter.firstPage}-${letter.firstPage + letter.pages - 1}`,
      Object.entries(letter.totals)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, cents]) => formatMoney(cents, currency))
        .join(' and '),
    ]);
    paragraphs.push(
      formatTable(['reminder', 'client', 'stage', 'pages', 'due'], rows, new Set([0, 4])),
    );
  }
  if (result.dryRun) {
    paragraphs.push(
      `Dry run: nothing recorded. Would mark ${letters(printed)} sent and cancel ` +
        `${letters(cancelled)} already paid.`,
    );
  } else if (cancelled > 0) {
    paragraphs.push(`Cancelled ${letters(cancelled)} whose invoices were all paid.`);
  }
  if (result.changedMeanwhile > 0) {
    paragraphs.push(
      `${letters(result.changedMeanwhile)} changed in the outbox while printing and ` +
        'were left as they are: discard their pages.',
    );
  }
  for (const { reminderId, reason } of result.skippedReasons) {
    paragraphs.push(`Reminder ${reminderId} was not printed: ${reason}.`);
  }
  return paragraphs.join('\n\n');
}
