import type { ImportPreset } from './preset.ts';

/**
 * IBM's "Accounts Receivable" sample data set (Watson Analytics, "predict late payments"):
 * one invoice per row, each settled in full on `SettledDate`. The file has no currency and
 * no client names: pass `--currency`, and clients are named by their `customerID`.
 * `DaysToSettle`, `DaysLate` and the paperless columns are derived or unrelated, so they are
 * not imported; `Disputed = Yes` records a dispute from the invoice date to the settlement.
 */
export const ibmArPreset: ImportPreset = {
  id: 'ibm-ar',
  label: 'IBM accounts receivable sample',
  kind: 'invoices',
  columns: {
    country: ['countrycode'],
    client_code: ['customerid'],
    number: ['invoicenumber'],
    date: ['invoicedate'],
    due_date: ['duedate'],
    amount: ['invoiceamount'],
    disputed: ['disputed'],
    settled_date: ['settleddate'],
  },
  defaultDateOrder: 'mdy',
  requiredFields: ['client_code', 'number', 'date', 'due_date', 'amount', 'settled_date'],
  notes: 'One invoice per row, paid in full on SettledDate; give the currency with --currency.',
};
