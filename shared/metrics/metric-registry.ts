/**
 * The one list of the metrics that Duedesk computes, with their names and definitions.
 *
 * The CLI prints names and definitions from here, and the window and reports should too, so
 * that a definition is written once. Each definition states what the code in `computedBy`
 * computes, including when the metric is null. Edit the entry when that code changes.
 */

export type MetricUnit = 'days' | 'percent' | 'money' | 'ratio' | 'count' | 'score' | 'minutes';

/** The group a metric is computed for: one client, a risk tier, or all clients of a currency. */
export type MetricScope = 'client' | 'tier' | 'portfolio';

export interface MetricDefinition {
  /** Stable key, equal to the field name for the metrics in `duedesk metrics --json`. */
  readonly id: string;
  readonly name: string;
  /** One or two plain sentences with the formula. */
  readonly definition: string;
  /** 'ratio' is a share or fraction where 1 is the whole. 'percent' is already × 100. */
  readonly unit: MetricUnit;
  readonly scopes: readonly MetricScope[];
  /** The module path from the repository root and the function that computes the metric. */
  readonly computedBy: string;
}

const collectionReport = 'electron/reports/collection-metrics-report.ts collectionMetrics';
const managementMetrics = 'shared/metrics/management-metrics.ts';
const collectionActivity = 'shared/metrics/collection-activity-metrics.ts';

