import type { ImportPreset } from './preset.ts';

/**
 * QuickBooks A/R reports exported to CSV: "A/R Aging Detail", "Open Invoices" and
 * "Invoice List" from QuickBooks Online (headers such as `Transaction type`, `Num`,
 * `Customer full name`, `Open balance`) and QuickBooks Desktop (`Type`, `Name`, `Aging`).
 * These reports put the company name, the report title and an "As of" line above the header,
 * group rows under headings ("31 - 60 days past due") with "Total for …" rows, and end with a
 * TOTAL row and a time stamp; those lines are skipped. `Credit Memo` rows become credit notes
 * and `Payment` rows unapplied payments. When `Open balance` is below `Amount`, the difference
 * is recorded as a payment dated `--paid-on` (the report does not say when it was paid).
 */
export const quickbooksPreset: ImportPreset = {
  id: 'quickbooks',
  label: 'QuickBooks A/R aging detail or invoice list',
  kind: 'invoices',
  columns: {
    date: ['date', 'transactiondate'],
    type: ['transactiontype', 'type'],
    number: ['num', 'no', 'number'],
    client_name: ['customerfullname', 'customer', 'name', 'customername'],
    client_email: ['customeremail', 'email'],
    due_date: ['duedate'],
    amount: ['amount', 'total'],
    open_balance: ['openbalance', 'balance'],
    terms_days: ['terms'],
    memo: ['memodescription', 'memo', 'description'],
    currency: ['currency'],
  },
  defaultDateOrder: 'mdy',
  requiredFields: ['date', 'number', 'client_name'],
  notes:
    'QuickBooks A/R Aging Detail, Open Invoices or Invoice List export; headings, subtotals ' +
    'and the TOTAL line are skipped; Credit Memo rows become credit notes.',
};
