/**
 * Planning of one reminder pass for one client as of a date: the reminders to queue, given the
 * client's ladder, its invoices and the stages each invoice has already reached.
 *
 * An invoice takes part while it is an issued sale with a balance owed, not disputed and not
 * held by a payment plan or an agency. Each invoice reaches each stage once. When several
 * stages have come due since the last pass, as after the computer was off for days, only the
 * highest is sent. The lower ones are recorded as superseded, so the client never gets a
 * burst of stale reminders. The invoices at one stage are covered by one reminder.
 */

import { addDays, parseIsoDate, type IsoDate } from '../calendar-date.ts';
import type { DunningStage } from './dunning-ladder.ts';

export interface DunningInvoice {
  readonly invoiceId: number;
  readonly dueDate: IsoDate;
  /** The balance owed on the invoice itself at the end of the as-of date. */
  readonly balanceCents: number;
  /** False for a draft, a voided invoice or a late fee: those are never reminded about. */
  readonly remindable: boolean;
  /** Disputed, on a payment plan or placed with an agency on the as-of date. */
  readonly held: boolean;
}

export interface StageReminder {
  readonly stage: DunningStage;
  readonly invoiceIds: number[];
}

export interface DunningPlan {
  /** One reminder per stage, highest stage first. */
  readonly reminders: StageReminder[];
  /** Stages passed over for a higher one, per stage: recorded, never sent. */
  readonly superseded: StageReminder[];
}

/**
 * Plans the reminders of one client. `reached` lists `invoiceId stageId` for every stage an
 * invoice has reached before, sent or superseded. `stages` must be in order of offset.
 */
export function planReminders(
  stages: readonly DunningStage[],
  invoices: readonly DunningInvoice[],
  reached: ReadonlySet<string>,
  asOf: IsoDate,
): DunningPlan {
  parseIsoDate(asOf, 'as-of date');
  const send = new Map<string, number[]>();
  const skip = new Map<string, number[]>();
  for (const invoice of invoices) {
    if (!invoice.remindable || invoice.held || invoice.balanceCents <= 0) continue;
    const due = stages.filter(
      (stage) =>
        addDays(invoice.dueDate, stage.offsetDays) <= asOf &&
        !reached.has(`${invoice.invoiceId} ${stage.id}`),
    );
    // A stage before the due date tells the client that the invoice falls due soon. Once the
    // invoice is overdue, that stage is passed over rather than sent.
    const sendable = due.filter((stage) => stage.offsetDays >= 0 || asOf <= invoice.dueDate);
    const highest = sendable.at(-1);
    if (highest === undefined) {
      for (const stage of due) push(skip, stage.id, invoice.invoiceId);
      continue;
    }
    // A stage below one the invoice already reached was passed over earlier, so it stays passed
    // over.
    const reachedHigher = stages.some(
      (stage) =>
        stage.offsetDays > highest.offsetDays && reached.has(`${invoice.invoiceId} ${stage.id}`),
    );
    if (reachedHigher) {
      for (const stage of due) push(skip, stage.id, invoice.invoiceId);
      continue;
    }
    push(send, highest.id, invoice.invoiceId);
    for (const stage of due) {
      if (stage !== highest) push(skip, stage.id, invoice.invoiceId);
    }
  }
  const inOrder = (groups: Map<string, number[]>) =>
    [...stages]
      .reverse()
      .filter((stage) => groups.has(stage.id))
      .map((stage) => ({ stage, invoiceIds: groups.get(stage.id) ?? [] }));
  return { reminders: inOrder(send), superseded: inOrder(skip) };
}

function push(groups: Map<string, number[]>, key: string, value: number): void {
  const list = groups.get(key);
  if (list === undefined) groups.set(key, [value]);
  else list.push(value);
}
