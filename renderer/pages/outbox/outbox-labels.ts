import type { IpcResponse } from '../../../shared/ipc/contract.ts';
import { moneyText } from '../../format/money-text.ts';

export type OutboxRow = IpcResponse<'outbox/list'>['rows'][number];
export type ReminderStatus = OutboxRow['status'];

/** Status labels in the order the filter offers them, with statuses that need a person first. */
export const statusLabels: Readonly<Record<ReminderStatus, string>> = {
  review: 'Waiting for review',
  queued: 'Queued',
  sending: 'Sending',
  failed: 'Failed',
  sent: 'Sent',
  skipped: 'Skipped',
  cancelled: 'Cancelled',
  superseded: 'Superseded',
};

export const channelLabels: Readonly<Record<OutboxRow['channel'], string>> = {
  email: 'E-mail',
  letter: 'Letter',
  call: 'Call',
};

/**
 * Formats the amounts a reminder requests, one amount per currency, because currencies are
 * never added together.
 */
export function totalsText(totals: Readonly<Record<string, number>>): string {
  const entries = Object.entries(totals).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return '—';
  return entries.map(([currency, cents]) => moneyText(cents, currency)).join(' and ');
}

/** Formats a stored instant as local date and time, to the minute. */
export function instantText(iso: string | null): string {
  if (iso === null) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * Returns the note a row shows: the error and next attempt of a failed reminder, otherwise its
 * status reason.
 */
export function rowNote(row: OutboxRow): string {
  if (row.status === 'failed') {
    return `${row.lastError ?? 'Failed'}; next attempt ${instantText(row.nextAttemptAt)}`;
  }
  return row.statusReason ?? '';
}