export const metricRegistry: readonly MetricDefinition[] = [
  {
    id: 'creditSales',
    name: 'Credit sales',
    definition:
      'Sum of the amounts of the issued, unvoided sale invoices dated in the period, both ' +
      'days included. Late fees are owed but are not sales, so they are left out.',
    unit: 'money',
    scopes: ['portfolio'],
    computedBy: 'electron/ledger/receivables.ts creditSales',
  },
  {
    id: 'beginningReceivables',
    name: 'Beginning receivables',
    definition:
      'Receivables at the end of the day before the period: open invoice balances less ' +
      'unapplied payments and credits (the aging total).',
    unit: 'money',
    scopes: ['portfolio'],
    computedBy: collectionReport,
  },
  {
    id: 'endingReceivables',
    name: 'Ending receivables',
    definition:
      'Receivables at the end of the last day of the period: open invoice balances less ' +
      'unapplied payments and credits (the aging total).',
    unit: 'money',
    scopes: ['portfolio'],
    computedBy: collectionReport,
  },
  {
    id: 'endingCurrentReceivables',
    name: 'Ending current receivables',
    definition:
      'The part of the ending receivables that is not yet due: the current bucket of the ' +
      'aging by due date at the end of the period.',
    unit: 'money',
    scopes: ['portfolio'],
    computedBy: collectionReport,
  },
  {
    id: 'dso',
    name: 'DSO (days sales outstanding)',
    definition:
      'DSO = ending receivables ÷ credit sales in the period × days in the period. It is ' +
      'null when credit sales are zero.',
    unit: 'days',
    scopes: ['portfolio'],
    computedBy: 'shared/collection-metrics.ts dso',
  },
  {
    id: 'countbackDso',
    name: 'Count-back DSO',
    definition:
      'The days of the most recent credit sales that the ending receivables amount to: ' +
      'walking back month by month from the period end, each month whose sales fit in what ' +
      'is left adds all its days, and the month where the rest runs out adds rest ÷ its ' +
      'sales × its days. It is null when the currency has no credit sales up to the period end.',
    unit: 'days',
    scopes: ['portfolio'],
    computedBy: 'shared/collection-metrics.ts countbackDso',
  },
  {
    id: 'bestPossibleDso',
    name: 'Best possible DSO',
    definition:
      'The DSO if every invoice were paid on its due date: ending current receivables ÷ ' +
      'credit sales × days in the period. It is null when credit sales are zero.',
    unit: 'days',
    scopes: ['portfolio'],
    computedBy: 'shared/collection-metrics.ts bestPossibleDso',
  },
  {
    id: 'averageDaysDelinquent',
    name: 'Average days delinquent',
    definition:
      'Average days delinquent = DSO − best possible DSO. It is null when either is null.',
    unit: 'days',
    scopes: ['portfolio'],
    computedBy: 'shared/collection-metrics.ts averageDaysDelinquent',
  },
  {
    id: 'cei',
    name: 'CEI (collection effectiveness index)',
    definition:
      'CEI = (beginning receivables + credit sales − ending receivables) ÷ (beginning ' +
      'receivables + credit sales − ending current receivables) × 100. It is null when the ' +
      'denominator is zero.',
    unit: 'percent',
    scopes: ['portfolio'],
    computedBy: 'shared/collection-metrics.ts cei',
  },
  {
    id: 'settledInvoices',
    name: 'Invoices settled',
    definition:
      'Number of issued, unvoided sale invoices (late fees left out) whose payment and credit ' +
      'allocations applied by the end of the period add up to their amount and whose settled ' +
      'date, the day of their last allocation or their invoice date when paid in advance, ' +
      'falls in the period.',
    unit: 'count',
    scopes: ['portfolio'],
    computedBy: 'electron/ledger/receivables.ts settledInvoices',
  },
  {
    id: 'averageDaysLate',
    name: 'Average days late',
    definition:
      'Mean over the invoices settled in the period of days from the due date to the ' +
      'settled date, counting early payment as 0. It is null when no invoice was settled.',
    unit: 'days',
    scopes: ['portfolio'],
    computedBy: 'shared/collection-metrics.ts averageDaysLate',
  },
  {
    id: 'weightedAverageDaysLate',
    name: 'Amount-weighted average days late',
    definition:
      'Sum of days late × invoice amount ÷ sum of invoice amounts, over the invoices ' +
      'settled in the period, counting early payment as 0. It is null when the amounts sum ' +
      'to zero.',
    unit: 'days',
    scopes: ['portfolio', 'client'],
    computedBy: 'shared/collection-metrics.ts averageDaysLate',
  },
  {
    id: 'riskScore',
    name: 'Risk score',
    definition:
      'Sum of whole points from capped components over the last 12 months (days late, share ' +
      'paid over 15 days late, lateness trend, overdue share, disputes, write-offs, credit ' +
      'limit utilisation above 80%, size band and industry), clamped to 0 to 100. With the default ' +
      'settings, scores from 35 are medium and from 65 high, and clients with under 3 ' +
      'settled invoices get no score.',
    unit: 'score',
    scopes: ['client'],
    computedBy: 'shared/risk/risk-score.ts scoreClientRisk',
  },
  {
    id: 'customerRiskScore',
    name: 'Customer risk score',
    definition:
      'For a client, its risk score as of the period end, in its main currency. For a tier ' +
      'or the portfolio of a currency, the plain mean of the scores of its scored clients ' +
      'whose main currency that is. It is null when no client of the group is scored.',
    unit: 'score',
    scopes: ['client', 'tier', 'portfolio'],
    computedBy: `${managementMetrics} meanRiskScore`,
  },
  {
    id: 'creditLimitUtilisation',
    name: 'Credit limit utilisation',
    definition:
      'Open invoice balance (sale invoices and late fees) at the end of the period ÷ credit ' +
      'limit × 100. For a tier or the portfolio: Σ balances in the currency of the clients ' +
      'with a positive limit in it ÷ Σ their limits × 100. Null without such a client.',
    unit: 'percent',
    scopes: ['client', 'tier', 'portfolio'],
    computedBy: `${managementMetrics} creditLimitUtilisation`,
  },
  {
    id: 'creditUtilisationRatio',
    name: 'Credit utilisation ratio',
    definition:
      'The mean utilisation over the month ends of the period, the last being its end date: ' +
      'Σ open invoice balances at those month ends ÷ (Σ credit limits × months) × 100, over ' +
      'the clients with a positive limit in the currency. Null without such a client.',
    unit: 'percent',
    scopes: ['client', 'tier', 'portfolio'],
    computedBy: `${managementMetrics} creditUtilisationRatio`,
  },
  {
    id: 'paymentTermCompliance',
    name: 'Payment term compliance',
    definition:
      'Sale invoices settled in the period on or before their due date plus the grace days ' +
      'of their terms snapshot (0 without one) ÷ sale invoices settled in the period × 100. ' +
      'Null when none was settled.',
    unit: 'percent',
    scopes: ['client', 'tier', 'portfolio'],
    computedBy: `${managementMetrics} paymentTermCompliance`,
  },
  {
    id: 'latePaymentFrequency',
    name: 'Late payment frequency',
    definition:
      'Sale invoices settled in the period after their due date, grace days ignored, ÷ sale ' +
      'invoices settled in the period × 100, counted, not weighted. Null when none was settled.',
    unit: 'percent',
    scopes: ['client', 'tier', 'portfolio'],
    computedBy: `${managementMetrics} latePaymentFrequency`,
  },
  {
    id: 'earlyPaymentDiscountUsage',
    name: 'Early payment discount usage',
    definition:
      'Of the sale invoices settled in the period whose terms snapshot offered a discount, ' +
      'those with an early-payment-discount credit note allocated by the period end ÷ all ' +
      'of them × 100. Null when no settled invoice was offered a discount.',
    unit: 'percent',
    scopes: ['client', 'tier', 'portfolio'],
    computedBy: `${managementMetrics} earlyPaymentDiscountUsage`,
  },
  {
    id: 'discountsTakenCents',
    name: 'Discounts taken',
    definition:
      'Sum of the early-payment-discount credit allocated by the period end to the settled ' +
      'invoices counted in early payment discount usage. Null when no settled invoice was ' +
      'offered a discount.',
    unit: 'money',
    scopes: ['client', 'tier', 'portfolio'],
    computedBy: `${managementMetrics} earlyPaymentDiscountUsage`,
  },
  {
    id: 'latePaymentPenaltyEffectiveness',
    name: 'Late payment penalty effectiveness',
    definition:
      'Of the sale invoices whose first late fee was charged in the period, those whose own ' +
      "balance was zero or less at the end of the fee's date + 30 days, or of the period end " +
      'when that comes first, ÷ all of them × 100. Null when no first fee was charged in the ' +
      'period.',
    unit: 'percent',
    scopes: ['client', 'tier', 'portfolio'],
    computedBy: `${managementMetrics} latePaymentPenaltyEffectiveness`,
  },
  {
    id: 'lateFeesChargedCents',
    name: 'Late fees charged',
    definition:
      'Sum of the amounts of the issued, unvoided late-fee invoices dated in the period. ' +
      'Null when no late fee was charged in the period.',
    unit: 'money',
    scopes: ['client', 'tier', 'portfolio'],
    computedBy: `${managementMetrics} lateFeeTotals`,
  },
  {
    id: 'lateFeesCollectedCents',
    name: 'Late fees collected',
    definition:
      'Sum of the payments applied by the period end to the late fees charged in the period; ' +
      'a fee waived by a credit note or written off is not collected. Null when no late fee ' +
      'was charged in the period.',
    unit: 'money',
    scopes: ['client', 'tier', 'portfolio'],
    computedBy: `${managementMetrics} lateFeeTotals`,
  },
  {
    id: 'averagePaymentTime',
    name: 'Average payment time',
    definition:
      'Days from the invoice date to the settled date of the sale invoices settled in the ' +
      'period, weighted by invoice amount: Σ days × amount ÷ Σ amounts. Null when none was ' +
      'settled.',
    unit: 'days',
    scopes: ['client', 'tier', 'portfolio'],
    computedBy: `${managementMetrics} averagePaymentTime`,
  },
  {
    id: 'averagePaymentDays',
    name: 'Average payment time by month',
    definition:
      'Days from the invoice date to the settled date of the invoices settled in the month, ' +
      'weighted by invoice amount. It is null when the settled amounts sum to zero.',
    unit: 'days',
    scopes: ['client', 'portfolio'],
    computedBy: 'shared/trends/payment-trends.ts monthlyTrends',
  },
  {
    id: 'daysAgainstTerms',
    name: 'Days against terms',
    definition:
      'Payment time less the terms (due date − invoice date), which is days from the due ' +
      'date to the settled date, signed so early payment is negative, weighted by invoice ' +
      'amount over the invoices settled in the month. It is null when nothing was settled.',
    unit: 'days',
    scopes: ['client', 'portfolio'],
    computedBy: 'shared/trends/payment-trends.ts monthlyTrends',
  },
  {
    id: 'lateShare',
    name: 'Late payment frequency by month',
    definition:
      'Invoices settled in the month after their due date ÷ invoices settled in the month, ' +
      'counted, not weighted. It is null when nothing was settled.',
    unit: 'ratio',
    scopes: ['client', 'portfolio'],
    computedBy: 'shared/trends/payment-trends.ts monthlyTrends',
  },
  {
    id: 'creditUtilisation',
    name: 'Credit utilisation at month end',
    definition:
      'The open invoice balance at the end of the month ÷ the credit limit, so 1 means the ' +
      'balance equals the limit. It is null without a positive credit limit.',
    unit: 'ratio',
    scopes: ['client'],
    computedBy: 'shared/trends/payment-trends.ts monthlyTrends',
  },
  {
    id: 'overdueShare',
    name: 'Overdue share',
    definition:
      'Dashboard share of the open invoice balance that is past the current aging bucket at ' +
      'the as-of date: past-current buckets ÷ all buckets. It is null when nothing is open.',
    unit: 'ratio',
    scopes: ['portfolio'],
    computedBy: 'electron/handlers/report-handlers.ts reportHandlers',
  },
  {
    id: 'collectionSuccessRate',
    name: 'Collection success rate',
    definition:
      'Of the issued, unvoided sale invoices covered by at least one reminder sent in the ' +
      'period, those with a balance of zero or less at the end of the period ÷ all of them × ' +
      "100, in the invoices' currency. A reminder's sending day is the day its delivery was " +
      'logged on the timeline, or the date of its sent time when none was logged. Null when ' +
      'no invoice was reminded in the period.',
    unit: 'percent',
    scopes: ['client', 'tier', 'portfolio'],
    computedBy: `${collectionActivity} collectionSuccessRate`,
  },
  {
    id: 'timeToFirstContact',
    name: 'Time to first contact',
    definition:
      'Mean days from the due date of a sale invoice due in the period to the first outbound ' +
      'interaction with its client (call, e-mail, letter or meeting, sent reminders included) ' +
      'dated on or after the due date and by the period end, over the invoices so contacted. ' +
      'Null when none was.',
    unit: 'days',
    scopes: ['client', 'tier', 'portfolio'],
    computedBy: `${collectionActivity} timeToFirstContact`,
  },
  {
    id: 'communicationResponseRate',
    name: 'Communication response rate',
    definition:
      'Reminders sent in the period that the client replied to by the period end (the ' +
      'reminder is marked answered, or an inbound interaction replies to it) ÷ reminders sent ' +
      "in the period × 100, counted in the currencies of the reminder's invoices. Null when " +
      'none was sent.',
    unit: 'percent',
    scopes: ['client', 'tier', 'portfolio'],
    computedBy: `${collectionActivity} communicationResponseRate`,
  },
  {
    id: 'automatedReminderSuccessRate',
    name: 'Automated reminder success rate',
    definition:
      'Automatic e-mail reminders sent in the period (logged as automated sends) whose ' +
      'invoices in the currency all had a balance of zero or less at the end of the sending ' +
      'day + N days, N = 14, or of the period end when that comes first, ÷ such reminders × ' +
      '100. Null when none was sent.',
    unit: 'percent',
    scopes: ['client', 'tier', 'portfolio'],
    computedBy: `${collectionActivity} automatedReminderSuccessRate`,
  },
  {
    id: 'manualCollectionMinutes',
    name: 'Time spent on collections, manual',
    definition:
      'Sum of the minutes recorded on the manual interactions dated in the period; one ' +
      "without minutes counts 0. Interactions count in the client's main currency only. " +
      'Null when the group has no interaction in the period.',
    unit: 'minutes',
    scopes: ['client', 'tier', 'portfolio'],
    computedBy: `${collectionActivity} timeSpentOnCollections`,
  },
  {
    id: 'automatedCollectionMinutes',
    name: 'Time spent on collections, automated',
    definition:
      'Sum of the minutes of the automated interactions dated in the period. An automated ' +
      'e-mail, such as a sent reminder, counts 0 minutes because nobody spent time on it. ' +
      'The notes the promise follow-up writes are not counted. Null when the group has no ' +
      'interaction in the period.',
    unit: 'minutes',
    scopes: ['client', 'tier', 'portfolio'],
    computedBy: `${collectionActivity} timeSpentOnCollections`,
  },
  {
    id: 'manualInteractions',
    name: 'Manual interactions',
    definition:
      'Number of interactions dated in the period that a person logged: calls, e-mails, ' +
      'letters, meetings and notes. Null when the group has no interaction in the period.',
    unit: 'count',
    scopes: ['client', 'tier', 'portfolio'],
    computedBy: `${collectionActivity} timeSpentOnCollections`,
  },
  {
    id: 'automatedInteractions',
    name: 'Automated interactions',
    definition:
      'Number of automated interactions dated in the period, such as sent reminder e-mails, ' +
      'leaving out the notes of the promise follow-up. Null when the group has no ' +
      'interaction in the period.',
    unit: 'count',
    scopes: ['client', 'tier', 'portfolio'],
    computedBy: `${collectionActivity} timeSpentOnCollections`,
  },
  {
    id: 'dsoBeforeReminders',
    name: 'DSO before reminders',
    definition:
      'DSO of the 3 whole calendar months before the month of the first reminder sent in ' +
      'the ledger by the period end: receivables at the end of the last of them ÷ credit ' +
      'sales in them × their days. Null, with DSO after reminders, when either is null: no ' +
      'reminder sent, invoices starting after the first month, the 3 months after not over ' +
      'by the period end, or no credit sales.',
    unit: 'days',
    scopes: ['portfolio'],
    computedBy: `${collectionActivity} dsoAroundReminders`,
  },
  {
    id: 'dsoAfterReminders',
    name: 'DSO after reminders',
    definition:
      'DSO of the 3 whole calendar months after the month of the first reminder sent in the ' +
      'ledger, that month itself left out: receivables at the end of the last ÷ credit sales ' +
      'in them × their days. Null, with DSO before reminders, when either is null.',
    unit: 'days',
    scopes: ['portfolio'],
    computedBy: `${collectionActivity} dsoAroundReminders`,
  },
];

/** Returns the registry entry with `id`, or undefined when there is none. */
export function findMetric(id: string): MetricDefinition | undefined {
  return metricRegistry.find((metric) => metric.id === id);
}
