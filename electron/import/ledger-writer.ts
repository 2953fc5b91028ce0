import { createHash } from 'node:crypto';
import { creditNoteKindFromReason } from '../../shared/credit-note-kind.ts';
import { findTermsTemplate } from '../terms/terms-store.ts';
import type { Ledger } from '../ledger/database.ts';
import type {
  ClientRef,
  ImportedCreditNote,
  ImportedInvoice,
  ImportedPayment,
  ImportedRecord,
  RowError,
} from './imported-record.ts';

export interface WriteCounts {
  invoices: number;
  payments: number;
  creditNotes: number;
  clients: number;
  /** Rows whose record the ledger already contains (from an earlier import). */
  alreadyInLedger: number;
  /** Rows that continue an invoice of an earlier row (one row per invoice line). */
  invoiceLines: number;
}

interface ExistingInvoice {
  id: number;
  client_id: number;
  invoice_date: string;
  due_date: string;
  amount_cents: number;
  currency: string;
  import_batch_id: number | null;
  source_line: number | null;
}

/**
 * Writes imported records into the ledger inside the caller's transaction, recognising
 * records that an earlier import already wrote.
 *
 * Payments and credit notes carry a `source_key`: a hash of the row's values plus how many
 * identical rows came before it in the same file. Two identical rows in one file are two
 * records; a later file that repeats them adds only what is new.
 */
export class LedgerWriter {
  readonly counts: WriteCounts = {
    invoices: 0,
    payments: 0,
    creditNotes: 0,
    clients: 0,
    alreadyInLedger: 0,
    invoiceLines: 0,
  };

  private readonly clientIds = new Map<string, number>();
  private readonly occurrences = new Map<string, number>();
  private readonly snapshots = new Map<number, string | null>();
  private readonly statements;
  private readonly now = new Date().toISOString();

  constructor(
    private readonly db: Ledger,
    private readonly batchId: number,
    private readonly options: { readonly invoiceLinesRepeat: boolean; readonly paidOn: string },
  ) {
    this.statements = {
      findClient: db.prepare('SELECT id FROM clients WHERE code = ?').pluck(),
      insertClient: db.prepare(
        `INSERT INTO clients (code, name, email, country, created_at) VALUES (?, ?, ?, ?, ?)`,
      ),
      insertInvoice: db.prepare(
        `INSERT INTO invoices (client_id, number, invoice_date, due_date, amount_cents, currency,
           status, terms, terms_snapshot, memo, import_batch_id, source_line, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (number) DO NOTHING`,
      ),
      findInvoice: db.prepare(
        `SELECT id, client_id, invoice_date, due_date, amount_cents, currency, import_batch_id,
           source_line
         FROM invoices WHERE number = ?`,
      ),
      invoiceBalance: db
        .prepare(
          `SELECT i.amount_cents - COALESCE(SUM(a.amount_cents), 0)
         FROM invoices i LEFT JOIN allocations a ON a.invoice_id = i.id AND a.voided_at IS NULL
         WHERE i.id = ? GROUP BY i.id`,
        )
        .pluck(),
      insertPayment: db.prepare(
        `INSERT INTO payments (client_id, payment_date, amount_cents, currency, method, reference,
           source_key, import_batch_id, source_line, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (source_key) DO NOTHING`,
      ),
      insertCreditNote: db.prepare(
        `INSERT INTO credit_notes (client_id, number, credit_date, amount_cents, currency, reason,
           kind, source_key, import_batch_id, source_line, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (source_key) DO NOTHING`,
      ),
      insertPaymentAllocation: db.prepare(
        `INSERT INTO allocations (invoice_id, payment_id, amount_cents, applied_on, created_at)
         VALUES (?, ?, ?, ?, ?)`,
      ),
      insertCreditAllocation: db.prepare(
        `INSERT INTO allocations (invoice_id, credit_note_id, amount_cents, applied_on, created_at)
         VALUES (?, ?, ?, ?, ?)`,
      ),
      insertDispute: db.prepare(
        `INSERT INTO disputes (invoice_id, opened_on, resolved_on, reason, created_at)
         VALUES (?, ?, ?, ?, ?)`,
      ),
    };
  }

  /** Writes one record; returns the reasons it cannot be written, or an empty list. */
  write(record: ImportedRecord): RowError[] {
    switch (record.kind) {
      case 'invoice':
        return this.writeInvoice(record);
      case 'payment':
        return this.writePayment(record);
      case 'credit_note':
        return this.writeCreditNote(record);
    }
  }

