import { formatMoney } from '../../../shared/money.ts';
import { listReminders, type ReminderStatus } from '../../collections/reminder-list.ts';
import { openLedger } from '../../ledger/database.ts';
import { UsageError } from '../cli-error.ts';
import type { CliIo } from '../io.ts';
import { parseCommandArgs, requireOption } from '../options.ts';
import { formatTable } from '../text-table.ts';

const statuses: readonly ReminderStatus[] = [
  'queued',
  'review',
  'sending',
  'sent',
  'failed',
  'skipped',
  'cancelled',
  'superseded',
];

export const outboxUsage = `duedesk outbox --db PATH [--status STATUS] [--json]

Lists the reminders, newest first: queued ones go out with the next pass, review ones wait for
a person (letters, calls, stages set to wait, clients without an e-mail address), failed ones
are retried with back-off, superseded ones were passed over for a higher stage.

  --db PATH          ledger file
  --status STATUS    only ${statuses.join(', ')}
  --json             the reminders as JSON`;

export function runOutbox(args: readonly string[], io: CliIo): number {
  const { values } = parseCommandArgs(args, {
    db: { type: 'string' },
    status: { type: 'string' },
    json: { type: 'boolean' },
  });
  const status = values.status as ReminderStatus | undefined;
  if (status !== undefined && !statuses.includes(status)) {
    throw new UsageError(`Unknown --status "${status}": use one of ${statuses.join(', ')}.`);
  }
  const db = openLedger(requireOption(values.db, '--db', 'ledger.db'), { readOnly: true });
  try {
    const reminders = listReminders(db, status === undefined ? {} : { status });
    if (values.json) {
      io.out(JSON.stringify(reminders, null, 2));
      return 0;
    }
    if (reminders.length === 0) {
      io.out(status === undefined ? 'The outbox is empty.' : `No ${status} reminders.`);
      return 0;
    }
    const rows = reminders.map((reminder) => [
      String(reminder.reminderId),
      reminder.queuedOn,
      reminder.clientCode,
      reminder.stageName,
      reminder.channel,
      reminder.status,
      Object.entries(reminder.totals)
        .map(([currency, cents]) => formatMoney(cents, currency))
        .join(' + '),
      reminder.lastError ?? reminder.statusReason ?? '',
    ]);
    io.out(
      formatTable(
        ['id', 'queued', 'client', 'stage', 'channel', 'status', 'total', 'note'],
        rows,
        new Set([0, 6]),
      ),
    );
    return 0;
  } finally {
    db.close();
  }
}
