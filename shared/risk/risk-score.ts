/**
 * A client's credit risk score, 0 to 100, built from explained components.
 *
 * Each component turns one fact about the client's last 12 months into points, up to its own
 * cap, and states the fact as a sentence a bookkeeper can check against the ledger. The score
 * is the sum of the rounded component points, clamped to 100, so the shown points add up to
 * the score unless the clamp applies. Money of one currency only: the caller picks the
 * client's main currency and passes its invoices and limit.
 *
 * The default weights let lateness dominate. Every invoice paid 30 days late gives 50 + 30 = 80
 * points, which is high. A client that pays on time with nothing past due gets points only
 * from disputes, write-offs, credit use and the priors.
 * - days late: 2.5 points per amount-weighted average day late, cap 50 (20 days reach it);
 * - late share: 30 points × the share of invoices paid more than 15 days late, cap 30;
 * - trend: 0.5 points per day that the last 3 months are later than the 9 months before,
 *   cap 15, and never negative, because an improvement is already in the other components;
 * - overdue: 20 points × the share of the open balance past its due date, cap 20;
 * - disputes: 2 points per dispute opened, cap 6;
 * - write-offs: 5 points per write-off, cap 10;
 * - credit utilisation: 25 points × how far the open balance exceeds 80% of the credit limit
 *   (as a share of the limit), cap 10 (reached at 120%);
 * - size band and industry: modest priors of at most a few points, given only when known.
 * The caps add up to more than 100, and the sum is clamped.
 */

import { addMonths, parseIsoDate, type IsoDate } from '../calendar-date.ts';
import { averageDaysLate } from '../collection-metrics.ts';
import { daysLate, daysPastDue } from '../invoice-balance.ts';
import { assertCents } from '../money.ts';

export type SizeBand = 'small' | 'medium' | 'large';

export interface SettledInvoice {
  readonly invoiceDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly settledDate: IsoDate;
  readonly amountCents: number;
}

export interface OpenInvoiceBalance {
  readonly dueDate: IsoDate;
  readonly balanceCents: number;
}

/** Ledger facts about one client up to the as-of date, in one currency. */
export interface ClientHistory {
  /** Invoices settled in the 12 months up to and including the as-of date. */
  readonly settledInvoices: readonly SettledInvoice[];
  /** Invoices with a balance at the end of the as-of date. */
  readonly openInvoices: readonly OpenInvoiceBalance[];
  readonly disputesLast12Months: number;
  readonly writeOffsLast12Months: number;
  /** Credit limit in the same currency as the invoices, or null when none is on record. */
  readonly creditLimitCents: number | null;
  readonly openBalanceCents: number;
  readonly industry: string | null;
  readonly sizeBand: SizeBand | null;
}

/** Points per unit of a measure, never more than `cap`. */
export interface LinearWeight {
  readonly pointsPerUnit: number;
  readonly cap: number;
}

export interface RiskWeights {
  /** Unit: one day of amount-weighted average lateness. */
  readonly daysLate: LinearWeight;
  /** Unit: the whole share (1.0) of invoices paid more than `lateShareDays` late. */
  readonly lateShare: LinearWeight;
  /** Unit: one day by which the last 3 months are later than the 9 months before. */
  readonly trend: LinearWeight;
  /** Unit: the whole share (1.0) of the open balance that is past due. */
  readonly overdueShare: LinearWeight;
  /** Unit: one dispute opened in the last 12 months. */
  readonly disputes: LinearWeight;
  /** Unit: one write-off in the last 12 months. */
  readonly writeOffs: LinearWeight;
  /** Unit: the whole limit (1.0) by which the open balance exceeds `utilisationFrom`. */
  readonly creditUtilisation: LinearWeight;
  /** Utilisation (open balance ÷ credit limit) above which points start. */
  readonly utilisationFrom: number;
  /** Days late above which an invoice counts towards the late share. */
  readonly lateShareDays: number;
  /** Modest prior by size band: smaller firms have thinner cash buffers. */
  readonly sizeBand: Readonly<Record<SizeBand, number>>;
  /** Modest prior by industry, keyed by lower-case industry name; others get 0. */
  readonly industry: Readonly<Record<string, number>>;
}

