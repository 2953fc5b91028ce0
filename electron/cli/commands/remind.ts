import { localToday } from '../../../shared/calendar-date.ts';
import { formatMoney } from '../../../shared/money.ts';
import {
  deliverReminders,
  recoverInterruptedSends,
  type DeliveryResult,
} from '../../collections/reminder-delivery.ts';
import { runReminderPass, type ReminderPassResult } from '../../collections/reminder-pass.ts';
import { ledgerMailSetup } from '../../collections/mail-transport.ts';
import { environmentSecretStore } from '../../collections/secret-store.ts';
import { openLedger, type Ledger } from '../../ledger/database.ts';
import type { CliIo } from '../io.ts';
import { dateOption, parseCommandArgs, requireOption } from '../options.ts';
import { formatTable } from '../text-table.ts';
import { plural } from '../plural.ts';

export const remindUsage = `duedesk remind --db PATH [--as-of DATE] [--dry-run] [--json]

Runs one reminder pass, as the desktop app does at start-up and every 15 minutes: queues the
reminders the dunning ladders call for as of the date (today by default), posts their stage
fees, records stages passed over as superseded, then sends the queued e-mails through the SMTP
server set in the ledger (its password from DUEDESK_SMTP_PASSWORD). Each invoice reaches each
stage once, so running it again queues nothing twice. Without an SMTP server the e-mails wait
in the outbox (duedesk outbox).

  --db PATH        ledger file
  --as-of DATE     YYYY-MM-DD, the day of the pass (today)
  --dry-run        show what would be queued; write and send nothing
  --json           the pass as JSON`;

export async function runRemind(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, {
    db: { type: 'string' },
    'as-of': { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const asOf = dateOption(values['as-of'], '--as-of', localToday());
  const path = requireOption(values.db, '--db', 'ledger.db');
  const dryRun = values['dry-run'] === true;
  const db = openLedger(path, { mustExist: true });
  try {
    const queued = dryRun ? passRolledBack(db, asOf) : runReminderPass(db, asOf);
    let delivered: DeliveryResult | null = null;
    // A run killed mid-send left its reminder `sending`: it waits for review, never resent.
    const interrupted = dryRun ? 0 : recoverInterruptedSends(db);
    if (interrupted > 0) {
      io.err(`${interrupted} reminder(s) interrupted while sending now wait for review.`);
    }
    const mail = dryRun ? null : await ledgerMailSetup(db, environmentSecretStore);
    if (mail !== null) {
      try {
        delivered = await deliverReminders(db, mail.transport, mail.sender, asOf);
      } finally {
        mail.transport.close();
      }
    }
    if (values.json) {
      io.out(JSON.stringify({ dryRun, ...queued, delivered }, null, 2));
    } else {
      io.out(describePass(queued, delivered, dryRun, mail !== null));
    }
    return 0;
  } finally {
    db.close();
  }
}

/** Runs the pass inside a transaction that is then rolled back, so nothing stays written. */
function passRolledBack(db: Ledger, asOf: string): ReminderPassResult {
  let result: ReminderPassResult | null = null;
  const rollback = new Error('dry run');
  try {
    db.transaction(() => {
      result = runReminderPass(db, asOf);
      throw rollback;
    })();
  } catch (error) {
    if (error !== rollback) throw error;
  }
  if (result === null) throw new Error('The dry run produced no result.');
  return result;
}

export function describePass(
  pass: ReminderPassResult,
  delivered: DeliveryResult | null,
  dryRun: boolean,
  smtpSet: boolean,
): string {
  const lines = [
    `Reminder pass as of ${pass.asOf}${dryRun ? ' (dry run: nothing written or sent)' : ''}: ` +
      `${plural(pass.queued.length, 'reminder')} queued, ` +
      `${plural(pass.superseded, 'invoice stage')} superseded.`,
  ];
  const { kept, broken } = pass.promises;
  if (kept.length + broken.length > 0) {
    lines.push(
      `Promises to pay: ${kept.length} kept, ${broken.length} broken (noted on timelines).`,
    );
  }
  if (pass.queued.length > 0) {
    const rows = pass.queued.map((reminder) => [
      String(reminder.reminderId),
      reminder.clientCode,
      reminder.stageName,
      reminder.channel,
      reminder.status,
      String(reminder.invoiceCount),
      Object.entries(reminder.totals)
        .map(([currency, cents]) => formatMoney(cents, currency))
        .join(' + '),
    ]);
    lines.push(
      formatTable(
        ['id', 'client', 'stage', 'channel', 'status', 'invoices', 'total'],
        rows,
        new Set([0, 5, 6]),
      ),
    );
  }
  if (dryRun) return lines.join('\n\n');
  if (!smtpSet) {
    lines.push('No SMTP server is set in this ledger: e-mails wait in the outbox.');
  } else if (delivered !== null) {
    lines.push(
      `Sent ${delivered.sent.length}, failed ${delivered.failed.length} (retried later), ` +
        `cancelled ${delivered.cancelled.length} (paid before sending).`,
    );
    for (const failure of delivered.failed) {
      lines.push(`  reminder ${failure.reminderId}: ${failure.error}`);
    }
  }
  return lines.join('\n\n');
}
