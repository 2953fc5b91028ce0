/**
 * Six invoices of five clients, as a CSV to import, for the report handler and page tests.
 * At the end of 2026-03-31, by days past the due date with the default buckets (current,
 * 1–30, 31–60, 61–90, over 90):
 * - ACME: A-1 1,000.00 due 03-31 is current, A-2 250.50 due 02-15 is 44 days late (31–60).
 * - BETA: B-1 400.00 due 03-20 is 11 days late (1–30).
 * - CEDAR: C-1 99.99 due 2025-12-01 is 120 days late (over 90).
 * - ECHO: E-1 €500.00 due 04-04 is current.
 * - DELTA: D-1 is dated 04-10, after the as-of date, so it owes nothing yet.
 * USD total 1,000.00 + 250.50 + 400.00 + 99.99 = 1,750.49; EUR total 500.00.
 */
export const reportInvoicesCsv = [
  'Client code,Customer,Invoice,Date,Due date,Amount,Currency',
  'ACME,Acme Tools,A-1,2026-03-01,2026-03-31,1000.00,USD',
  'ACME,Acme Tools,A-2,2026-01-16,2026-02-15,250.50,USD',
  'BETA,Beta & Co,B-1,2026-02-18,2026-03-20,400.00,USD',
  'CEDAR,Cedar Ltd,C-1,2025-11-01,2025-12-01,99.99,USD',
  'DELTA,Delta GmbH,D-1,2026-04-10,2026-05-10,75.00,EUR',
  'ECHO,Echo SARL,E-1,2026-03-05,2026-04-04,500.00,EUR',
].join('\n');

/** The day the figures above are taken at. */
export const reportInvoicesAsOf = '2026-03-31';
