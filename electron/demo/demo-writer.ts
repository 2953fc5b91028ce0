import type Database from 'better-sqlite3';
import { fromDayNumber, type IsoDate } from '../../shared/calendar-date.ts';
import type { DemoPlan } from './demo-plan.ts';
import { demoTermsFor } from './demo-terms.ts';

export interface DemoRowCounts {
  clients: number;
  invoices: number;
  payments: number;
  creditNotes: number;
  allocations: number;
  disputes: number;
}

/**
 * Inserts a planned demo ledger inside the caller's transaction and returns the rows written.
 *
 * Each row's `created_at` is noon UTC on the row's own business date, such as the client's
 * first day, the invoice date or the payment date, rather than the time of the run. So the same
 * plan always writes the same bytes, and the history reads as if it was entered day by day.
 */
export function writeDemoPlan(db: Database.Database, plan: DemoPlan): DemoRowCounts {
  const writer = new DemoWriter(db);
  writer.writeClients(plan.clients);
  writer.writeInvoices(plan.invoices);
  writer.writeCreditNotes(plan.creditNotes);
  writer.writePayments(plan.payments);
  writer.writeDisputes(plan.disputes);
  return writer.counts;
}

class DemoWriter {
  readonly counts: DemoRowCounts = {
    clients: 0,
    invoices: 0,
    payments: 0,
    creditNotes: 0,
    allocations: 0,
    disputes: 0,
  };

  private readonly statements;
  /** Row ids by client index and by invoice sequence. */
  private readonly clientIds: number[] = [];
  private readonly invoiceIds: number[] = [];
  private readonly isoDates = new Map<number, IsoDate>();
  private readonly snapshots = new Map<number, string>();

  constructor(db: Database.Database) {
    this.statements = prepareStatements(db);
  }

  writeClients(clients: DemoPlan['clients']): void {
    for (const client of clients) {
      const inserted = this.statements.client.run(
        client.code,
        client.name,
        client.industry.name,
        client.sizeBand,
        client.country.code,
        client.email,
        client.accountManager,
        client.creditLimitCents,
        client.country.currency,
        client.termsDays,
        demoTermsFor(client).id,
        this.createdAt(client.joinedDay),
      );
      this.clientIds[client.index] = Number(inserted.lastInsertRowid);
      this.counts.clients += 1;
    }
  }

  writeInvoices(invoices: DemoPlan['invoices']): void {
    for (const invoice of invoices) {
      const inserted = this.statements.invoice.run(
        this.clientId(invoice.client.index),
        invoice.number,
        this.isoDate(invoice.invoiceDay),
        this.isoDate(invoice.dueDay),
        invoice.amountCents,
        invoice.client.country.currency,
        invoice.status,
        // The same terms format that imports write.
        JSON.stringify({ netDays: invoice.client.termsDays }),
        this.termsSnapshot(invoice.client),
        invoice.memo,
        this.createdAt(invoice.invoiceDay),
      );
      this.invoiceIds[invoice.sequence] = Number(inserted.lastInsertRowid);
      this.counts.invoices += 1;
    }
  }

  writeCreditNotes(creditNotes: DemoPlan['creditNotes']): void {
    for (const [position, credit] of creditNotes.entries()) {
      const inserted = this.statements.creditNote.run(
        this.clientId(credit.client.index),
        `CN-${String(position + 1).padStart(6, '0')}`,
        this.isoDate(credit.creditDay),
        credit.amountCents,
        credit.client.country.currency,
        credit.reason,
        this.createdAt(credit.creditDay),
      );
      this.counts.creditNotes += 1;
      if (credit.allocatedTo === null) continue;
      this.statements.creditAllocation.run(
        this.invoiceId(credit.allocatedTo.sequence),
        inserted.lastInsertRowid,
        credit.amountCents,
        this.isoDate(credit.creditDay),
        this.createdAt(credit.creditDay),
      );
      this.counts.allocations += 1;
    }
  }

  writePayments(payments: DemoPlan['payments']): void {
    for (const payment of payments) {
      const inserted = this.statements.payment.run(
        this.clientId(payment.client.index),
        this.isoDate(payment.paymentDay),
        payment.amountCents,
        payment.client.country.currency,
        payment.method,
        payment.reference,
        this.createdAt(payment.paymentDay),
      );
      this.counts.payments += 1;
      for (const allocation of payment.allocations) {
        this.statements.paymentAllocation.run(
          this.invoiceId(allocation.invoice.sequence),
          inserted.lastInsertRowid,
          allocation.amountCents,
          this.isoDate(payment.paymentDay),
          this.createdAt(payment.paymentDay),
        );
        this.counts.allocations += 1;
      }
    }
  }

  writeDisputes(disputes: DemoPlan['disputes']): void {
    for (const dispute of disputes) {
      this.statements.dispute.run(
        this.invoiceId(dispute.invoice.sequence),
        this.isoDate(dispute.openedDay),
        dispute.resolvedDay === null ? null : this.isoDate(dispute.resolvedDay),
        dispute.reason,
        this.createdAt(dispute.openedDay),
      );
      this.counts.disputes += 1;
    }
  }

  private clientId(index: number): number {
    return this.clientIds[index] as number;
  }

  private invoiceId(sequence: number): number {
    return this.invoiceIds[sequence] as number;
  }

  /** Converts a day number to an ISO date, caching because most rows share a few hundred days. */
  private isoDate(day: number): IsoDate {
    let date = this.isoDates.get(day);
    if (date === undefined) {
      date = fromDayNumber(day);
      this.isoDates.set(day, date);
    }
    return date;
  }

  /** The client's terms as JSON, serialised once per client rather than once per invoice. */
  private termsSnapshot(client: DemoPlan['clients'][number]): string {
    let snapshot = this.snapshots.get(client.index);
    if (snapshot === undefined) {
      snapshot = JSON.stringify(demoTermsFor(client));
      this.snapshots.set(client.index, snapshot);
    }
    return snapshot;
  }

  private createdAt(day: number): string {
    return `${this.isoDate(day)}T12:00:00.000Z`;
  }
}

function prepareStatements(db: Database.Database) {
  return {
    client: db.prepare(
      `INSERT INTO clients (code, name, industry, size_band, country, email, account_manager,
         credit_limit_cents, credit_limit_currency, payment_terms_days, terms_template_id,
         created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    invoice: db.prepare(
      `INSERT INTO invoices (client_id, number, invoice_date, due_date, amount_cents, currency,
         status, terms, terms_snapshot, memo, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    creditNote: db.prepare(
      `INSERT INTO credit_notes (client_id, number, credit_date, amount_cents, currency, reason,
         created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    payment: db.prepare(
      `INSERT INTO payments (client_id, payment_date, amount_cents, currency, method, reference,
         created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    creditAllocation: db.prepare(
      `INSERT INTO allocations (invoice_id, credit_note_id, amount_cents, applied_on, created_at)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    paymentAllocation: db.prepare(
      `INSERT INTO allocations (invoice_id, payment_id, amount_cents, applied_on, created_at)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    dispute: db.prepare(
      `INSERT INTO disputes (invoice_id, opened_on, resolved_on, reason, created_at)
       VALUES (?, ?, ?, ?, ?)`,
    ),
  };
}
