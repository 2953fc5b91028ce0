import { describe, expect, it } from 'vitest';

import { basisPointsOf } from '../../shared/money.ts';
import {
  DEFAULT_TERMS_TEMPLATES,
  describeTerms,
  dueDateFor,
  parseTermsSnapshot,
  paymentTermsSchema,
  termsLabel,
  type PaymentTerms,
} from '../../shared/terms/payment-terms.ts';
import { discountEarned, lateFeesDue, type TermsInvoice } from '../../shared/terms/term-charges.ts';

function template(id: string): PaymentTerms {
  const found = DEFAULT_TERMS_TEMPLATES.find((terms) => terms.id === id);
  if (found === undefined) throw new Error(`no template ${id}`);
  return found;
}

function invoice(overrides: Partial<TermsInvoice> = {}): TermsInvoice {
  return {
    number: 'INV-1',
    currency: 'USD',
    invoiceDate: '2026-01-05',
    dueDate: '2026-02-04',
    amountCents: 100_000,
    terms: template('2-10-net-30'),
    reductions: [],
    disputes: [],
    ...overrides,
  };
}

describe('basisPointsOf', () => {
  it('rounds once, halves away from zero', () => {
    // 2% of 123.45 = 2.469 → 2.47; 1.5% of 100.01 = 1.50015 → 1.50.
    expect(basisPointsOf(12_345, 200)).toBe(247);
    expect(basisPointsOf(10_001, 150)).toBe(150);
    // 2% of 0.25 = 0.005 → 0.01 and of 0.75 = 0.015 → 0.02: the half goes up both times.
    expect(basisPointsOf(25, 200)).toBe(1);
    expect(basisPointsOf(75, 200)).toBe(2);
    expect(basisPointsOf(-75, 200)).toBe(-2);
  });

  it('stays exact where floating point would not', () => {
    // 1.15% of 10.00 is exactly 0.115; 1000 × 0.0115 in doubles is 11.499999…
    expect(basisPointsOf(1_000, 115)).toBe(12);
    expect(basisPointsOf(999_999_999_999, 5000)).toBe(500_000_000_000);
  });
});

describe('payment terms', () => {
  it('puts the due date net days after the invoice date', () => {
    expect(dueDateFor('2026-01-31', template('net-30'))).toBe('2026-03-02');
    expect(dueDateFor('2026-01-31', template('due-on-receipt'))).toBe('2026-01-31');
  });

  it('describes each default template', () => {
    expect(DEFAULT_TERMS_TEMPLATES.map((terms) => describeTerms(terms, 'USD'))).toEqual([
      'net 30, 5 grace days, 1.5% interest a month',
      '2/10 net 30, 5 grace days, 1.5% interest a month',
      'net 15, late fee 2%',
      'due on receipt, late fee 25.00 USD',
    ]);
  });

  it('labels terms without repeating their name', () => {
    expect(DEFAULT_TERMS_TEMPLATES.map((terms) => termsLabel(terms))).toEqual([
      'Net 30, 5 grace days, 1.5% interest a month',
      '2/10 net 30, 5 grace days, 1.5% interest a month',
      'Net 15, late fee 2%',
      "Due on receipt, late fee 25.00 in the invoice's currency",
    ]);
    const own = { ...template('net-30'), name: 'Standard' };
    expect(termsLabel(own, 'EUR')).toBe('Standard: net 30, 5 grace days, 1.5% interest a month');
  });

  it('accepts every default template and rejects a discount period past the due date', () => {
    for (const terms of DEFAULT_TERMS_TEMPLATES) {
      expect(paymentTermsSchema.safeParse(terms).success).toBe(true);
    }
    const late = { ...template('2-10-net-30'), discount: { basisPoints: 200, withinDays: 30 } };
    const result = paymentTermsSchema.safeParse(late);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      'the discount period must end before the due date',
    );
  });

  it('reads a snapshot back and names the invoice of a damaged one', () => {
    const terms = template('net-15');
    expect(parseTermsSnapshot(JSON.stringify(terms), 'INV-9')).toEqual(terms);
    expect(parseTermsSnapshot(null, 'INV-9')).toBeNull();
    expect(() => parseTermsSnapshot('{"id":', 'INV-9')).toThrow(
      'Invoice INV-9 has terms that are not valid JSON',
    );
    expect(() => parseTermsSnapshot(JSON.stringify({ ...terms, netDays: -1 }), 'INV-9')).toThrow(
      'Invoice INV-9 has invalid terms: netDays',
    );
  });
});

