import type { ImportPreset } from './preset.ts';

/**
 * Xero's sales invoice export (Business › Invoices › Export): one row per invoice LINE, with
 * the invoice's own fields (`InvoiceNumber`, `Total`, `InvoiceAmountPaid`, …) repeated on each
 * line, so rows after the first of an invoice are read as its lines, not as new invoices.
 * `Type` tells sales invoices from credit notes; draft invoices are kept as drafts and voided
 * or deleted ones are skipped. `InvoiceAmountPaid` is recorded as a payment dated `--paid-on`.
 */
export const xeroPreset: ImportPreset = {
  id: 'xero',
  label: 'Xero sales invoices export',
  kind: 'invoices',
  columns: {
    client_name: ['contactname', '*contactname'],
    client_email: ['emailaddress'],
    country: ['pocountry'],
    number: ['invoicenumber', '*invoicenumber'],
    reference: ['reference'],
    date: ['invoicedate', '*invoicedate'],
    due_date: ['duedate', '*duedate'],
    amount: ['total'],
    amount_paid: ['invoiceamountpaid'],
    open_balance: ['invoiceamountdue'],
    currency: ['currency'],
    type: ['type'],
    status: ['status'],
  },
  defaultDateOrder: 'dmy',
  requiredFields: ['client_name', 'number', 'date', 'due_date', 'amount'],
  notes:
    'Xero sales invoice export; repeated invoice lines are merged, voided and deleted ' +
    'invoices skipped, InvoiceAmountPaid recorded as a payment dated --paid-on.',
};
