import type { SeededRandom } from './seeded-random.ts';

/**
 * Payment behaviour of a demo client. The ledger never stores it, because the demo exists so
 * that reports can find these patterns from the data alone.
 * - prompt: pays by the due date, unless a dispute or a combined payment delays it;
 * - slow: pays 10 to 40 days late;
 * - erratic: pays about half on time and the rest very late, often in parts;
 * - deteriorating: pays on time until the last six months of the history, then later and
 *   later, leaving more and more invoices unpaid.
 */
export const paymentProfiles = ['prompt', 'slow', 'erratic', 'deteriorating'] as const;
export type PaymentProfile = (typeof paymentProfiles)[number];

/** Share of the demo's clients with each profile. */
export const profileShares: Readonly<Record<PaymentProfile, number>> = {
  prompt: 0.4,
  slow: 0.25,
  erratic: 0.2,
  deteriorating: 0.15,
};

/** Chance that an invoice gets disputed. With the profile shares the average is about 2%. */
export const disputeChance: Readonly<Record<PaymentProfile, number>> = {
  prompt: 0.012,
  slow: 0.02,
  erratic: 0.035,
  deteriorating: 0.03,
};

/**
 * Chance that one payment settles two invoices when their payment days fall within ten days
 * of each other, as a client's payment run often does.
 */
export const combineChance: Readonly<Record<PaymentProfile, number>> = {
  prompt: 0.3,
  slow: 0.25,
  erratic: 0.1,
  deteriorating: 0.15,
};

export interface PaymentIntent {
  /**
   * Days from the due date to the last payment (negative when early), or null when the client
   * never pays the invoice.
   */
  readonly daysLate: number | null;
  /** Number of payments the invoice is paid in, 1 to 3. */
  readonly parts: number;
}

/**
 * Draws how a client pays one invoice. `decline` is 0 for a deteriorating client's invoices
 * before it starts to slip and grows to 1 at the end of the history. Other profiles ignore it.
 */
export function drawPaymentIntent(
  random: SeededRandom,
  profile: PaymentProfile,
  decline: number,
): PaymentIntent {
  switch (profile) {
    case 'prompt':
      return {
        daysLate: Math.min(0, Math.round(random.normal(-4, 4))),
        parts: random.chance(0.03) ? 2 : 1,
      };
    case 'slow':
      return {
        daysLate: random.chance(0.01) ? null : random.int(10, 40),
        parts: random.chance(0.1) ? random.int(2, 3) : 1,
      };
    case 'erratic': {
      const parts = random.chance(0.3) ? random.int(2, 3) : 1;
      if (random.chance(0.03)) return { daysLate: null, parts };
      if (random.chance(0.55)) {
        return { daysLate: Math.min(2, Math.round(random.normal(-2, 4))), parts };
      }
      return { daysLate: random.int(25, 120), parts };
    }
    case 'deteriorating':
      if (decline <= 0) {
        return {
          daysLate: Math.min(2, Math.round(random.normal(-3, 3))),
          parts: random.chance(0.04) ? 2 : 1,
        };
      }
      return {
        daysLate: random.chance(0.08 + 0.35 * decline)
          ? null
          : Math.max(5, Math.round(10 + 80 * decline + random.normal(0, 10))),
        parts: random.chance(0.2 + 0.3 * decline) ? random.int(2, 3) : 1,
      };
  }
}
