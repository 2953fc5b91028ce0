import {
  interactionDirections,
  interactionKinds,
  type InteractionDirection,
  type InteractionKind,
} from '../../../shared/collections/interaction-rules.ts';
import { clientIdOf, logInteraction } from '../../collections/interactions.ts';
import { openLedger } from '../../ledger/database.ts';
import { UsageError } from '../cli-error.ts';
import type { CliIo } from '../io.ts';
import { dateOption, parseCommandArgs, requireOption } from '../options.ts';

export const contactUsage = `duedesk contact --db PATH CLIENT --kind KIND --direction DIRECTION
               --date DATE [--minutes N] [--outcome TEXT] [--summary TEXT]
               [--replies-to REMINDER_ID]

Logs an interaction with the client whose code is CLIENT on its timeline, as done by a
person. A client's reply to a sent reminder (--direction inbound --replies-to ID) marks
that reminder answered, which the communication response rate counts.

  --db PATH              ledger file
  --kind KIND            call, email, letter, meeting or note
  --direction DIRECTION  outbound (you contacted the client), inbound (the client contacted
                         you) or internal (a note for the team; a note is always internal)
  --date DATE            YYYY-MM-DD, the day it happened; today or earlier
  --minutes N            whole minutes spent on it, 0 to 1440
  --outcome TEXT         a few words, for example "promised to pay"
  --summary TEXT         what was said or done
  --replies-to ID        the number of the sent reminder this inbound contact answers
                         (see duedesk timeline)`;

export function runContact(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(args, {
    db: { type: 'string' },
    kind: { type: 'string' },
    direction: { type: 'string' },
    date: { type: 'string' },
    minutes: { type: 'string' },
    outcome: { type: 'string' },
    summary: { type: 'string' },
    'replies-to': { type: 'string' },
  });
  const code = positionals[0];
  if (code === undefined || positionals.length > 1) {
    throw new UsageError(
      'Give one client code, for example duedesk contact --db ledger.db C-1001.',
    );
  }
  const kind = choiceOption(values.kind, '--kind', interactionKinds) as InteractionKind;
  const direction = choiceOption(
    values.direction,
    '--direction',
    interactionDirections,
  ) as InteractionDirection;
  const occurredOn = dateOption(values.date, '--date');
  const minutes = wholeOption(values.minutes, '--minutes', '15');
  const repliesTo = wholeOption(values['replies-to'], '--replies-to', '12');
  const db = openLedger(requireOption(values.db, '--db', 'ledger.db'), { mustExist: true });
  try {
    const clientId = clientIdOf(db, code);
    const interactionId = logInteraction(db, clientId, {
      kind,
      direction,
      occurredOn,
      minutes,
      outcome: values.outcome ?? null,
      summary: values.summary ?? '',
      automated: false,
      repliesToReminderId: repliesTo,
    });
    const spent = minutes === null ? '' : `, ${minutes} minutes`;
    const lines = [
      `Logged ${kind} ${interactionId} with ${code} on ${occurredOn} (${direction}${spent}).`,
    ];
    if (repliesTo !== null) lines.push(`Reminder ${repliesTo} is answered.`);
    io.out(lines.join('\n'));
    return 0;
  } finally {
    db.close();
  }
}

/** Reads one of `choices`, or raises a usage error listing them. */
export function choiceOption(
  value: string | undefined,
  flag: string,
  choices: readonly string[],
): string {
  const text = requireOption(value, flag, choices[0] ?? '');
  if (!choices.includes(text)) {
    throw new UsageError(`Invalid ${flag} "${text}": use one of ${choices.join(', ')}.`);
  }
  return text;
}

/** Reads a whole number, or null when the option is left out. */
export function wholeOption(
  value: string | undefined,
  flag: string,
  example: string,
): number | null {
  if (value === undefined) return null;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`Invalid ${flag} "${value}": expected a whole number such as ${example}.`);
  }
  return Number(value);
}
