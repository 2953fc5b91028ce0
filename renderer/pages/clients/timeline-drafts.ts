import { isIsoDate } from '../../../shared/calendar-date.ts';
import {
  MAX_INTERACTION_MINUTES,
  type InteractionDirection,
  type InteractionKind,
} from '../../../shared/collections/interaction-rules.ts';
import { parseAmount } from '../../../shared/import-format/number-format.ts';
import type { IpcRequest } from '../../../shared/ipc/contract.ts';
import { isCurrencyCode, minorUnitDigits } from '../../../shared/money.ts';

/** The interaction form's fields as typed, before they are checked. */
export interface InteractionDraft {
  readonly kind: InteractionKind;
  readonly direction: InteractionDirection;
  readonly occurredOn: string;
  /** Empty when not recorded. */
  readonly minutes: string;
  readonly outcome: string;
  readonly summary: string;
  /** A reminder id, or empty when the interaction answers none. */
  readonly repliesTo: string;
}

export type InteractionErrors = Partial<Record<'occurredOn' | 'minutes' | 'repliesTo', string>>;

/** The promise form's fields as typed. */
export interface PromiseDraft {
  readonly amount: string;
  readonly currency: string;
  readonly promisedFor: string;
  readonly madeOn: string;
  /** An interaction id, or empty for a promise made alone. */
  readonly interactionId: string;
}

export type PromiseErrors = Partial<
  Record<'amount' | 'currency' | 'promisedFor' | 'madeOn', string>
>;

export function emptyInteraction(day: string): InteractionDraft {
  return {
    kind: 'call',
    direction: 'outbound',
    occurredOn: day,
    minutes: '',
    outcome: '',
    summary: '',
    repliesTo: '',
  };
}

export function emptyPromise(day: string, currency: string): PromiseDraft {
  return { amount: '', currency, promisedFor: '', madeOn: day, interactionId: '' };
}

type Checked<R, E> =
  | { readonly request: R; readonly errors: null }
  | { readonly request: null; readonly errors: E };

/**
 * Checks the fields the form can check alone and builds an interactions/log request. The main
 * process checks the rest, such as a note that is not internal, and its message goes to the
 * error banner.
 */
export function checkInteractionDraft(
  clientId: number,
  draft: InteractionDraft,
): Checked<IpcRequest<'interactions/log'>, InteractionErrors> {
  const errors: InteractionErrors = {};
  if (!isIsoDate(draft.occurredOn)) errors.occurredOn = 'Give the day it happened.';
  let minutes: number | null = null;
  const minutesText = draft.minutes.trim();
  if (minutesText !== '') {
    if (/^\d+$/.test(minutesText) && Number(minutesText) <= MAX_INTERACTION_MINUTES) {
      minutes = Number(minutesText);
    } else {
      errors.minutes =
        `"${draft.minutes}" is not a number of minutes: enter whole minutes from 0 to ` +
        `${MAX_INTERACTION_MINUTES}, or leave it empty.`;
    }
  }
  const repliesTo = draft.repliesTo === '' ? null : Number(draft.repliesTo);
  if (repliesTo !== null && draft.direction !== 'inbound') {
    errors.repliesTo =
      'Only an inbound interaction answers a reminder: set the direction to inbound.';
  }
  if (Object.keys(errors).length > 0) return { request: null, errors };
  return {
    request: {
      clientId,
      kind: draft.kind,
      direction: draft.direction,
      occurredOn: draft.occurredOn,
      minutes,
      outcome: draft.outcome.trim() === '' ? null : draft.outcome.trim(),
      summary: draft.summary.trim(),
      repliesToReminderId: repliesTo,
    },
    errors: null,
  };
}

/** Checks the promise form and builds a promises/record request. An amount reads like 1,250.00. */
export function checkPromiseDraft(
  clientId: number,
  draft: PromiseDraft,
): Checked<IpcRequest<'promises/record'>, PromiseErrors> {
  const errors: PromiseErrors = {};
  const currency = draft.currency.trim().toUpperCase();
  let amountCents = 0;
  if (!isCurrencyCode(currency)) {
    errors.currency = `"${draft.currency}" is not a currency code: enter one such as USD.`;
  } else {
    const parsed = parseAmount(
      draft.amount,
      { decimal: '.', grouping: ',' },
      minorUnitDigits(currency),
    );
    if (!parsed.ok) errors.amount = `"${draft.amount}" is ${parsed.reason}.`;
    else if (parsed.cents <= 0) errors.amount = 'A promise is for more than zero.';
    else amountCents = parsed.cents;
  }
  if (!isIsoDate(draft.madeOn)) errors.madeOn = 'Give the day the client made the promise.';
  if (!isIsoDate(draft.promisedFor)) {
    errors.promisedFor = 'Give the day the client promised to have paid by.';
  } else if (isIsoDate(draft.madeOn) && draft.promisedFor < draft.madeOn) {
    errors.promisedFor = `Give ${draft.madeOn}, the day the promise was made, or a later day.`;
  }
  if (Object.keys(errors).length > 0) return { request: null, errors };
  return {
    request: {
      clientId,
      amountCents,
      currency,
      promisedFor: draft.promisedFor,
      madeOn: draft.madeOn,
      interactionId: draft.interactionId === '' ? null : Number(draft.interactionId),
    },
    errors: null,
  };
}
