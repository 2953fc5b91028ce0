import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_SETTINGS, type RiskScore } from '../../shared/risk/risk-score.ts';
import {
  DEFAULT_RISK_CONFIG,
  describeIssues,
  readStoredRiskConfig,
  riskConfigUpdateSchema,
} from '../../shared/risk/risk-settings.ts';
import {
  countTiers,
  previousQuarterEnd,
  tierMixDates,
  tierRose,
} from '../../shared/risk/tier-change.ts';

describe('readStoredRiskConfig', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(readStoredRiskConfig(undefined)).toEqual({ config: DEFAULT_RISK_CONFIG, replaced: [] });
  });

  it('replaces only the invalid fields', () => {
    const stored = {
      tierThresholds: { medium: 70, high: 40 },
      minimumSettledInvoices: 5,
      weights: {
        daysLate: { pointsPerUnit: 3, cap: 40 },
        trend: { pointsPerUnit: -1, cap: 15 },
        sizeBand: { small: 2, medium: 1, large: 0 },
      },
      tierPolicies: {
        medium: {
          termsTemplateId: 'net-15',
          upfrontPercent: 20,
          cashOnDelivery: false,
          creditLimitMonths: 1,
        },
        high: {
          termsTemplateId: 'Net 99!',
          upfrontPercent: 50,
          cashOnDelivery: true,
          creditLimitMonths: null,
        },
      },
      unknownField: true,
    };
    const { config, replaced } = readStoredRiskConfig(stored);
    expect(replaced).toEqual(['weights.trend', 'tierPolicies.high', 'tierThresholds']);
    expect(config.tierThresholds).toEqual(DEFAULT_RISK_SETTINGS.tierThresholds);
    expect(config.minimumSettledInvoices).toBe(5);
    expect(config.weights.daysLate).toEqual({ pointsPerUnit: 3, cap: 40 });
    expect(config.weights.trend).toEqual(DEFAULT_RISK_SETTINGS.weights.trend);
    expect(config.weights.sizeBand).toEqual({ small: 2, medium: 1, large: 0 });
    expect(config.weights.lateShare).toEqual(DEFAULT_RISK_SETTINGS.weights.lateShare);
    expect(config.tierPolicies.medium).toEqual({
      termsTemplateId: 'net-15',
      upfrontPercent: 20,
      cashOnDelivery: false,
      creditLimitMonths: 1,
    });
    expect(config.tierPolicies.high).toEqual(DEFAULT_RISK_CONFIG.tierPolicies.high);
    expect(config.tierPolicies.low).toEqual(DEFAULT_RISK_CONFIG.tierPolicies.low);
  });

  it('treats a non-object as all defaults', () => {
    expect(readStoredRiskConfig([1, 2])).toEqual({
      config: DEFAULT_RISK_CONFIG,
      replaced: ['settings'],
    });
  });
});

describe('risk settings update schema', () => {
  const messageFor = (update: unknown) => {
    const parsed = riskConfigUpdateSchema.safeParse(update);
    if (parsed.success) throw new Error('expected the update to be rejected');
    return describeIssues(parsed.error);
  };

  it('names the field and the fix', () => {
    expect(messageFor({ tierThresholds: { medium: 60, high: 50 } })).toBe(
      'tierThresholds.high: expected the high threshold above the medium one, such as ' +
        'medium 35 and high 65',
    );
    const policies = DEFAULT_RISK_CONFIG.tierPolicies;
    expect(
      messageFor({
        tierPolicies: { ...policies, high: { ...policies.high, upfrontPercent: 120 } },
      }),
    ).toBe(
      'tierPolicies.high.upfrontPercent: expected a whole percent from 0 to 100, such as 50, ' +
        'at most 100',
    );
    expect(
      messageFor({
        tierPolicies: { ...policies, low: { ...policies.low, creditLimitMonths: 1.234 } },
      }),
    ).toBe(
      'tierPolicies.low.creditLimitMonths: expected months with at most two decimals, such as 1.5',
    );
    expect(
      messageFor({
        tierPolicies: { ...policies, low: { ...policies.low, termsTemplateId: 'Net 30' } },
      }),
    ).toBe(
      'tierPolicies.low.termsTemplateId: expected a payment terms template id, such as net-30',
    );
    expect(messageFor({ minimumSettledInvoices: 0 })).toBe(
      'minimumSettledInvoices: expected a number of invoices from 1 to 100, such as 3, at least 1',
    );
  });

  it('rejects unknown fields', () => {
    expect(messageFor({ thresholds: { medium: 30, high: 60 } })).toMatch(/thresholds/);
  });

  it('accepts a partial update', () => {
    expect(riskConfigUpdateSchema.safeParse({ minimumSettledInvoices: 4 }).success).toBe(true);
    expect(riskConfigUpdateSchema.safeParse(DEFAULT_RISK_CONFIG).success).toBe(true);
  });
});

describe('tier change dates', () => {
  it('finds the previous quarter end', () => {
    expect(previousQuarterEnd('2026-11-30')).toBe('2026-09-30');
    expect(previousQuarterEnd('2026-10-01')).toBe('2026-09-30');
    expect(previousQuarterEnd('2026-03-31')).toBe('2025-12-31');
    expect(previousQuarterEnd('2026-01-01')).toBe('2025-12-31');
    expect(previousQuarterEnd('2024-06-15')).toBe('2024-03-31');
  });

  it('lists 11 month ends and the as-of date', () => {
    expect(tierMixDates('2026-03-15')).toEqual([
      '2025-04-30',
      '2025-05-31',
      '2025-06-30',
      '2025-07-31',
      '2025-08-31',
      '2025-09-30',
      '2025-10-31',
      '2025-11-30',
      '2025-12-31',
      '2026-01-31',
      '2026-02-28',
      '2026-03-15',
    ]);
    expect(tierMixDates('2024-02-29').slice(-2)).toEqual(['2024-01-31', '2024-02-29']);
  });
});

describe('tierRose', () => {
  const scored = (tier: 'low' | 'medium' | 'high'): RiskScore => ({
    status: 'scored',
    score: 0,
    tier,
    components: [],
  });
  const unscored: RiskScore = { status: 'insufficient-history', settledInvoices: 1, needed: 3 };

  it('compares tiers only', () => {
    expect(tierRose(scored('low'), scored('medium'))).toBe(true);
    expect(tierRose(scored('medium'), scored('high'))).toBe(true);
    expect(tierRose(scored('high'), scored('medium'))).toBe(false);
    expect(tierRose(scored('medium'), scored('medium'))).toBe(false);
    expect(tierRose(unscored, scored('high'))).toBe(false);
    expect(tierRose(null, scored('high'))).toBe(false);
    expect(tierRose(scored('low'), unscored)).toBe(false);
  });

  it('counts tiers with unscored apart', () => {
    expect(countTiers([scored('low'), scored('high'), unscored, scored('low')])).toEqual({
      low: 2,
      medium: 0,
      high: 1,
      unscored: 1,
    });
  });
});
