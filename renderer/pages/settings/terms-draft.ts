import type { IpcRequest, IpcResponse } from '../../../shared/ipc/contract.ts';
import { parseAmount } from '../../../shared/import-format/number-format.ts';
import { basisPointsText, paymentTermsSchema } from '../../../shared/terms/payment-terms.ts';

type Template = IpcResponse<'terms/list'>['templates'][number];
type LateFeeKind = 'none' | 'flat' | 'percent' | 'monthly-interest';

/** The payment-terms form's fields as typed. Rates are entered in percent, not basis points. */
export interface TermsDraft {
  readonly id: string;
  readonly name: string;
  readonly netDays: string;
  /** Empty for no early-payment discount. */
  readonly discountPercent: string;
  readonly discountDays: string;
  readonly graceDays: string;
  readonly feeKind: LateFeeKind;
  /** An amount such as 25.00 for a flat fee, else a percent such as 1.5. */
  readonly feeValue: string;
  /** Comma-separated, in the order statements print them. */
  readonly paymentMethods: string;
}

export type TermsDraftErrors = Partial<Record<keyof TermsDraft, string>>;

export const emptyTermsDraft: TermsDraft = {
  id: '',
  name: '',
  netDays: '30',
  discountPercent: '',
  discountDays: '',
  graceDays: '0',
  feeKind: 'none',
  feeValue: '',
  paymentMethods: 'Bank transfer',
};

/** Fills the form with an existing template, to change it. */
export function termsDraftFrom(terms: Template): TermsDraft {
  const fee = terms.lateFee;
  let feeValue = '';
  if (fee.kind === 'flat') feeValue = (fee.amountCents / 100).toFixed(2);
  if (fee.kind === 'percent') feeValue = basisPointsText(fee.basisPoints);
  if (fee.kind === 'monthly-interest') feeValue = basisPointsText(fee.basisPointsPerMonth);
  return {
    id: terms.id,
    name: terms.name,
    netDays: String(terms.netDays),
    discountPercent: terms.discount === null ? '' : basisPointsText(terms.discount.basisPoints),
    discountDays: terms.discount === null ? '' : String(terms.discount.withinDays),
    graceDays: String(terms.graceDays),
    feeKind: fee.kind,
    feeValue,
    paymentMethods: terms.paymentMethods.join(', '),
  };
}

/**
 * Turns the draft into a terms/save request, or names what to fix in each field. The shared
 * schema does the checking, so the window and the main process agree on every rule.
 */
export function validateTermsDraft(
  draft: TermsDraft,
):
  | { readonly terms: IpcRequest<'terms/save'>; readonly errors: null }
  | { readonly terms: null; readonly errors: TermsDraftErrors } {
  const errors: Record<string, string> = {};
  const days = (field: 'netDays' | 'discountDays' | 'graceDays'): number => {
    const text = draft[field].trim();
    if (!/^\d{1,3}$/.test(text)) errors[field] = `"${text}" is not a number of days, such as 30.`;
    return Number(text);
  };
  const percent = (field: 'discountPercent' | 'feeValue'): number => {
    const text = draft[field].trim();
    const match = /^(\d{1,2})(?:\.(\d{1,2}))?$/.exec(text);
    if (match === null) {
      errors[field] = `"${text}" is not a percent with at most two decimals, such as 1.5.`;
      return 0;
    }
    return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  };

  const discount =
    draft.discountPercent.trim() === ''
      ? null
      : { basisPoints: percent('discountPercent'), withinDays: days('discountDays') };
  let lateFee: IpcRequest<'terms/save'>['lateFee'] = { kind: 'none' };
  if (draft.feeKind === 'flat') {
    const parsed = parseAmount(draft.feeValue, { decimal: '.', grouping: ',' }, 2);
    if (parsed.ok) lateFee = { kind: 'flat', amountCents: parsed.cents };
    else errors.feeValue = `"${draft.feeValue}" is ${parsed.reason}.`;
  }
  if (draft.feeKind === 'percent') lateFee = { kind: 'percent', basisPoints: percent('feeValue') };
  if (draft.feeKind === 'monthly-interest') {
    lateFee = { kind: 'monthly-interest', basisPointsPerMonth: percent('feeValue') };
  }
  const candidate = {
    id: draft.id.trim(),
    name: draft.name.trim(),
    netDays: days('netDays'),
    discount,
    graceDays: days('graceDays'),
    lateFee,
    paymentMethods: draft.paymentMethods
      .split(',')
      .map((method) => method.trim())
      .filter((method) => method !== ''),
  };
  // The schema runs even when a field could not be read, so that every mistake shows at once.
  const parsed = paymentTermsSchema.safeParse(candidate);
  if (parsed.success && Object.keys(errors).length === 0)
    return { terms: parsed.data, errors: null };
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = draftField(issue.path.map(String));
    errors[field] ??= sentence(issue.message);
  }
  return { terms: null, errors };
}

function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return text.endsWith('.') ? text : `${text}.`;
}

/** Names the form field a schema path belongs to: `lateFee.basisPoints` is the fee's value. */
function draftField(path: readonly string[]): keyof TermsDraft {
  const [head, tail] = path;
  if (head === 'discount') return tail === 'withinDays' ? 'discountDays' : 'discountPercent';
  if (head === 'lateFee') return 'feeValue';
  if (head === 'paymentMethods') return 'paymentMethods';
  if (head === 'id' || head === 'name' || head === 'netDays' || head === 'graceDays') return head;
  return 'name';
}
