import { makeAccountsEmail, makeCompanyName } from './demo-names.ts';
import { demoStreams } from './demo-streams.ts';
import {
  accountManagers,
  countries,
  industries,
  type Country,
  type Industry,
} from './demo-word-lists.ts';
import { profileShares, type PaymentProfile } from './payment-behaviour.ts';
import type { SeasonalCalendar } from './seasonal-calendar.ts';
import { SeededRandom } from './seeded-random.ts';

export type SizeBand = 'small' | 'medium' | 'large';

export interface ClientPlan {
  readonly index: number;
  /** `C0001` for the first client. */
  readonly code: string;
  readonly name: string;
  readonly industry: Industry;
  readonly sizeBand: SizeBand;
  readonly country: Country;
  readonly email: string;
  readonly accountManager: string;
  /** Credit limit in minor units of the client's currency, `country.currency`. */
  readonly creditLimitCents: number;
  readonly termsDays: number;
  readonly profile: PaymentProfile;
  /** Day number of the first day the client can be invoiced. */
  readonly joinedDay: number;
  /** Relative share of the demo's invoices that go to this client. */
  readonly volumeWeight: number;
  /** Median invoice amount in minor units. */
  readonly medianAmountCents: number;
}

const currencyShares = { USD: 0.63, EUR: 0.27, GBP: 0.1 } as const;

const sizeBandWeights: readonly (readonly [SizeBand, number])[] = [
  ['small', 55],
  ['medium', 33],
  ['large', 12],
];

interface SizeTraits {
  readonly volumeWeight: number;
  readonly medianInvoiceUnits: number;
  /** Credit limit range in steps of 5,000 currency units. */
  readonly creditLimitSteps: readonly [min: number, max: number];
  readonly termsWeights: readonly (readonly [days: number, weight: number])[];
}

const sizeTraits: Readonly<Record<SizeBand, SizeTraits>> = {
  small: {
    volumeWeight: 1,
    medianInvoiceUnits: 600,
    creditLimitSteps: [1, 5],
    termsWeights: [
      [30, 70],
      [14, 20],
      [45, 7],
      [60, 3],
    ],
  },
  medium: {
    volumeWeight: 3,
    medianInvoiceUnits: 3_000,
    creditLimitSteps: [5, 30],
    termsWeights: [
      [30, 70],
      [14, 5],
      [45, 15],
      [60, 10],
    ],
  },
  large: {
    volumeWeight: 8,
    medianInvoiceUnits: 15_000,
    creditLimitSteps: [30, 200],
    termsWeights: [
      [30, 50],
      [45, 25],
      [60, 25],
    ],
  },
};

/** Attempts at drawing a name no earlier client has before falling back to adding the code. */
const nameAttempts = 25;

/**
 * Plans `count` demo clients. Profiles and currencies are dealt out by their shares rather
 * than drawn one by one, so that every profile appears from four clients up and every
 * currency from three clients up.
 */
export function planClients(seed: number, count: number, calendar: SeasonalCalendar): ClientPlan[] {
  const mix = new SeededRandom(seed, demoStreams.clientMix);
  const profiles = dealByShares(mix, count, profileShares);
  const currencies = dealByShares(mix, count, currencyShares);
  const takenNames = new Set<string>();
  const clients: ClientPlan[] = [];
  for (let index = 0; index < count; index += 1) {
    const random = new SeededRandom(seed, demoStreams.client, index);
    const currency = currencies[index] as keyof typeof currencyShares;
    const profile = profiles[index] as PaymentProfile;
    const country = random.pickWeighted(
      countries.filter((c) => c.currency === currency).map((c) => [c, c.weight] as const),
    );
    const industry = random.pick(industries);
    const code = `C${String(index + 1).padStart(4, '0')}`;
    const { name, tradingName } = uniqueCompanyName(random, country, industry, code, takenNames);
    const sizeBand = random.pickWeighted(sizeBandWeights);
    const traits = sizeTraits[sizeBand];
    const [minSteps, maxSteps] = traits.creditLimitSteps;
    clients.push({
      index,
      code,
      name,
      industry,
      sizeBand,
      country,
      email: makeAccountsEmail(random, country, tradingName),
      accountManager: random.pick(accountManagers),
      creditLimitCents: random.int(minSteps, maxSteps) * 5_000 * 100,
      termsDays: random.pickWeighted(traits.termsWeights),
      profile,
      joinedDay: drawJoinedDay(random, profile, calendar),
      volumeWeight: traits.volumeWeight * Math.exp(random.normal(0, 0.4)),
      medianAmountCents: Math.round(
        traits.medianInvoiceUnits * 100 * Math.exp(random.normal(0, 0.5)),
      ),
    });
  }
  return clients;
}

/**
 * Deals out `count` labels in proportion to `shares` (largest remainder), giving every label
 * at least one when there are enough items, and returns them shuffled.
 */
function dealByShares<T extends string>(
  random: SeededRandom,
  count: number,
  shares: Readonly<Record<T, number>>,
): T[] {
  const labels = Object.keys(shares) as T[];
  const total = labels.reduce((sum, label) => sum + shares[label], 0);
  const quotas = labels.map((label, order) => {
    const exact = (count * shares[label]) / total;
    return { label, order, dealt: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });

  let left = count - quotas.reduce((sum, quota) => sum + quota.dealt, 0);
  const byRemainder = [...quotas].sort((a, b) => b.remainder - a.remainder || a.order - b.order);
  for (const quota of byRemainder) {
    if (left === 0) break;
    quota.dealt += 1;
    left -= 1;
  }

  if (count >= labels.length) {
    for (const quota of quotas) {
      if (quota.dealt > 0) continue;
      const largest = quotas.reduce((max, other) => (other.dealt > max.dealt ? other : max));
      largest.dealt -= 1;
      quota.dealt = 1;
    }
  }
  const deck = quotas.flatMap((quota) => Array<T>(quota.dealt).fill(quota.label));
  return random.shuffle(deck);
}

function uniqueCompanyName(
  random: SeededRandom,
  country: Country,
  industry: Industry,
  code: string,
  takenNames: Set<string>,
): { name: string; tradingName: string } {
  let company = makeCompanyName(random, country, industry);
  for (let attempt = 1; attempt < nameAttempts && takenNames.has(company.name); attempt += 1) {
    company = makeCompanyName(random, country, industry);
  }
  const name = takenNames.has(company.name) ? `${company.name} (${code})` : company.name;
  takenNames.add(name);
  return { name, tradingName: company.tradingName };
}

/**
 * Draws the client's first day: the start of the history for three clients in four, a later
 * day for the rest. Deteriorating clients always start with the history, because their decline
 * only shows against a long record of paying on time.
 */
function drawJoinedDay(
  random: SeededRandom,
  profile: PaymentProfile,
  calendar: SeasonalCalendar,
): number {
  if (profile === 'deteriorating' || !random.chance(0.25)) return calendar.startDay;
  const span = calendar.endDay - calendar.startDay;
  return calendar.startDay + random.int(0, Math.floor(span * 0.7));
}