  private writeInvoice(invoice: ImportedInvoice): RowError[] {
    const clientId = this.clientId(invoice.client);
    const terms =
      invoice.termsDays === null ? null : JSON.stringify({ netDays: invoice.termsDays });
    const inserted = this.statements.insertInvoice.run(
      clientId,
      invoice.number,
      invoice.date,
      invoice.dueDate,
      invoice.amountCents,
      invoice.currency,
      invoice.status,
      terms,
      this.termsSnapshot(clientId),
      invoice.memo,
      this.batchId,
      invoice.line,
      this.now,
    );
    if (inserted.changes === 0) return this.invoiceAlreadyThere(invoice, clientId);

    const invoiceId = Number(inserted.lastInsertRowid);
    this.counts.invoices += 1;
    if (invoice.settledDate !== null) {
      this.settle(
        invoice,
        clientId,
        invoiceId,
        invoice.amountCents,
        invoice.settledDate,
        'settled',
      );
    } else if (invoice.paidBeforeImportCents > 0) {
      const paidOn = invoice.date > this.options.paidOn ? invoice.date : this.options.paidOn;
      this.settle(invoice, clientId, invoiceId, invoice.paidBeforeImportCents, paidOn, 'paid');
    }
    if (invoice.disputed) {
      this.statements.insertDispute.run(
        invoiceId,
        invoice.date,
        invoice.settledDate,
        'marked disputed in the imported file',
        this.now,
      );
    }
    return [];
  }

  private settle(
    invoice: ImportedInvoice,
    clientId: number,
    invoiceId: number,
    cents: number,
    date: string,
    what: 'settled' | 'paid',
  ): void {
    const payment = this.statements.insertPayment.run(
      clientId,
      date,
      cents,
      invoice.currency,
      null,
      `${what === 'settled' ? 'Settlement' : 'Paid before import'} of invoice ${invoice.number}`,
      `invoice:${invoice.number}:${what}`,
      this.batchId,
      invoice.line,
      this.now,
    );
    if (payment.changes === 0) return;
    this.counts.payments += 1;
    this.statements.insertPaymentAllocation.run(
      invoiceId,
      payment.lastInsertRowid,
      cents,
      date,
      this.now,
    );
  }

  private invoiceAlreadyThere(invoice: ImportedInvoice, clientId: number): RowError[] {
    const existing = this.statements.findInvoice.get(invoice.number) as ExistingInvoice;
    const same =
      existing.client_id === clientId &&
      existing.invoice_date === invoice.date &&
      existing.due_date === invoice.dueDate &&
      existing.amount_cents === invoice.amountCents &&
      existing.currency === invoice.currency;
    if (existing.import_batch_id === this.batchId) {
      if (same && this.options.invoiceLinesRepeat) {
        this.counts.invoiceLines += 1;
        return [];
      }
      return [
        this.error(
          invoice,
          `invoice number ${invoice.number} appears again: first on line ` +
            `${existing.source_line ?? '?'}; invoice numbers must be unique`,
        ),
      ];
    }
    if (same) {
      this.counts.alreadyInLedger += 1;
      return [];
    }
    return [
      this.error(
        invoice,
        `invoice ${invoice.number} is already in the ledger with other details ` +
          `(${existing.invoice_date}, due ${existing.due_date}, ${existing.amount_cents} ` +
          `${existing.currency} minor units); correct the file or void the ledger's invoice`,
      ),
    ];
  }

  private writePayment(payment: ImportedPayment): RowError[] {
    const target = this.targetInvoice(payment);
    if ('errors' in target) return target.errors;
    const clientId = target.clientId;
    const key = this.sourceKey('payment', [
      String(clientId),
      payment.date,
      String(payment.amountCents),
      payment.currency,
      payment.invoiceNumber ?? '',
      payment.reference ?? '',
      payment.method ?? '',
    ]);
    const inserted = this.statements.insertPayment.run(
      clientId,
      payment.date,
      payment.amountCents,
      payment.currency,
      payment.method,
      payment.reference,
      key,
      this.batchId,
      payment.line,
      this.now,
    );
    if (inserted.changes === 0) {
      this.counts.alreadyInLedger += 1;
      return [];
    }
    this.counts.payments += 1;
    if (target.invoiceId !== null) {
      const open = this.statements.invoiceBalance.get(target.invoiceId) as number;
      const applied = Math.min(open, payment.amountCents);
      if (applied > 0) {
        this.statements.insertPaymentAllocation.run(
          target.invoiceId,
          inserted.lastInsertRowid,
          applied,
          payment.date,
          this.now,
        );
      }
    }
    return [];
  }

