import { describe, expect, it } from 'vitest';
import { DEFAULT_TERMS_TEMPLATES } from '../../shared/terms/payment-terms.ts';
import {
  DEFAULT_TIER_POLICIES,
  describePolicyText,
  tierPolicyText,
  earlyPaymentIncentive,
  policyCreditLimitCents,
  suggestTierChanges,
  termsTemplate,
  type TierChangeInput,
} from '../../shared/risk/tier-policy.ts';

describe('policyCreditLimitCents', () => {
  it('floors months of average invoicing to 100 units', () => {
    // 123,456.78 a year is 10,288.065 a month; 1.5 months is 15,432.0975, floored to 15,400.
    expect(policyCreditLimitCents(12_345_678, 1.5, 'USD')).toBe(1_540_000);
    // 0.5 months is 5,144.03, floored to 5,100.
    expect(policyCreditLimitCents(12_345_678, 0.5, 'USD')).toBe(510_000);
    // 3 months is 30,864.195, floored to 30,800.
    expect(policyCreditLimitCents(12_345_678, 3, 'USD')).toBe(3_080_000);
  });

  it('keeps exact multiples exact', () => {
    // 120,000.00 a year: 1.5 months is exactly 15,000.00 and 0.1 months exactly 1,000.00.
    expect(policyCreditLimitCents(12_000_000, 1.5, 'USD')).toBe(1_500_000);
    expect(policyCreditLimitCents(12_000_000, 0.1, 'USD')).toBe(100_000);
    // 11,999.99 a year: 0.5 months is 499.9996, under 500, so 400.
    expect(policyCreditLimitCents(1_199_999, 0.5, 'USD')).toBe(40_000);
  });

  it('rounds yen to 100 yen', () => {
    // ¥1,234,567 a year: 1.5 months is ¥154,320.875, floored to ¥154,300.
    expect(policyCreditLimitCents(1_234_567, 1.5, 'JPY')).toBe(154_300);
  });

  it('rounds a small limit to whole units, and gives null without a rule', () => {
    // 1,000.00 a year × 0.5 ÷ 12 = 41.666…, below 100 units: 41.00 rather than 0.00.
    expect(policyCreditLimitCents(100_000, 0.5, 'USD')).toBe(4_100);
    // 2,399.00 a year × 0.5 ÷ 12 = 99.958…: still below 100, so 99.00.
    expect(policyCreditLimitCents(239_900, 0.5, 'USD')).toBe(9_900);
    // 2,400.00 a year × 0.5 ÷ 12 = exactly 100.00: whole hundreds from here.
    expect(policyCreditLimitCents(240_000, 0.5, 'USD')).toBe(10_000);
    expect(policyCreditLimitCents(0, 3, 'USD')).toBe(0);
    expect(policyCreditLimitCents(12_345_678, null, 'USD')).toBeNull();
  });

  it('rejects negative months', () => {
    expect(() => policyCreditLimitCents(100_000, -1, 'USD')).toThrow(/credit limit months -1/);
  });
});

describe('earlyPaymentIncentive', () => {
  it('describes a discount or none', () => {
    expect(earlyPaymentIncentive(termsTemplate('2-10-net-30'))).toBe(
      '2% off if paid within 10 days',
    );
    expect(earlyPaymentIncentive(termsTemplate('net-30'))).toBe('none');
    expect(earlyPaymentIncentive(termsTemplate('due-on-receipt'))).toBe('none');
  });

  it('rejects an unknown template', () => {
    expect(() => termsTemplate('net-99')).toThrow(
      'Unknown payment terms template "net-99": expected one of net-30, 2-10-net-30, ' +
        'net-15, due-on-receipt.',
    );
  });
});

describe('default tier policies', () => {
  it('use the stated terms and limits', () => {
    expect(DEFAULT_TIER_POLICIES.low).toEqual({
      termsTemplateId: 'net-30',
      upfrontPercent: 0,
      cashOnDelivery: false,
      creditLimitMonths: 3,
    });
    expect(DEFAULT_TIER_POLICIES.medium.termsTemplateId).toBe('2-10-net-30');
    expect(DEFAULT_TIER_POLICIES.medium.creditLimitMonths).toBe(1.5);
    expect(DEFAULT_TIER_POLICIES.high).toEqual({
      termsTemplateId: 'net-15',
      upfrontPercent: 50,
      cashOnDelivery: false,
      creditLimitMonths: 0.5,
    });
  });

  it('read as one line', () => {
    expect(describePolicyText(tierPolicyText(DEFAULT_TIER_POLICIES.medium))).toBe(
      '2/10 net 30, 5 grace days, 1.5% interest a month, early-payment ' +
        'incentive 2% off if paid within 10 days, nothing upfront, no cash on delivery, ' +
        'credit limit of 1.5 months of average monthly invoicing',
    );
  });
});

