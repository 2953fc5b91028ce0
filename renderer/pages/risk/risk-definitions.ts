import type { IpcResponse } from '../../../shared/ipc/contract.ts';

export type RiskRow = IpcResponse<'risk/segmentation'>['clients'][number];
export type RiskTier = NonNullable<RiskRow['tier']>;
export type TierThresholds = IpcResponse<'risk/segmentation'>['tierThresholds'];
export type TierMixPoint = IpcResponse<'risk/segmentation'>['tierMix'][number];

/** One date of the tier mix, counted for one currency. */
export interface TierMixRow {
  readonly date: string;
  readonly counts: TierMixPoint['counts'];
}

/** Definitions of the risk figures, in the words shown to the user. */
export const riskDefinitions = {
  score:
    'Credit risk from 0 to 100: the sum of the points of each factor, from the invoices of ' +
    "the client's main currency over the 12 months up to the as-of date. Capped at 100.",
  balance:
    "Open invoice balance at the end of the as-of date, in the client's main currency. " +
    'Unapplied payments and credits are left out.',
  overdue: 'Open invoice balances past their due date at the end of the as-of date.',
  creditLimit:
    "The client's credit limit, shown only when it is set in the client's main currency.",
  utilisation:
    'Open invoice balance ÷ credit limit. Unapplied payments and credits are left out. ' +
    'Points start above 80%.',
  change:
    'The tier at the end of the previous calendar quarter, and whether it has risen since. ' +
    'A client scored for the first time has not risen.',
  tierMix:
    'Clients whose main currency is this one, per tier at each month end, the as-of date ' +
    'last. Unscored clients were invoiced but have too little history.',
  insufficientHistory:
    'A score needs enough invoices settled in the last 12 months, because a few invoices ' +
    'reveal little about payment habits.',
} as const;

/** Describes the tier bounds in words, from the ledger's risk settings. */
export function tierDefinition({ medium, high }: TierThresholds): string {
  return `Low below ${medium}, medium from ${medium}, high from ${high}.`;
}

/** Tiers in the order the risk page lists them: the clients to watch first. */
export const tierOrder: readonly RiskTier[] = ['high', 'medium', 'low'];

export const tierLabels: Readonly<Record<RiskTier, string>> = {
  high: 'High risk',
  medium: 'Medium risk',
  low: 'Low risk',
};

/** Names of the score's factors, keyed by component id. */
export const componentLabels: Readonly<Record<string, string>> = {
  'days-late': 'Days late',
  'late-share': 'Late share',
  trend: 'Trend',
  overdue: 'Overdue',
  disputes: 'Disputes',
  'write-offs': 'Write-offs',
  'credit-utilisation': 'Credit use',
  'size-band': 'Business size',
  industry: 'Industry',
};

/**
 * The explanation without its leading points ("+12: "), for tables that show the points in
 * a column of their own, starting with a capital because the sentence is then on its own.
 */
export function explanationText(explanation: string): string {
  const text = explanation.replace(/^(?:\+\d+|0): /, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
