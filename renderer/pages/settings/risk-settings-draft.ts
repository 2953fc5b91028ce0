import type { RiskSettingsValue } from '../../../shared/ipc/contract.ts';
import { riskConfigSchema } from '../../../shared/risk/risk-settings.ts';

export type RiskTier = 'low' | 'medium' | 'high';
export const tiers: readonly RiskTier[] = ['low', 'medium', 'high'];

/** Weights with points per unit and a cap, in the order the form lists them. */
export const linearWeights = [
  ['daysLate', 'Days late', 'per day of amount-weighted average lateness'],
  ['lateShare', 'Late share', 'for all invoices paid late (1.0 = every invoice)'],
  ['trend', 'Trend', 'per day later in the last 3 months than the 9 before'],
  ['overdueShare', 'Overdue', 'for the whole open balance past due (1.0)'],
  ['disputes', 'Disputes', 'per dispute opened'],
  ['writeOffs', 'Write-offs', 'per write-off'],
  ['creditUtilisation', 'Credit use', 'for a whole limit above the start of points (1.0)'],
] as const;

/**
 * The form's numbers as typed, keyed by their path in the settings, such as
 * `tierPolicies.high.upfrontPercent`, so that a validation issue's path names its field.
 */
export interface RiskSettingsDraft {
  readonly numbers: Readonly<Record<string, string>>;
  readonly terms: Readonly<Record<RiskTier, string>>;
  readonly cashOnDelivery: Readonly<Record<RiskTier, boolean>>;
}

/** Messages by field path; `settings` for a problem with no single field. */
export type RiskDraftErrors = Readonly<Record<string, string>>;

/** Paths of the numbers the form edits; a credit limit of months may be left empty. */
export function numberPaths(): string[] {
  return [
    'tierThresholds.medium',
    'tierThresholds.high',
    'minimumSettledInvoices',
    ...tiers.flatMap((tier) => [
      `tierPolicies.${tier}.upfrontPercent`,
      `tierPolicies.${tier}.creditLimitMonths`,
    ]),
    ...linearWeights.flatMap(([key]) => [`weights.${key}.pointsPerUnit`, `weights.${key}.cap`]),
    'weights.utilisationFrom',
    'weights.lateShareDays',
  ];
}

export function riskDraftFrom(settings: RiskSettingsValue): RiskSettingsDraft {
  const numbers: Record<string, string> = {};
  for (const path of numberPaths()) {
    const value = readPath(settings, path);
    numbers[path] = value === null || value === undefined ? '' : String(value);
  }
  return {
    numbers,
    terms: {
      low: settings.tierPolicies.low.termsTemplateId,
      medium: settings.tierPolicies.medium.termsTemplateId,
      high: settings.tierPolicies.high.termsTemplateId,
    },
    cashOnDelivery: {
      low: settings.tierPolicies.low.cashOnDelivery,
      medium: settings.tierPolicies.medium.cashOnDelivery,
      high: settings.tierPolicies.high.cashOnDelivery,
    },
  };
}

/**
 * Checks the draft with the schema the ledger applies and returns either the settings to
 * save or a message per field. Fields the form does not show (size and industry priors) keep
 * the values of `saved`.
 */
export function validateRiskDraft(
  draft: RiskSettingsDraft,
  saved: RiskSettingsValue,
): { settings: RiskSettingsValue; errors: null } | { settings: null; errors: RiskDraftErrors } {
  const candidate = structuredClone(saved) as unknown as Record<string, unknown>;
  for (const path of numberPaths()) {
    const text = (draft.numbers[path] ?? '').trim();
    const optional = path.endsWith('.creditLimitMonths');
    // An empty box is no rule for a credit limit, and invalid anywhere else; Number('') is 0.
    let value: number | null = Number(text);
    if (text === '') value = optional ? null : Number.NaN;
    writePath(candidate, path, value);
  }
  for (const tier of tiers) {
    writePath(candidate, `tierPolicies.${tier}.termsTemplateId`, draft.terms[tier]);
    writePath(candidate, `tierPolicies.${tier}.cashOnDelivery`, draft.cashOnDelivery[tier]);
  }
  const parsed = riskConfigSchema.safeParse(candidate);
  if (parsed.success) return { settings: parsed.data, errors: null };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.') || 'settings';
    errors[path] ??= issue.message.charAt(0).toUpperCase() + issue.message.slice(1) + '.';
  }
  return { settings: null, errors };
}

function readPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function writePath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let current = target;
  for (const key of keys.slice(0, -1)) current = current[key] as Record<string, unknown>;
  current[keys.at(-1) as string] = value;
}