  private writeCreditNote(credit: ImportedCreditNote): RowError[] {
    const target = this.targetInvoice(credit);
    if ('errors' in target) return target.errors;
    const clientId = target.clientId;
    const key = credit.number
      ? `credit:${clientId}:${credit.number}`
      : this.sourceKey('credit', [
          String(clientId),
          credit.date,
          String(credit.amountCents),
          credit.currency,
          credit.invoiceNumber ?? '',
          credit.reason ?? '',
        ]);
    const inserted = this.statements.insertCreditNote.run(
      clientId,
      credit.number,
      credit.date,
      credit.amountCents,
      credit.currency,
      credit.reason,
      creditNoteKindFromReason(credit.reason),
      key,
      this.batchId,
      credit.line,
      this.now,
    );
    if (inserted.changes === 0) {
      const earlier = this.db
        .prepare(
          'SELECT import_batch_id AS batchId, source_line AS line FROM credit_notes WHERE source_key = ?',
        )
        .get(key) as { batchId: number | null; line: number | null };
      if (credit.number && earlier.batchId === this.batchId) {
        return [
          this.error(
            credit,
            `credit note number ${credit.number} appears again: first on line ` +
              `${earlier.line ?? '?'}; credit note numbers must be unique per client`,
          ),
        ];
      }
      this.counts.alreadyInLedger += 1;
      return [];
    }
    this.counts.creditNotes += 1;
    if (target.invoiceId !== null) {
      const open = this.statements.invoiceBalance.get(target.invoiceId) as number;
      const applied = Math.min(open, credit.amountCents);
      if (applied > 0) {
        this.statements.insertCreditAllocation.run(
          target.invoiceId,
          inserted.lastInsertRowid,
          applied,
          credit.date,
          this.now,
        );
      }
    }
    return [];
  }

  /** Finds the client and, when the row names one, the invoice a payment or credit is for. */
  private targetInvoice(
    record: ImportedPayment | ImportedCreditNote,
  ): { clientId: number; invoiceId: number | null } | { errors: RowError[] } {
    if (record.invoiceNumber === null) {
      return { clientId: this.clientId(record.client as ClientRef), invoiceId: null };
    }
    const invoice = this.statements.findInvoice.get(record.invoiceNumber) as
      | ExistingInvoice
      | undefined;
    if (!invoice) {
      return {
        errors: [
          this.error(
            record,
            `invoice ${record.invoiceNumber} is not in the ledger: import the invoices first, ` +
              'or leave the invoice number empty to record the amount as unapplied',
          ),
        ],
      };
    }
    if (invoice.currency !== record.currency) {
      return {
        errors: [
          this.error(
            record,
            `invoice ${record.invoiceNumber} is in ${invoice.currency}, this row in ` +
              `${record.currency}`,
          ),
        ],
      };
    }
    if (record.client !== null) {
      const clientId = this.clientId(record.client);
      if (clientId !== invoice.client_id) {
        return {
          errors: [
            this.error(
              record,
              `invoice ${record.invoiceNumber} belongs to another client than ` +
                `"${record.client.name}"`,
            ),
          ],
        };
      }
    }
    return { clientId: invoice.client_id, invoiceId: invoice.id };
  }

  private clientId(client: ClientRef): number {
    const cached = this.clientIds.get(client.code);
    if (cached !== undefined) return cached;
    let id = this.statements.findClient.get(client.code) as number | undefined;
    if (id === undefined) {
      const inserted = this.statements.insertClient.run(
        client.code,
        client.name,
        client.email,
        client.country,
        this.now,
      );
      id = Number(inserted.lastInsertRowid);
      this.counts.clients += 1;
    }
    this.clientIds.set(client.code, id);
    return id;
  }

  /**
   * The JSON of the client's own payment terms, or null. An imported invoice keeps the due date
   * of the system it came from; it takes Duedesk's discount and late-fee rules only when the
   * client was given terms here, so importing history never charges fees nobody agreed to.
   */
  private termsSnapshot(clientId: number): string | null {
    let snapshot = this.snapshots.get(clientId);
    if (snapshot === undefined) {
      const own = this.db
        .prepare('SELECT terms_template_id FROM clients WHERE id = ?')
        .pluck()
        .get(clientId) as string | null;
      snapshot = own === null ? null : JSON.stringify(findTermsTemplate(this.db, own));
      this.snapshots.set(clientId, snapshot);
    }
    return snapshot;
  }

  private sourceKey(kind: string, parts: readonly string[]): string {
    const digest = createHash('sha256').update(parts.join('\u001f')).digest('base64url');
    const occurrence = (this.occurrences.get(digest) ?? 0) + 1;
    this.occurrences.set(digest, occurrence);
    return `${kind}:${digest.slice(0, 22)}:${occurrence}`;
  }

  private error(record: ImportedRecord, reason: string): RowError {
    return { line: record.line, column: null, value: null, reason };
  }
}
