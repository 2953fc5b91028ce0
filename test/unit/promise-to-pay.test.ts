import { describe, expect, it } from 'vitest';
import { interactionProblems } from '../../shared/collections/interaction-rules.ts';
import {
  brokenPromiseNote,
  decidePromises,
  promiseProblems,
  type PromiseFact,
} from '../../shared/collections/promise-to-pay.ts';

const promise = (id: number, amountCents: number, madeOn: string, promisedFor: string) =>
  ({ id, amountCents, currency: 'EUR', madeOn, promisedFor, status: 'open' }) as PromiseFact;

describe('promise follow-up', () => {
  it('shares payments between promises once', () => {
    const promises = [
      promise(1, 300, '2026-05-01', '2026-05-10'),
      promise(2, 300, '2026-05-01', '2026-05-20'),
    ];
    const payments = [
      { date: '2026-05-05', amountCents: 200, currency: 'EUR' },
      { date: '2026-05-09', amountCents: 200, currency: 'EUR' },
      // Another currency never pays a euro promise.
      { date: '2026-05-09', amountCents: 500, currency: 'USD' },
    ];
    // Promise 1 takes 200 + 100; 100 is left for promise 2, which is still open on 05-20.
    expect(decidePromises(promises, payments, '2026-05-20')).toEqual([{ id: 1, status: 'kept' }]);
    expect(decidePromises(promises, payments, '2026-05-21')).toEqual([
      { id: 1, status: 'kept' },
      { id: 2, status: 'broken' },
    ]);
    const more = [...payments, { date: '2026-05-20', amountCents: 200, currency: 'EUR' }];
    expect(decidePromises(promises, more, '2026-05-21')).toEqual([
      { id: 1, status: 'kept' },
      { id: 2, status: 'kept' },
    ]);
  });

  it('lets a decided promise keep its payments', () => {
    const kept = { ...promise(1, 300, '2026-05-01', '2026-05-10'), status: 'kept' as const };
    const open = promise(2, 300, '2026-05-01', '2026-05-20');
    const payments = [{ date: '2026-05-05', amountCents: 300, currency: 'EUR' }];
    expect(decidePromises([open, kept], payments, '2026-05-21')).toEqual([
      { id: 2, status: 'broken' },
    ]);
  });

  it('writes the broken note with the amount and date', () => {
    expect(
      brokenPromiseNote({
        amountCents: 123_456,
        currency: 'EUR',
        promisedFor: '2026-05-20',
        madeOn: '2026-05-01',
      }),
    ).toBe('Promise of €1,234.56 due 2026-05-20 broken');
  });

  it('names every problem of a promise', () => {
    expect(
      promiseProblems(
        { amountCents: -5, currency: 'usd', madeOn: '2026-05-32', promisedFor: '2026-05-01' },
        '2026-06-01',
      ),
    ).toEqual([
      'Invalid amount -5: a promise is for more than zero, in whole minor units.',
      'Invalid currency "usd": give an ISO 4217 code such as USD.',
      'Invalid promise day "2026-05-32": give a day as YYYY-MM-DD.',
    ]);
  });
});

describe('interaction rules', () => {
  it('names a bad kind and direction', () => {
    const problems = interactionProblems(
      {
        kind: 'fax' as 'call',
        direction: 'sideways' as 'inbound',
        occurredOn: '2026-05-01',
        minutes: 2000,
        outcome: null,
        summary: '',
        automated: false,
        repliesToReminderId: null,
      },
      '2026-06-01',
    );
    expect(problems).toEqual([
      'Invalid kind "fax": use call, email, letter, meeting or note.',
      'Invalid direction "sideways": use outbound, inbound or internal.',
      'Invalid minutes 2000: give whole minutes from 0 to 1440, or leave them out.',
    ]);
  });
});