describe('suggestTierChanges', () => {
  // 123,456.78 a year: 10,288.065 a month on average, shown as $10,288.07.
  const base: TierChangeInput = {
    previousTier: 'low',
    currentTier: 'high',
    currency: 'USD',
    termsTemplateId: 'net-30',
    paymentTermsDays: 30,
    creditLimitCents: 5_000_000,
    twelveMonthSalesCents: 12_345_678,
  };

  it('suggests terms, limit and upfront for low to high', () => {
    expect(suggestTierChanges(base)).toEqual([
      { kind: 'terms', text: 'Switch the payment terms from Net 30 to Net 15.' },
      {
        kind: 'credit-limit',
        text:
          'Lower the credit limit from $50,000.00 to $5,100.00: 0.5 months of the average ' +
          'monthly invoicing of $10,288.07 over the last 12 months.',
      },
      {
        // 50% of 1,028,807 cents is 514,403.5, rounded half up to 514,404.
        kind: 'upfront',
        text:
          'Ask for 50% of each invoice upfront: $5,144.04 a month at the average monthly ' +
          'invoicing of $10,288.07.',
      },
    ]);
  });

  it('names the discount of the new terms', () => {
    const suggestions = suggestTierChanges({ ...base, currentTier: 'medium' });
    expect(suggestions.map((suggestion) => suggestion.text)).toEqual([
      'Switch the payment terms from Net 30 to 2/10 net 30 (2% off if paid within 10 days).',
      'Lower the credit limit from $50,000.00 to $15,400.00: 1.5 months of the average ' +
        'monthly invoicing of $10,288.07 over the last 12 months.',
    ]);
  });

  it('leaves terms and a lower limit alone', () => {
    // 1.5 months give 15,400.00, above the current 10,000.00, so the limit stays.
    const suggestions = suggestTierChanges({
      ...base,
      currentTier: 'medium',
      termsTemplateId: '2-10-net-30',
      creditLimitCents: 1_000_000,
    });
    expect(suggestions).toEqual([]);
  });

  it('sets a limit where none is set', () => {
    const suggestions = suggestTierChanges({
      ...base,
      currentTier: 'medium',
      creditLimitCents: null,
    });
    expect(suggestions.find((suggestion) => suggestion.kind === 'credit-limit')?.text).toBe(
      'Set a credit limit of $15,400.00: 1.5 months of the average monthly invoicing of ' +
        '$10,288.07 over the last 12 months.',
    );
  });

  it('names terms without a template by their days', () => {
    const suggestions = suggestTierChanges({
      ...base,
      termsTemplateId: null,
      paymentTermsDays: 45,
    });
    expect(suggestions[0]?.text).toBe('Switch the payment terms from net 45 days to Net 15.');
    // Neither a template nor days: the client is on the default template, Net 30.
    const none = suggestTierChanges({ ...base, termsTemplateId: null, paymentTermsDays: null });
    expect(none[0]?.text).toBe('Switch the payment terms from Net 30 to Net 15.');
  });

  it('requires cash on delivery when the policy does', () => {
    const policies = {
      ...DEFAULT_TIER_POLICIES,
      high: {
        termsTemplateId: 'due-on-receipt',
        upfrontPercent: 0,
        cashOnDelivery: true,
        creditLimitMonths: null,
      },
    };
    expect(suggestTierChanges(base, policies)).toEqual([
      { kind: 'terms', text: 'Switch the payment terms from Net 30 to Due on receipt.' },
      { kind: 'cash-on-delivery', text: 'Require cash on delivery for new orders.' },
    ]);
  });

  it('formats euros in the client currency', () => {
    // €1,000.00 a year: 0.5 months is 41.67, floored to 0.
    const suggestions = suggestTierChanges({
      ...base,
      currency: 'EUR',
      creditLimitCents: 500_000,
      twelveMonthSalesCents: 100_000,
    });
    expect(suggestions[1]?.text).toBe(
      'Lower the credit limit from €5,000.00 to €41.00: 0.5 months of the average monthly ' +
        'invoicing of €83.33 over the last 12 months.',
    );
    expect(suggestions[2]?.text).toBe(
      'Ask for 50% of each invoice upfront: €41.67 a month at the average monthly invoicing ' +
        'of €83.33.',
    );
  });

  it('suggests nothing unless the tier rose', () => {
    expect(suggestTierChanges({ ...base, previousTier: 'high', currentTier: 'medium' })).toEqual(
      [],
    );
    expect(suggestTierChanges({ ...base, previousTier: 'high', currentTier: 'high' })).toEqual([]);
  });

  it('uses the templates it is given', () => {
    const templates = DEFAULT_TERMS_TEMPLATES.map((template) =>
      template.id === 'net-15' ? { ...template, name: 'Net 15 strict' } : template,
    );
    const suggestions = suggestTierChanges(base, DEFAULT_TIER_POLICIES, templates);
    expect(suggestions[0]?.text).toBe('Switch the payment terms from Net 30 to Net 15 strict.');
  });
});