describe('early-payment discount', () => {
  it('is earned by paying the amount less 2% within 10 days', () => {
    // 2% of 1,000.00 is 20.00; 980.00 paid on day 10 (2026-01-15) earns it.
    const paid = invoice({ reductions: [{ date: '2026-01-15', cents: 98_000 }] });
    expect(discountEarned(paid, '2026-01-31')).toEqual({
      amountCents: 2_000,
      appliedOn: '2026-01-15',
      explanation:
        '2% early-payment discount on invoice INV-1: 980.00 USD paid by 2026-01-15, ' +
        '980.00 USD needed',
    });
  });

  it('dates a discount earned in two instalments by the second', () => {
    const paid = invoice({
      reductions: [
        { date: '2026-01-12', cents: 50_000 },
        { date: '2026-01-08', cents: 48_000 },
      ],
    });
    expect(discountEarned(paid, '2026-02-01')?.appliedOn).toBe('2026-01-12');
  });

  it('refuses a discount paid late, short or after the as-of date', () => {
    expect(
      discountEarned(
        invoice({ reductions: [{ date: '2026-01-16', cents: 98_000 }] }),
        '2026-03-01',
      ),
    ).toBeNull();
    expect(
      discountEarned(
        invoice({ reductions: [{ date: '2026-01-10', cents: 97_999 }] }),
        '2026-03-01',
      ),
    ).toBeNull();
    expect(
      discountEarned(
        invoice({ reductions: [{ date: '2026-01-10', cents: 98_000 }] }),
        '2026-01-09',
      ),
    ).toBeNull();
  });

  it('credits only the balance left after an overpaid discount', () => {
    const paid = invoice({ reductions: [{ date: '2026-01-10', cents: 99_000 }] });
    expect(discountEarned(paid, '2026-01-31')?.amountCents).toBe(1_000);
  });

  it('gives no discount for full payment or net terms', () => {
    const full = invoice({ reductions: [{ date: '2026-01-10', cents: 100_000 }] });
    expect(discountEarned(full, '2026-01-31')).toBeNull();
    const net = invoice({
      terms: template('net-30'),
      reductions: [{ date: '2026-01-10', cents: 98_000 }],
    });
    expect(discountEarned(net, '2026-01-31')).toBeNull();
  });

  it('rounds the discount of an odd amount once', () => {
    // 2% of 333.33 = 6.6666 → 6.67, so 326.66 must be paid.
    const odd = invoice({
      amountCents: 33_333,
      reductions: [{ date: '2026-01-06', cents: 32_666 }],
    });
    expect(discountEarned(odd, '2026-01-31')?.amountCents).toBe(667);
  });
});

describe('late fees', () => {
  // Net 30 from 2026-01-05: due 2026-02-04, 5 grace days to 2026-02-09, 1.5% a month.
  const net30 = (overrides: Partial<TermsInvoice> = {}) =>
    invoice({ terms: template('net-30'), ...overrides });

  it('charges simple interest on the balance each whole month', () => {
    const fees = lateFeesDue(
      net30({ reductions: [{ date: '2026-03-20', cents: 40_000 }] }),
      '2026-05-09',
    );
    // Month 1 on 2026-03-09: 1.5% of 1,000.00 = 15.00. Month 2 on 2026-04-09, after 400.00
    // was paid: 1.5% of 600.00 = 9.00. Month 3 on 2026-05-09: 9.00 again. Earlier interest is
    // never part of the base, so no fee is charged on a fee.
    expect(
      fees.map(({ period, chargedOn, baseCents, amountCents }) => [
        period,
        chargedOn,
        baseCents,
        amountCents,
      ]),
    ).toEqual([
      [1, '2026-03-09', 100_000, 1_500],
      [2, '2026-04-09', 60_000, 900],
      [3, '2026-05-09', 60_000, 900],
    ]);
    expect(fees[0]?.explanation).toBe(
      'Interest of 1.5% for month 1 overdue on invoice INV-1: 1000.00 USD owed on 2026-03-09',
    );
  });

  it('charges nothing within the grace days or once the invoice is paid', () => {
    expect(lateFeesDue(net30(), '2026-03-08')).toEqual([]);
    const paidInGrace = net30({ reductions: [{ date: '2026-02-09', cents: 100_000 }] });
    expect(lateFeesDue(paidInGrace, '2026-12-31')).toEqual([]);
    const paidLater = net30({ reductions: [{ date: '2026-03-15', cents: 100_000 }] });
    expect(lateFeesDue(paidLater, '2026-12-31').map((fee) => fee.period)).toEqual([1]);
  });

  it('skips the months that end while the invoice is disputed', () => {
    const disputed = net30({ disputes: [{ openedOn: '2026-03-01', resolvedOn: '2026-04-20' }] });
    expect(lateFeesDue(disputed, '2026-05-09').map((fee) => fee.chargedOn)).toEqual(['2026-05-09']);
  });

  it('charges a percentage fee the day after grace', () => {
    // Net 15 from 2026-01-05: due 2026-01-20, no grace; 2% of the 700.00 left on 2026-01-21.
    const fees = lateFeesDue(
      invoice({
        terms: template('net-15'),
        dueDate: '2026-01-20',
        reductions: [{ date: '2026-01-18', cents: 30_000 }],
      }),
      '2026-06-30',
    );
    expect(fees).toEqual([
      {
        period: 0,
        chargedOn: '2026-01-21',
        baseCents: 70_000,
        amountCents: 1_400,
        explanation: 'Late fee of 2% on invoice INV-1: 700.00 USD owed on 2026-01-21',
      },
    ]);
  });

  it('delays a one-off fee until its dispute ends', () => {
    const terms = template('due-on-receipt');
    const base = { terms, dueDate: '2026-01-05' };
    const resolved = invoice({
      ...base,
      disputes: [{ openedOn: '2026-01-03', resolvedOn: '2026-02-10' }],
    });
    expect(lateFeesDue(resolved, '2026-03-01')).toMatchObject([
      { period: 0, chargedOn: '2026-02-10', amountCents: 2_500 },
    ]);
    const open = invoice({ ...base, disputes: [{ openedOn: '2026-01-03', resolvedOn: null }] });
    expect(lateFeesDue(open, '2026-03-01')).toEqual([]);
  });
});

describe('payment terms validation', () => {
  const base = DEFAULT_TERMS_TEMPLATES[0] as PaymentTerms;
  it.each([
    [{ ...base, name: 'Net\u001b[31m 30' }, 'name: use printable characters only'],
    [
      { ...base, paymentMethods: ['Card\u0000'] },
      'paymentMethods.0: use printable characters only',
    ],
    [
      { ...base, discount: { basisPoints: 200, withinDays: 0 } },
      'discount.withinDays: Too small: expected number to be >=1',
    ],
  ])('rejects %j', (terms, message) => {
    const result = paymentTermsSchema.safeParse(terms);
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(`${issue?.path.join('.')}: ${issue?.message}`).toBe(message);
  });
});
