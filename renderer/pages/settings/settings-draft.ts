import { parseBucketBounds } from '../../../shared/aging.ts';
import type { Settings } from '../../../shared/ipc/contract.ts';
import { isCurrencyCode } from '../../../shared/money.ts';

/** The settings form's fields as typed, before validation. */
export interface SettingsDraft {
  bounds: string;
  basis: Settings['agingBasis'];
  homeCurrency: string;
  companyName: string;
  companyAddress: string;
  companyEmail: string;
  companyPhone: string;
}

export type DraftErrors = Partial<Record<keyof SettingsDraft, string>>;

/** Upper limits the settings/update channel enforces, repeated here to explain them inline. */
const MAX_BUCKET_BOUNDS = 12;
const MAX_BOUND_DAYS = 36_500;
const maxLengths = {
  companyName: 200,
  companyAddress: 1000,
  companyEmail: 200,
  companyPhone: 100,
} as const;

export function draftFrom(settings: Settings): SettingsDraft {
  return {
    bounds: settings.agingBounds.join(', '),
    basis: settings.agingBasis,
    homeCurrency: settings.homeCurrency,
    companyName: settings.company.name,
    companyAddress: settings.company.address,
    companyEmail: settings.company.email,
    companyPhone: settings.company.phone,
  };
}

/** Checks the draft and returns either the settings to save or a message per bad field. */
export function validateDraft(
  draft: SettingsDraft,
): { settings: Settings; errors: null } | { settings: null; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const bounds = parseBounds(draft.bounds, errors);
  const homeCurrency = draft.homeCurrency.trim().toUpperCase();
  if (!isCurrencyCode(homeCurrency)) {
    errors.homeCurrency =
      `"${draft.homeCurrency}" is not an ISO 4217 currency code; ` +
      'enter one such as USD, EUR or GBP.';
  }
  for (const [field, max] of Object.entries(maxLengths) as [keyof typeof maxLengths, number][]) {
    if (draft[field].length > max) {
      errors[field] = `At most ${max} characters; this has ${draft[field].length}.`;
    }
  }
  const email = draft.companyEmail.trim();
  if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    errors.companyEmail ??=
      `"${email}" is not an e-mail address; ` +
      'enter one such as ar@example.com, or leave it empty.';
  }
  if (Object.keys(errors).length > 0 || bounds === null) return { settings: null, errors };
  return {
    errors: null,
    settings: {
      agingBounds: bounds,
      agingBasis: draft.basis,
      homeCurrency,
      company: {
        name: draft.companyName.trim(),
        address: draft.companyAddress.trim(),
        email,
        phone: draft.companyPhone.trim(),
      },
    },
  };
}

function parseBounds(text: string, errors: DraftErrors): number[] | null {
  let bounds: number[];
  try {
    bounds = parseBucketBounds(text);
  } catch (error) {
    errors.bounds = error instanceof Error ? error.message : String(error);
    return null;
  }
  if (bounds.length > MAX_BUCKET_BOUNDS) {
    errors.bounds = `At most ${MAX_BUCKET_BOUNDS} bounds; this has ${bounds.length}.`;
    return null;
  }
  const tooLarge = bounds.find((bound) => bound > MAX_BOUND_DAYS);
  if (tooLarge !== undefined) {
    errors.bounds = `${tooLarge} days is more than the limit of ${MAX_BOUND_DAYS} (100 years).`;
    return null;
  }
  return bounds;
}
