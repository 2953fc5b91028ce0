/**
 * The risk settings a ledger stores: the score's weights, the tier thresholds, the minimum
 * number of settled invoices and each tier's policy. One zod schema checks them on the way in
 * (an update) and on the way out (a stored value written by another version, or edited by
 * hand), and every message names the field and what to enter instead.
 */

import { z } from 'zod';
import { DEFAULT_RISK_SETTINGS, type RiskSettings, type RiskTier } from './risk-score.ts';
import { DEFAULT_TIER_POLICIES, type TierPolicies } from './tier-policy.ts';

export interface RiskConfig extends RiskSettings {
  readonly tierPolicies: TierPolicies;
}

export const DEFAULT_RISK_CONFIG: RiskConfig = {
  ...DEFAULT_RISK_SETTINGS,
  tierPolicies: DEFAULT_TIER_POLICIES,
};

const range = (min: number, max: number, what: string) =>
  z
    .number(`expected ${what}`)
    .min(min, `expected ${what}, at least ${min}`)
    .max(max, `expected ${what}, at most ${max}`);

const wholeRange = (min: number, max: number, what: string) =>
  range(min, max, what).int(`expected ${what} as a whole number`);

const linearWeight = z
  .object({
    pointsPerUnit: range(0, 1000, 'points per unit from 0 to 1000, such as 2.5'),
    cap: range(0, 100, 'a cap from 0 to 100 points, such as 50'),
  })
  .strict();

const prior = range(0, 20, 'prior points from 0 to 20, such as 3');

export const riskWeightsSchema = z
  .object({
    daysLate: linearWeight,
    lateShare: linearWeight,
    trend: linearWeight,
    overdueShare: linearWeight,
    disputes: linearWeight,
    writeOffs: linearWeight,
    creditUtilisation: linearWeight,
    utilisationFrom: range(0, 10, 'a share of the limit from 0 to 10, such as 0.8 for 80%'),
    lateShareDays: wholeRange(0, 365, 'days from 0 to 365, such as 15'),
    sizeBand: z.object({ small: prior, medium: prior, large: prior }).strict(),
    industry: z
      .record(
        z
          .string()
          .max(60, 'expected an industry name of at most 60 characters')
          .regex(/^\S(.*\S)?$/, 'expected an industry name without surrounding spaces')
          .refine((name) => name === name.toLowerCase(), 'expected a lower-case industry name'),
        prior,
      )
      .refine((record) => Object.keys(record).length <= 50, 'expected at most 50 industries'),
  })
  .strict();

export const tierThresholdsSchema = z
  .object({
    medium: wholeRange(1, 99, 'a score from 1 to 99, such as 35'),
    high: wholeRange(2, 100, 'a score from 2 to 100, such as 65'),
  })
  .strict()
  .refine((thresholds) => thresholds.medium < thresholds.high, {
    message: 'expected the high threshold above the medium one, such as medium 35 and high 65',
    path: ['high'],
  });

export const tierPolicySchema = z
  .object({
    // Whether the ledger holds the template is checked where the templates are read.
    termsTemplateId: z
      .string('expected a payment terms template id')
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a payment terms template id, such as net-30'),
    upfrontPercent: wholeRange(0, 100, 'a whole percent from 0 to 100, such as 50'),
    cashOnDelivery: z.boolean('expected true or false'),
    creditLimitMonths: range(0, 36, 'months from 0 to 36, such as 1.5, or null for no limit')
      .refine(
        (months) => Math.abs(months * 100 - Math.round(months * 100)) < 1e-9,
        'expected months with at most two decimals, such as 1.5',
      )
      .nullable(),
  })
  .strict();

export const riskConfigSchema = z
  .object({
    weights: riskWeightsSchema,
    tierThresholds: tierThresholdsSchema,
    minimumSettledInvoices: wholeRange(1, 100, 'a number of invoices from 1 to 100, such as 3'),
    tierPolicies: z
      .object({ low: tierPolicySchema, medium: tierPolicySchema, high: tierPolicySchema })
      .strict(),
  })
  .strict();

/** An update replaces the fields it names, each as a whole. */
export const riskConfigUpdateSchema = riskConfigSchema.partial().strict();
export type RiskConfigUpdate = z.infer<typeof riskConfigUpdateSchema>;

/** Joins zod's issues into one message such as "tierPolicies.high.upfrontPercent: expected …". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`)
    .join('; ');
}

export interface StoredRiskConfig {
  readonly config: RiskConfig;
  /** Paths of the stored fields that were invalid and replaced by their defaults. */
  readonly replaced: string[];
}

const weightKeys = Object.keys(DEFAULT_RISK_SETTINGS.weights) as (keyof RiskSettings['weights'])[];
const tiers: readonly RiskTier[] = ['low', 'medium', 'high'];

/**
 * Reads stored risk settings field by field: each weight, the thresholds, the minimum and each
 * tier's policy that is missing or invalid takes its default, and the others are kept. So a
 * value written by a newer version, or damaged, still keeps every setting that can be read.
 */
export function readStoredRiskConfig(stored: unknown): StoredRiskConfig {
  const replaced: string[] = [];
  const record = isRecord(stored) ? stored : {};
  const pick = <T>(path: string, schema: z.ZodType<T>, value: unknown, fallback: T): T => {
    if (value === undefined) return fallback;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    replaced.push(path);
    return fallback;
  };

  const storedWeights = isRecord(record.weights) ? record.weights : {};
  const weightShape = riskWeightsSchema.shape;
  const weights = Object.fromEntries(
    weightKeys.map((key) => [
      key,
      pick(
        `weights.${key}`,
        weightShape[key] as z.ZodType<unknown>,
        storedWeights[key],
        DEFAULT_RISK_SETTINGS.weights[key],
      ),
    ]),
  ) as unknown as RiskSettings['weights'];

  const storedPolicies = isRecord(record.tierPolicies) ? record.tierPolicies : {};
  const tierPolicies = Object.fromEntries(
    tiers.map((tier) => [
      tier,
      pick(
        `tierPolicies.${tier}`,
        tierPolicySchema,
        storedPolicies[tier],
        DEFAULT_TIER_POLICIES[tier],
      ),
    ]),
  ) as unknown as TierPolicies;

  const config: RiskConfig = {
    weights,
    tierThresholds: pick(
      'tierThresholds',
      tierThresholdsSchema,
      record.tierThresholds,
      DEFAULT_RISK_SETTINGS.tierThresholds,
    ),
    minimumSettledInvoices: pick(
      'minimumSettledInvoices',
      riskConfigSchema.shape.minimumSettledInvoices,
      record.minimumSettledInvoices,
      DEFAULT_RISK_SETTINGS.minimumSettledInvoices,
    ),
    tierPolicies,
  };
  if (stored !== undefined && !isRecord(stored)) replaced.unshift('settings');
  return { config, replaced };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
