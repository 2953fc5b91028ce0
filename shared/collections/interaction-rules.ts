/**
 * What makes a logged interaction with a client valid: a call, e-mail, letter, meeting or note,
 * its direction, day, minutes, outcome and summary, and the reminder a client's reply answers.
 * The CLI, the IPC handlers and the ledger module all check through here, so the messages read
 * the same everywhere.
 */

import { isIsoDate, type IsoDate } from '../calendar-date.ts';

export const interactionKinds = ['call', 'email', 'letter', 'meeting', 'note'] as const;
export type InteractionKind = (typeof interactionKinds)[number];

/** Outbound: we contacted the client. Inbound: the client contacted us. Internal: a record. */
export const interactionDirections = ['outbound', 'inbound', 'internal'] as const;
export type InteractionDirection = (typeof interactionDirections)[number];

/** A working day: more minutes on one interaction is a typing mistake. */
export const MAX_INTERACTION_MINUTES = 24 * 60;
export const MAX_OUTCOME_LENGTH = 200;
export const MAX_SUMMARY_LENGTH = 4000;

/** An interaction as entered, before it is stored. */
export interface InteractionInput {
  readonly kind: InteractionKind;
  readonly direction: InteractionDirection;
  readonly occurredOn: IsoDate;
  /** Minutes a person spent on it; null when not recorded. */
  readonly minutes: number | null;
  readonly outcome: string | null;
  readonly summary: string;
  /** True when Duedesk did it by itself, such as sending a reminder e-mail. */
  readonly automated: boolean;
  /** The reminder this inbound interaction replies to, or null. */
  readonly repliesToReminderId: number | null;
}

/**
 * Lists what is wrong with `input`, one message per problem naming the value and the fix, or
 * an empty list. `today` is the last day an interaction can have happened on.
 */
export function interactionProblems(input: InteractionInput, today: IsoDate): string[] {
  const problems: string[] = [];
  if (!interactionKinds.includes(input.kind)) {
    problems.push(`Invalid kind "${String(input.kind)}": use ${listOf(interactionKinds)}.`);
  }
  if (!interactionDirections.includes(input.direction)) {
    problems.push(
      `Invalid direction "${String(input.direction)}": use ${listOf(interactionDirections)}.`,
    );
  } else if (input.kind === 'note' && input.direction !== 'internal') {
    problems.push(
      `A note is an internal record, not ${input.direction}: give direction internal, or log ` +
        'a call, e-mail, letter or meeting.',
    );
  }
  if (!isIsoDate(input.occurredOn)) {
    problems.push(
      `Invalid date "${String(input.occurredOn)}": give an existing day as YYYY-MM-DD.`,
    );
  } else if (input.occurredOn > today) {
    problems.push(
      `Invalid date ${input.occurredOn}: it is after today, ${today}. Log an interaction on ` +
        'the day it happened or later.',
    );
  }
  const minutes = input.minutes;
  if (
    minutes !== null &&
    (!Number.isSafeInteger(minutes) || minutes < 0 || minutes > MAX_INTERACTION_MINUTES)
  ) {
    problems.push(
      `Invalid minutes ${String(minutes)}: give whole minutes from 0 to ` +
        `${MAX_INTERACTION_MINUTES}, or leave them out.`,
    );
  }
  if (input.outcome !== null && input.outcome.length > MAX_OUTCOME_LENGTH) {
    problems.push(
      `The outcome is ${input.outcome.length} characters long: shorten it to ` +
        `${MAX_OUTCOME_LENGTH} and put the rest in the summary.`,
    );
  }
  if (input.summary.length > MAX_SUMMARY_LENGTH) {
    problems.push(
      `The summary is ${input.summary.length} characters long: shorten it to ` +
        `${MAX_SUMMARY_LENGTH}.`,
    );
  }
  const reminderId = input.repliesToReminderId;
  if (reminderId !== null) {
    if (!Number.isSafeInteger(reminderId) || reminderId <= 0) {
      problems.push(`Invalid reminder id ${String(reminderId)}: give a reminder's number.`);
    } else if (input.direction !== 'inbound') {
      problems.push(
        `Only the client's reply answers reminder ${reminderId}: give direction inbound, or ` +
          'leave out the reminder.',
      );
    }
  }
  return problems;
}

/**
 * Returns `input` with the outcome and summary trimmed, an empty outcome as null, or raises a
 * RangeError whose message lists every problem.
 */
export function checkInteraction(input: InteractionInput, today: IsoDate): InteractionInput {
  const trimmed: InteractionInput = {
    ...input,
    outcome: input.outcome?.trim() || null,
    summary: input.summary.trim(),
  };
  const problems = interactionProblems(trimmed, today);
  if (problems.length > 0) throw new RangeError(problems.join(' '));
  return trimmed;
}

/** Joins the allowed values as "a, b or c". */
function listOf(values: readonly string[]): string {
  return `${values.slice(0, -1).join(', ')} or ${values.at(-1) ?? ''}`;
}
