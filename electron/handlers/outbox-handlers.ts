import { localToday } from '../../shared/calendar-date.ts';
import type { IpcResponse } from '../../shared/ipc/contract.ts';
import { IpcFailure } from '../../shared/ipc/ipc-error.ts';
import { ledgerMailSetup } from '../collections/mail-transport.ts';
import {
  approveReminder,
  editReminder,
  findReminder,
  listOutbox,
  markReminderDone,
  retryReminder,
  sendReminderNow,
  skipReminder,
} from '../collections/outbox.ts';
import { deliverReminders } from '../collections/reminder-delivery.ts';
import type { IpcHandlers } from '../ipc/dispatch.ts';
import type { LedgerContext } from './ledger-context.ts';
import { rejectingRangeErrors } from './rejection.ts';

type Channel =
  | 'outbox/list'
  | 'outbox/get'
  | 'outbox/approve'
  | 'outbox/mark-done'
  | 'outbox/edit'
  | 'outbox/skip'
  | 'outbox/send-now'
  | 'outbox/retry';

type ActionResponse = IpcResponse<'outbox/approve'>;

/** Handlers of the outbox: the reminders list and what a person does with each reminder. */
export function outboxHandlers(context: LedgerContext): Pick<IpcHandlers, Channel> {
  const { writer, reader } = context;

  /** Applies a change to an existing reminder, then optionally runs delivery at once. */
  const act = async (
    reminderId: number,
    apply: (now: Date) => void,
    deliver = false,
  ): Promise<ActionResponse> => {
    if (findReminder(writer, reminderId) === null) {
      throw new IpcFailure('not-found', `There is no reminder ${reminderId}.`);
    }
    const now = new Date();
    await rejectingRangeErrors(() => apply(now));
    context.emit('ledger/changed', { reason: 'outbox' });
    const delivery = deliver ? await deliverNow(context, now) : null;
    if (delivery !== null) context.emit('ledger/changed', { reason: 'outbox' });
    return { reminder: detail(context, reminderId), delivery };
  };

  return {
    'outbox/list': ({ status }) => listOutbox(reader, status),
    'outbox/get': ({ reminderId }) => {
      const reminder = findReminder(reader, reminderId);
      if (reminder === null)
        throw new IpcFailure('not-found', `There is no reminder ${reminderId}.`);
      return reminder;
    },
    'outbox/approve': ({ reminderId }) =>
      act(reminderId, (now) => approveReminder(writer, reminderId, now)),
    'outbox/mark-done': ({ reminderId, note }) =>
      act(reminderId, (now) =>
        markReminderDone(writer, reminderId, { asOf: localToday(now), note }, now),
      ),
    'outbox/edit': ({ reminderId, subject, text }) =>
      act(reminderId, (now) => editReminder(writer, reminderId, { subject, text }, now)),
    'outbox/skip': ({ reminderId, reason }) =>
      act(reminderId, (now) => skipReminder(writer, reminderId, reason, now)),
    'outbox/send-now': ({ reminderId }) =>
      act(reminderId, (now) => sendReminderNow(writer, reminderId, now), true),
    'outbox/retry': ({ reminderId }) =>
      act(reminderId, (now) => retryReminder(writer, reminderId, now), true),
  };
}

/**
 * Sends every e-mail reminder due now through the ledger's SMTP server, as a scheduler pass
 * would. Returns null while no server is set, so the reminders wait in the queue.
 */
async function deliverNow(context: LedgerContext, now: Date) {
  const setup = await ledgerMailSetup(context.writer, context.secrets);
  if (setup === null) return null;
  try {
    return await deliverReminders(
      context.writer,
      setup.transport,
      setup.sender,
      localToday(now),
      now,
    );
  } finally {
    setup.transport.close();
  }
}

function detail(context: LedgerContext, reminderId: number) {
  const reminder = findReminder(context.writer, reminderId);
  // Reminders are never deleted: a trigger refuses it.
  if (reminder === null) throw new Error(`Reminder ${reminderId} disappeared.`);
  return reminder;
}
