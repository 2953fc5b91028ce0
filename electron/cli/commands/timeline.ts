import { formatMoney } from '../../../shared/money.ts';
import { clientTimeline, type ClientTimeline } from '../../collections/client-timeline.ts';
import { clientIdOf } from '../../collections/interactions.ts';
import { openLedger } from '../../ledger/database.ts';
import { UsageError } from '../cli-error.ts';
import type { CliIo } from '../io.ts';
import { parseCommandArgs, requireOption } from '../options.ts';
import { formatTable } from '../text-table.ts';

export const timelineUsage = `duedesk timeline --db PATH CLIENT [--json]

Lists the interactions with the client whose code is CLIENT, newest first (calls, e-mails,
letters, meetings and notes, sent reminders included), then its promises to pay with their
status (open, kept or broken), then its sent reminders, which --replies-to of duedesk
contact can name.

  --db PATH   ledger file
  --json      the timeline as JSON, money in integer minor units`;

/** Widths that keep a table row within 100 columns; --json has the texts whole. */
const outcomeWidth = 18;
const summaryWidth = 30;

export function runTimeline(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(args, {
    db: { type: 'string' },
    json: { type: 'boolean' },
  });
  const code = positionals[0];
  if (code === undefined || positionals.length > 1) {
    throw new UsageError(
      'Give one client code, for example duedesk timeline --db ledger.db C-1001.',
    );
  }
  const db = openLedger(requireOption(values.db, '--db', 'ledger.db'), { readOnly: true });
  try {
    const timeline = clientTimeline(db, clientIdOf(db, code));
    io.out(
      values.json
        ? JSON.stringify({ code, ...timeline }, null, 2)
        : describeTimeline(code, timeline),
    );
    return 0;
  } finally {
    db.close();
  }
}

function describeTimeline(code: string, timeline: ClientTimeline): string {
  const sections = [`Timeline of ${code}`];
  if (timeline.interactions.length === 0) {
    sections.push('No interactions logged.');
  } else {
    sections.push(
      formatTable(
        ['date', 'id', 'kind', 'direction', 'auto', 'min', 'outcome', 'summary'],
        timeline.interactions.map((row) => [
          row.occurredOn,
          String(row.interactionId),
          row.kind,
          row.direction,
          row.automated ? 'yes' : '',
          row.minutes === null ? '' : String(row.minutes),
          shorten(row.outcome ?? '', outcomeWidth),
          shorten(summaryOf(row), summaryWidth),
        ]),
        new Set([1, 5]),
      ),
    );
  }
  if (timeline.promises.length === 0) {
    sections.push('No promises to pay.');
  } else {
    sections.push(
      formatTable(
        ['promised for', 'id', 'amount', 'made on', 'status', 'followed up'],
        timeline.promises.map((row) => [
          row.promisedFor,
          String(row.promiseId),
          formatMoney(row.amountCents, row.currency),
          row.madeOn,
          row.status,
          row.followedUpOn ?? '',
        ]),
        new Set([1, 2]),
      ),
    );
  }
  if (timeline.reminders.length > 0) {
    sections.push(
      formatTable(
        ['queued on', 'reminder', 'stage', 'channel', 'answered'],
        timeline.reminders.map((row) => [
          row.queuedOn,
          String(row.reminderId),
          row.stageName,
          row.channel,
          row.answered ? 'yes' : 'no',
        ]),
        new Set([1]),
      ),
    );
  }
  return sections.join('\n\n');
}

function summaryOf(row: ClientTimeline['interactions'][number]): string {
  const reply = row.repliesToReminderId;
  return reply === null ? row.summary : `re reminder ${reply}: ${row.summary}`;
}

function shorten(text: string, width: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= width ? line : `${line.slice(0, width - 1)}…`;
}
