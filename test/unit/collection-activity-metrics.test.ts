import { describe, expect, it } from 'vitest';
import {
  automatedReminderSuccessRate,
  collectionSuccessRate,
  communicationResponseRate,
  dsoAroundReminders,
  reminderDsoWindows,
  timeSpentOnCollections,
  timeToFirstContact,
} from '../../shared/metrics/collection-activity-metrics.ts';
import { findMetric } from '../../shared/metrics/metric-registry.ts';

const invoice = (amountCents: number, ...payments: [string, number][]) => ({
  amountCents,
  reductions: payments.map(([date, cents]) => ({ date, cents })),
});

describe('collection activity formulas', () => {
  it('counts invoices settled by the period end', () => {
    const reminded = [
      invoice(100, ['2026-03-10', 100]),
      invoice(100, ['2026-03-10', 60], ['2026-04-01', 40]),
      invoice(100, ['2026-03-31', 100]),
    ];
    expect(collectionSuccessRate(reminded, '2026-03-31')).toBeCloseTo(200 / 3, 12);
    expect(collectionSuccessRate([], '2026-03-31')).toBeNull();
  });

  it('averages days to first contact of contacted invoices', () => {
    const invoices = [
      { dueDate: '2026-02-27', firstContactOn: '2026-03-02' },
      { dueDate: '2026-03-10', firstContactOn: '2026-03-10' },
      { dueDate: '2026-03-15', firstContactOn: null },
    ];
    // 3 days (2026 is no leap year) and 0 days.
    expect(timeToFirstContact(invoices)).toBe(1.5);
    expect(timeToFirstContact([{ dueDate: '2026-03-15', firstContactOn: null }])).toBeNull();
    expect(() =>
      timeToFirstContact([{ dueDate: '2026-03-15', firstContactOn: '2026-03-14' }]),
    ).toThrow('Invalid first contact 2026-03-14: it is before the due date 2026-03-15');
  });

  it('counts replies by the period end', () => {
    const reminders = [
      { sentOn: '2026-03-02', repliedOn: '2026-03-03' },
      { sentOn: '2026-03-20', repliedOn: '2026-04-01' },
      { sentOn: '2026-03-25', repliedOn: null },
      { sentOn: '2026-03-28', repliedOn: '2026-03-31' },
    ];
    expect(communicationResponseRate(reminders, '2026-03-31')).toBe(50);
    expect(communicationResponseRate([], '2026-03-31')).toBeNull();
  });

  it('gives an automatic reminder 14 days, cut at the period end', () => {
    const reminders = [
      // Day 14 after 03-01 is 03-15: paid that day, a success.
      { sentOn: '2026-03-01', invoices: [invoice(500, ['2026-03-15', 500])] },
      // Paid on day 15.
      { sentOn: '2026-03-01', invoices: [invoice(500, ['2026-03-16', 500])] },
      // One of two invoices paid.
      {
        sentOn: '2026-03-05',
        invoices: [invoice(500, ['2026-03-06', 500]), invoice(200, ['2026-03-06', 100])],
      },
      // Sent 03-25, paid 04-02, within 14 days but after the period end 03-31.
      { sentOn: '2026-03-25', invoices: [invoice(500, ['2026-04-02', 500])] },
    ];
    expect(automatedReminderSuccessRate(reminders, '2026-03-31')).toBe(25);
    expect(automatedReminderSuccessRate(reminders, '2026-04-30')).toBe(50);
    expect(automatedReminderSuccessRate([], '2026-03-31')).toBeNull();
  });

  it('splits minutes into manual and automated', () => {
    expect(
      timeSpentOnCollections([
        { kind: 'call', automated: false, minutes: 20 },
        { kind: 'note', automated: false, minutes: null },
        { kind: 'email', automated: true, minutes: 3 },
        { kind: 'call', automated: true, minutes: 2 },
      ]),
    ).toEqual({
      manualCollectionMinutes: 20,
      automatedCollectionMinutes: 2,
      manualInteractions: 2,
      automatedInteractions: 2,
    });
    expect(Object.values(timeSpentOnCollections([]))).toEqual([null, null, null, null]);
  });

  it('compares whole months around the first reminder', () => {
    expect(reminderDsoWindows('2024-03-31')).toEqual({
      before: { from: '2023-12-01', to: '2024-02-29' },
      after: { from: '2024-04-01', to: '2024-06-30' },
    });
    const before = { receivablesCents: 600, creditSalesCents: 900, days: 90 };
    const after = { receivablesCents: 300, creditSalesCents: 1200, days: 91 };
    expect(dsoAroundReminders(before, after)).toEqual({
      dsoBeforeReminders: 60,
      dsoAfterReminders: 22.75,
    });
    const none = { dsoBeforeReminders: null, dsoAfterReminders: null };
    expect(dsoAroundReminders(before, null)).toEqual(none);
    expect(dsoAroundReminders(before, { ...after, creditSalesCents: 0 })).toEqual(none);
  });

  it('names the window in the definition', () => {
    expect(findMetric('automatedReminderSuccessRate')?.definition).toContain('N = 14');
    expect(findMetric('automatedCollectionMinutes')?.definition).toContain('counts 0 minutes');
  });
});
