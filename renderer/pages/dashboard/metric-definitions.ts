/** Definitions of the dashboard figures, in the words shown to the user. */
export const metricDefinitions = {
  totalReceivables:
    'Open invoice balances at the end of the as-of date, less payments and credit notes ' +
    'not yet applied to an invoice.',
  overdueShare:
    'Past-due open invoice balance ÷ open invoice balance, at the end of the as-of date. ' +
    'Unapplied payments and credits are left out of both.',
  dso:
    'Days sales outstanding: receivables at the end of the as-of date ÷ credit sales of the ' +
    'last 90 days × 90.',
  cei:
    'Collection effectiveness index: (receivables at the start + credit sales − receivables ' +
    'at the end) ÷ (receivables at the start + credit sales − current receivables at the ' +
    'end) × 100, over the last 90 days. 100% means everything collectable was collected.',
  averageDaysLate:
    'Mean of max(0, settled date − due date) over the invoices settled in the last 90 days.',
} as const;
