import type { ImportPreset } from './preset.ts';

/**
 * Any CSV with one record per row. Common header spellings are recognised; other columns are
 * mapped with `--map "Header=field"`.
 */
export const genericPreset: ImportPreset = {
  id: 'generic',
  label: 'Generic CSV',
  kind: null,
  columns: {
    number: ['number', 'no', 'num', 'invoice', 'invoiceno', 'invoicenumber', 'invoice#',
      'document', 'documentno', 'documentnumber', 'creditnote', 'creditnotenumber'],
    date: ['date', 'invoicedate', 'transactiondate', 'documentdate', 'issuedate', 'paymentdate',
      'creditdate', 'datum', 'fecha'],
    due_date: ['duedate', 'due', 'paymentduedate'],
    terms_days: ['terms', 'termsdays', 'paymentterms'],
    client_code: ['clientid', 'clientcode', 'customerid', 'customercode', 'customerno',
      'accountnumber', 'account'],
    client_name: ['client', 'clientname', 'customer', 'customername', 'name', 'company',
      'contact', 'contactname', 'kunde'],
    client_email: ['email', 'emailaddress', 'clientemail', 'customeremail'],
    amount: ['amount', 'total', 'invoiceamount', 'value', 'gross', 'grossamount', 'betrag'],
    amount_paid: ['amountpaid', 'paid', 'paidamount'],
    open_balance: ['openbalance', 'balance', 'amountdue', 'balancedue', 'outstanding'],
    currency: ['currency', 'currencycode', 'ccy', 'curr'],
    invoice_number: ['appliestoinvoice', 'appliedto', 'forinvoice'],
    settled_date: ['settleddate', 'paiddate', 'datepaid', 'paidon'],
    status: ['status'],
    disputed: ['disputed', 'dispute'],
    type: ['type', 'transactiontype', 'documenttype'],
    reference: ['reference', 'ref', 'paymentreference'],
    method: ['method', 'paymentmethod'],
    memo: ['memo', 'description', 'memodescription', 'note', 'notes'],
  },
  notes: 'One record per row; choose the record kind with --kind and map columns with --map.',
};
