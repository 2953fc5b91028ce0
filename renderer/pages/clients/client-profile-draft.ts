import type { IpcRequest, IpcResponse } from '../../../shared/ipc/contract.ts';
import { parseAmount } from '../../../shared/import-format/number-format.ts';
import { formatDecimal, isCurrencyCode, minorUnitDigits } from '../../../shared/money.ts';

type Client = IpcResponse<'clients/get'>['client'];
type SizeBand = 'small' | 'medium' | 'large';

/** The profile form's fields as typed, before they are checked. */
export interface ClientProfileDraft {
  /** Empty for no credit limit. */
  readonly limit: string;
  readonly currency: string;
  /** Empty for the ledger's default terms. */
  readonly termsId: string;
  readonly industry: string;
  /** Empty when the size is not known. */
  readonly sizeBand: '' | SizeBand;
}

export type ClientProfileErrors = Partial<Record<'limit' | 'currency', string>>;

/** Fills the form with what the ledger holds for the client. */
export function profileDraftFrom(client: Client, homeCurrency: string): ClientProfileDraft {
  const currency = client.creditLimitCurrency ?? homeCurrency;
  const band = client.sizeBand;
  return {
    limit: client.creditLimitCents === null ? '' : formatDecimal(client.creditLimitCents, currency),
    currency,
    termsId: client.termsId ?? '',
    industry: client.industry ?? '',
    sizeBand: band === 'small' || band === 'medium' || band === 'large' ? band : '',
  };
}

/**
 * Checks the draft and turns it into a clients/update-profile request, or returns the message
 * for each field the user has to fix. An amount reads like "25,000.00".
 */
export function validateProfileDraft(
  clientId: number,
  draft: ClientProfileDraft,
):
  | { readonly request: IpcRequest<'clients/update-profile'>; readonly errors: null }
  | { readonly request: null; readonly errors: ClientProfileErrors } {
  const errors: ClientProfileErrors = {};
  const currency = draft.currency.trim().toUpperCase();
  let creditLimit: IpcRequest<'clients/update-profile'>['creditLimit'] = null;
  if (draft.limit.trim() !== '') {
    if (!isCurrencyCode(currency)) {
      errors.currency = `"${draft.currency}" is not a currency code: enter one such as USD.`;
    } else {
      const parsed = parseAmount(
        draft.limit,
        { decimal: '.', grouping: ',' },
        minorUnitDigits(currency),
      );
      if (!parsed.ok) errors.limit = `"${draft.limit}" is ${parsed.reason}.`;
      else if (parsed.cents < 0) errors.limit = 'A credit limit is 0 or more.';
      else creditLimit = { cents: parsed.cents, currency };
    }
  }
  if (Object.keys(errors).length > 0) return { request: null, errors };
  return {
    request: {
      clientId,
      creditLimit,
      termsId: draft.termsId === '' ? null : draft.termsId,
      industry: draft.industry.trim() === '' ? null : draft.industry.trim(),
      sizeBand: draft.sizeBand === '' ? null : draft.sizeBand,
    },
    errors: null,
  };
}