export interface RiskSettings {
  readonly weights: RiskWeights;
  /** Settled invoices in the last 12 months below which a client is not scored. */
  readonly minimumSettledInvoices: number;
  /** Scores at or above `medium` are medium, at or above `high` are high. */
  readonly tierThresholds: { readonly medium: number; readonly high: number };
}

export const DEFAULT_RISK_SETTINGS: RiskSettings = {
  weights: {
    daysLate: { pointsPerUnit: 2.5, cap: 50 },
    lateShare: { pointsPerUnit: 30, cap: 30 },
    trend: { pointsPerUnit: 0.5, cap: 15 },
    overdueShare: { pointsPerUnit: 20, cap: 20 },
    disputes: { pointsPerUnit: 2, cap: 6 },
    writeOffs: { pointsPerUnit: 5, cap: 10 },
    creditUtilisation: { pointsPerUnit: 25, cap: 10 },
    utilisationFrom: 0.8,
    lateShareDays: 15,
    sizeBand: { small: 3, medium: 1, large: 0 },
    // An estimate, not measured on any ledger: trades paid in stages or with thin margins
    // tend to pay suppliers later. Set figures from your own experience here.
    industry: { construction: 3, hospitality: 2 },
  },
  minimumSettledInvoices: 3,
  tierThresholds: { medium: 35, high: 65 },
};

export type RiskTier = 'low' | 'medium' | 'high';

export type RiskComponentId =
  | 'days-late'
  | 'late-share'
  | 'trend'
  | 'overdue'
  | 'disputes'
  | 'write-offs'
  | 'credit-utilisation'
  | 'size-band'
  | 'industry';

export interface RiskComponent {
  readonly id: RiskComponentId;
  /** Whole points, 0 or more, at most the component's cap. */
  readonly points: number;
  readonly explanation: string;
}

export type RiskScore =
  | {
      readonly status: 'scored';
      readonly score: number;
      readonly tier: RiskTier;
      readonly components: readonly RiskComponent[];
    }
  | {
      readonly status: 'insufficient-history';
      readonly settledInvoices: number;
      readonly needed: number;
    };

/** Months of the recent window that the trend compares with the rest of the 12 months. */
const trendRecentMonths = 3;

/**
 * Scores one client as of `asOf`. Raises a RangeError for invalid settings, dates or amounts.
 * A client with fewer settled invoices than `minimumSettledInvoices` gets no score, because a
 * few invoices reveal little about payment habits.
 */
export function scoreClientRisk(
  history: ClientHistory,
  asOf: IsoDate,
  settings: RiskSettings = DEFAULT_RISK_SETTINGS,
): RiskScore {
  parseIsoDate(asOf, 'as-of date');
  validateSettings(settings);
  const settledCount = history.settledInvoices.length;
  // NOTE: past-due open invoices do not lift this rule, so a new client that has paid
  // nothing yet is listed as unscored however much it owes.
  if (settledCount < settings.minimumSettledInvoices) {
    return {
      status: 'insufficient-history',
      settledInvoices: settledCount,
      needed: settings.minimumSettledInvoices,
    };
  }
  const { weights } = settings;
  // Days late are computed once per invoice: three components read them, and validating the
  // dates each time was most of the cost of scoring a year of month ends.
  const settled: LateInvoice[] = history.settledInvoices.map((invoice) => ({
    settledDate: invoice.settledDate,
    amountCents: invoice.amountCents,
    daysLate: daysLate(invoice.dueDate, invoice.settledDate),
  }));
  const components: RiskComponent[] = [
    daysLateComponent(settled, weights),
    lateShareComponent(settled, weights),
    trendComponent(settled, asOf, weights),
    overdueComponent(history, asOf, weights),
    countComponent(
      'disputes',
      history.disputesLast12Months,
      weights.disputes,
      ['invoice disputed', 'invoices disputed'],
      'disputes',
    ),
    countComponent(
      'write-offs',
      history.writeOffsLast12Months,
      weights.writeOffs,
      ['write-off', 'write-offs'],
      'write-offs',
    ),
    utilisationComponent(history, weights),
    sizeBandComponent(history.sizeBand, weights),
    industryComponent(history.industry, weights),
  ];
  const sum = components.reduce((total, component) => total + component.points, 0);
  const score = Math.min(100, Math.max(0, sum));
  return { status: 'scored', score, tier: riskTier(score, settings), components };
}

