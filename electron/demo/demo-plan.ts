import type { IsoDate } from '../../shared/calendar-date.ts';
import type { CreditNotePlan, DisputePlan } from './demo-adjustments.ts';
import { planClients, type ClientPlan } from './demo-clients.ts';
import { planInvoices, type InvoicePlan } from './demo-invoices.ts';
import type { PaymentPlan } from './demo-payments.ts';
import { planClientSettlements } from './demo-settlements.ts';
import { SeasonalCalendar } from './seasonal-calendar.ts';

export interface DemoPlanOptions {
  readonly clients: number;
  readonly invoices: number;
  readonly seed: number;
  readonly endDate: IsoDate;
  readonly months: number;
}

/** Every row of a demo ledger, each kind in the order it is written. */
export interface DemoPlan {
  readonly clients: readonly ClientPlan[];
  /** In invoice-number order, which is date order. */
  readonly invoices: readonly InvoicePlan[];
  /** In date order, which is also the order of their `CN-` numbers. */
  readonly creditNotes: readonly CreditNotePlan[];
  readonly payments: readonly PaymentPlan[];
  readonly disputes: readonly DisputePlan[];
}

/** Plans a whole demo ledger in memory. The same options always give the same plan. */
export function planDemo(options: DemoPlanOptions): DemoPlan {
  const calendar = new SeasonalCalendar(options.endDate, options.months);
  const clients = planClients(options.seed, options.clients, calendar);
  const invoices = planInvoices(options.seed, clients, options.invoices, calendar);

  const invoicesByClient = clients.map((): InvoicePlan[] => []);
  for (const invoice of invoices) invoicesByClient[invoice.client.index]?.push(invoice);

  const creditNotes: CreditNotePlan[] = [];
  const payments: PaymentPlan[] = [];
  const disputes: DisputePlan[] = [];
  for (const client of clients) {
    const clientInvoices = invoicesByClient[client.index] ?? [];
    const settled = planClientSettlements(options.seed, client, clientInvoices, calendar);
    // Loops rather than push(...rows), because one client can have more rows than a function
    // call accepts as arguments.
    for (const creditNote of settled.creditNotes) creditNotes.push(creditNote);
    for (const payment of settled.payments) payments.push(payment);
    for (const dispute of settled.disputes) disputes.push(dispute);
  }

  // Array.prototype.sort is stable, so rows of one day stay in client order.
  creditNotes.sort((a, b) => a.creditDay - b.creditDay);
  payments.sort((a, b) => a.paymentDay - b.paymentDay);
  disputes.sort((a, b) => a.openedDay - b.openedDay);
  return { clients, invoices, creditNotes, payments, disputes };
}
