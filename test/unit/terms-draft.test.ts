import { describe, expect, it } from 'vitest';

import {
  emptyTermsDraft,
  termsDraftFrom,
  validateTermsDraft,
} from '../../renderer/pages/settings/terms-draft.ts';
import { DEFAULT_TERMS_TEMPLATES, describeTerms } from '../../shared/terms/payment-terms.ts';

describe('payment terms form', () => {
  it('turns percent and days into basis points and whole days', () => {
    const checked = validateTermsDraft({
      ...emptyTermsDraft,
      id: '3-10-net-45',
      name: '3/10 net 45',
      netDays: '45',
      discountPercent: '3',
      discountDays: '10',
      graceDays: '5',
      feeKind: 'monthly-interest',
      feeValue: '1.25',
      paymentMethods: 'Bank transfer, Card, ',
    });
    expect(checked.terms).toEqual({
      id: '3-10-net-45',
      name: '3/10 net 45',
      netDays: 45,
      discount: { basisPoints: 300, withinDays: 10 },
      graceDays: 5,
      lateFee: { kind: 'monthly-interest', basisPointsPerMonth: 125 },
      paymentMethods: ['Bank transfer', 'Card'],
    });
  });

  it('reads flat fees and small percents', () => {
    const flat = validateTermsDraft({
      ...emptyTermsDraft,
      id: 'f',
      name: 'F',
      feeKind: 'flat',
      feeValue: '25.00',
    });
    expect(flat.terms?.lateFee).toEqual({ kind: 'flat', amountCents: 2_500 });
    const small = validateTermsDraft({
      ...emptyTermsDraft,
      id: 'p',
      name: 'P',
      feeKind: 'percent',
      feeValue: '0.05',
    });
    expect(small.terms?.lateFee).toEqual({ kind: 'percent', basisPoints: 5 });
  });

  it('names the field of each mistake', () => {
    expect(
      validateTermsDraft({
        ...emptyTermsDraft,
        id: 'Net 30',
        name: 'x',
        discountPercent: '2.555',
        discountDays: '10',
      }).errors,
    ).toEqual({
      discountPercent: '"2.555" is not a percent with at most two decimals, such as 1.5.',
      id: 'Use lower-case letters, digits and hyphens.',
    });
    expect(
      validateTermsDraft({
        ...emptyTermsDraft,
        id: 'Net 30',
        name: 'x',
        netDays: '10',
        discountPercent: '2',
        discountDays: '10',
      }).errors,
    ).toEqual({
      id: 'Use lower-case letters, digits and hyphens.',
      discountDays: 'The discount period must end before the due date.',
    });
  });

  it('reads every default template back unchanged', () => {
    for (const terms of DEFAULT_TERMS_TEMPLATES) {
      const listed = {
        ...terms,
        paymentMethods: [...terms.paymentMethods],
        description: describeTerms(terms),
        label: '',
        incentive: '',
      };
      expect(validateTermsDraft(termsDraftFrom(listed)).terms).toEqual(terms);
    }
  });
});