/** Returns the tier of `score`: a score exactly at a threshold belongs to the higher tier. */
export function riskTier(score: number, settings: RiskSettings = DEFAULT_RISK_SETTINGS): RiskTier {
  if (score >= settings.tierThresholds.high) return 'high';
  if (score >= settings.tierThresholds.medium) return 'medium';
  return 'low';
}

/** Returns `units × pointsPerUnit`, capped, rounded to whole points, and never negative. */
export function weightedPoints(units: number, weight: LinearWeight): number {
  if (!(units > 0)) return 0;
  return Math.round(Math.min(weight.cap, units * weight.pointsPerUnit));
}

/** A settled invoice with its days late worked out. */
interface LateInvoice {
  readonly settledDate: IsoDate;
  readonly amountCents: number;
  readonly daysLate: number;
}

function daysLateComponent(settled: readonly LateInvoice[], weights: RiskWeights): RiskComponent {
  const average = weightedDaysLate(settled) ?? 0;
  const points = weightedPoints(average, weights.daysLate);
  return {
    id: 'days-late',
    points,
    explanation:
      `${signed(points)}: invoices settled in the last 12 months were paid on average ` +
      `${days(average)} after the due date (weighted by amount)`,
  };
}

function lateShareComponent(settled: readonly LateInvoice[], weights: RiskWeights): RiskComponent {
  const late = settled.filter((invoice) => invoice.daysLate > weights.lateShareDays).length;
  const share = late / settled.length;
  const points = weightedPoints(share, weights.lateShare);
  return {
    id: 'late-share',
    points,
    explanation:
      `${signed(points)}: ${percent(share)} of invoices (${late} of ${settled.length}) ` +
      `paid over ${weights.lateShareDays} days late in the last 12 months`,
  };
}

function trendComponent(
  settled: readonly LateInvoice[],
  asOf: IsoDate,
  weights: RiskWeights,
): RiskComponent {
  const recentFrom = addMonths(asOf, -trendRecentMonths);
  const recent = settled.filter((invoice) => invoice.settledDate > recentFrom);
  const earlier = settled.filter((invoice) => invoice.settledDate <= recentFrom);
  const recentAverage = weightedDaysLate(recent);
  const earlierAverage = weightedDaysLate(earlier);
  // NOTE: one invoice in a window is enough for a comparison, so a single late payment can
  // move the trend of a client that is invoiced rarely.
  if (recentAverage === null || earlierAverage === null) {
    const missing = recentAverage === null ? 'the last 3 months' : 'the 9 months before them';
    return {
      id: 'trend',
      points: 0,
      explanation: `0: no trend, because no invoice was settled in ${missing}`,
    };
  }
  const change = recentAverage - earlierAverage;
  const points = weightedPoints(change, weights.trend);
  let comparison = 'as late';
  if (change > 0) comparison = `${days(change)} later`;
  if (change < 0) comparison = `${days(-change)} sooner`;
  return {
    id: 'trend',
    points,
    explanation:
      `${signed(points)}: paid ${comparison} in the last 3 months (${days(recentAverage)} ` +
      `late on average) than in the 9 months before (${days(earlierAverage)} late)`,
  };
}

function overdueComponent(
  history: ClientHistory,
  asOf: IsoDate,
  weights: RiskWeights,
): RiskComponent {
  // Over-allocated invoices (negative balances) are credits, not debts: they count in neither
  // the overdue amount nor the total, so they cannot hide what is past due.
  let owed = 0;
  let overdue = 0;
  for (const invoice of history.openInvoices) {
    assertCents(invoice.balanceCents, 'open invoice balance');
    if (invoice.balanceCents <= 0) continue;
    owed += invoice.balanceCents;
    if (daysPastDue(invoice.dueDate, asOf) > 0) overdue += invoice.balanceCents;
  }
  if (owed === 0) {
    return { id: 'overdue', points: 0, explanation: '0: no open invoices with a balance owed' };
  }
  const share = overdue / owed;
  const points = weightedPoints(share, weights.overdueShare);
  return {
    id: 'overdue',
    points,
    explanation: `${signed(points)}: ${percent(share)} of the open invoice balance is past due`,
  };
}

