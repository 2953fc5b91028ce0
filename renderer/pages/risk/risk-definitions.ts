import type { IpcResponse } from '../../../shared/ipc/contract.ts';

export type RiskRow = IpcResponse<'risk/report'>['clients'][number];
export type RiskTier = NonNullable<RiskRow['tier']>;

/** Definitions of the risk figures, in the words shown to the user. */
export const riskDefinitions = {
  score:
    'Credit risk from 0 to 100: the sum of the points of each factor, from the invoices of ' +
    "the client's main currency over the 12 months up to the as-of date. Capped at 100.",
  tier: 'Low below 35, medium from 35, high from 65.',
  balance:
    'Open invoices − unapplied payments and credits, at the end of the as-of date, in the ' +
    "client's main currency.",
  overdue: 'Open invoice balances past their due date at the end of the as-of date.',
  creditLimit:
    "The client's credit limit, shown only when it is set in the client's main currency.",
  utilisation:
    'Open invoice balance ÷ credit limit. Unapplied payments and credits are left out. ' +
    'Points start above 80%.',
  insufficientHistory:
    'A score needs enough invoices settled in the last 12 months, because a few invoices ' +
    'reveal little about payment habits.',
} as const;

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