function countComponent(
  id: RiskComponentId,
  count: number,
  weight: LinearWeight,
  [singular, plural]: readonly [string, string],
  noun: string,
): RiskComponent {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`Invalid number of ${noun} ${String(count)}: expected 0 or more.`);
  }
  const points = weightedPoints(count, weight);
  const text = count === 0 ? `no ${noun}` : `${count} ${count === 1 ? singular : plural}`;
  return { id, points, explanation: `${signed(points)}: ${text} in the last 12 months` };
}

function utilisationComponent(history: ClientHistory, weights: RiskWeights): RiskComponent {
  const limit = history.creditLimitCents;
  if (limit === null || limit <= 0) {
    return {
      id: 'credit-utilisation',
      points: 0,
      explanation: '0: no credit limit on record in this currency',
    };
  }
  assertCents(limit, 'credit limit');
  assertCents(history.openBalanceCents, 'open balance');
  const utilisation = history.openBalanceCents / limit;
  const points = weightedPoints(utilisation - weights.utilisationFrom, weights.creditUtilisation);
  return {
    id: 'credit-utilisation',
    points,
    explanation:
      `${signed(points)}: the open balance is ${percent(utilisation)} of the credit limit ` +
      `(points start above ${percent(weights.utilisationFrom)})`,
  };
}

function sizeBandComponent(sizeBand: SizeBand | null, weights: RiskWeights): RiskComponent {
  if (sizeBand === null) {
    return { id: 'size-band', points: 0, explanation: '0: business size not on record' };
  }
  const points = Math.round(weights.sizeBand[sizeBand]);
  return {
    id: 'size-band',
    points,
    explanation: `${signed(points)}: ${sizeBand} business (a modest prior for its size)`,
  };
}

function industryComponent(industry: string | null, weights: RiskWeights): RiskComponent {
  const name = industry?.trim() ?? '';
  if (name === '') {
    return { id: 'industry', points: 0, explanation: '0: industry not on record' };
  }
  const points = Math.round(weights.industry[name.toLowerCase()] ?? 0);
  return {
    id: 'industry',
    points,
    explanation:
      points > 0
        ? `${signed(points)}: industry ${name} (a modest prior for the trade)`
        : `0: no prior set for industry ${name}`,
  };
}

function weightedDaysLate(settled: readonly LateInvoice[]): number | null {
  return averageDaysLate(settled).weighted;
}

function validateSettings(settings: RiskSettings): void {
  const { medium, high } = settings.tierThresholds;
  if (!(Number.isFinite(medium) && Number.isFinite(high) && 0 < medium && medium < high)) {
    throw new RangeError(
      `Invalid risk tier thresholds medium ${String(medium)} and high ${String(high)}: ` +
        'expected 0 < medium < high, for example 35 and 65.',
    );
  }
  const minimum = settings.minimumSettledInvoices;
  if (!Number.isSafeInteger(minimum) || minimum < 1) {
    throw new RangeError(
      `Invalid minimum settled invoices ${String(minimum)}: expected a whole number, 1 or more.`,
    );
  }
  const { weights } = settings;
  const linear: [string, LinearWeight][] = [
    ['days late', weights.daysLate],
    ['late share', weights.lateShare],
    ['trend', weights.trend],
    ['overdue share', weights.overdueShare],
    ['disputes', weights.disputes],
    ['write-offs', weights.writeOffs],
    ['credit utilisation', weights.creditUtilisation],
  ];
  for (const [label, weight] of linear) {
    if (!(weight.pointsPerUnit >= 0 && weight.cap >= 0 && Number.isFinite(weight.cap))) {
      throw new RangeError(
        `Invalid ${label} weight ${String(weight.pointsPerUnit)} with cap ` +
          `${String(weight.cap)}: expected finite numbers, 0 or more.`,
      );
    }
  }
}

function signed(points: number): string {
  return points > 0 ? `+${points}` : '0';
}

function days(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${rounded} ${rounded === 1 ? 'day' : 'days'}`;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
