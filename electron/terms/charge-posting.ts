import { parseIsoDate, type IsoDate } from '../../shared/calendar-date.ts';
import { parseTermsSnapshot } from '../../shared/terms/payment-terms.ts';
import {
  discountEarned,
  discountWithdrawn,
  lateFeesDue,
  type DisputePeriod,
  type TermsInvoice,
} from '../../shared/terms/term-charges.ts';
import type { Reduction } from '../../shared/invoice-balance.ts';
import { recordAudit } from '../ledger/audit-log.ts';
import type { Statement } from 'better-sqlite3';
import type { Ledger } from '../ledger/database.ts';

/**
 * One change that the terms of a sale invoice call for: a discount or fee the ledger lacks, or
 * the withdrawal of a discount credited earlier whose payment was since reversed.
 */
export interface TermCharge {
  readonly kind: 'early-payment-discount' | 'late-fee' | 'discount-withdrawal';
  readonly invoiceId: number;
  readonly invoiceNumber: string;
  readonly clientId: number;
  readonly clientCode: string;
  readonly currency: string;
  /** The day the record is dated: the earning payment's day, or the fee's charge date. */
  readonly date: IsoDate;
  readonly amountCents: number;
  /** Fee period (0 one-off, 1… months of interest); null for a discount. */
  readonly period: number | null;
  /**
   * The number of the record: `INV-7-LF2` for a fee, `INV-7-DISC` for a discount, and for a
   * withdrawal the number of the discount's credit note.
   */
  readonly recordNumber: string;
  /** The credit note a withdrawal voids; null otherwise. */
  readonly creditNoteId: number | null;
  readonly explanation: string;
}

interface PostedReduction extends Reduction {
  readonly invoiceId: number;
  /** The credit note of an early-payment discount; null for payments and other credits. */
  readonly discountNoteId: number | null;
  readonly discountNumber: string | null;
}

interface SaleRow {
  id: number;
  clientId: number;
  clientCode: string;
  number: string;
  currency: string;
  invoiceDate: IsoDate;
  dueDate: IsoDate;
  amountCents: number;
  termsSnapshot: string;
}

/**
 * Lists the discounts and late fees due by the end of `asOf` that are not yet in the ledger,
 * by invoice and date. Only sale invoices issued with a terms snapshot are charged; those
 * imported without one keep the terms of the system they came from.
 *
 * Allocations dated after `asOf` are ignored, so the result is what the terms called for as the
 * ledger stood on that day. Discounts come first for each invoice, because a discount earned
 * before the due date settles the invoice and leaves no balance to charge.
 */
export function termChargesDue(db: Ledger, asOf: IsoDate): TermCharge[] {
  parseIsoDate(asOf, 'as-of date');
  const sales = db
    .prepare(
      `SELECT i.id, i.client_id AS clientId, c.code AS clientCode, i.number, i.currency,
              i.invoice_date AS invoiceDate, i.due_date AS dueDate, i.amount_cents AS amountCents,
              i.terms_snapshot AS termsSnapshot
       FROM invoices i JOIN clients c ON c.id = i.client_id
       WHERE i.kind = 'sale' AND i.status = 'issued' AND i.voided_at IS NULL
         AND i.terms_snapshot IS NOT NULL AND i.invoice_date <= @asOf
       ORDER BY i.id`,
    )
    .all({ asOf }) as SaleRow[];
  if (sales.length === 0) return [];

  const reductions = groupRows(
    db
      .prepare(
        `SELECT a.invoice_id AS invoiceId, a.applied_on AS date, a.amount_cents AS cents,
                CASE WHEN c.kind = 'early-payment-discount' THEN c.id END AS discountNoteId,
                c.number AS discountNumber
         FROM allocations a JOIN invoices i ON i.id = a.invoice_id
         LEFT JOIN credit_notes c ON c.id = a.credit_note_id AND c.voided_at IS NULL
         WHERE a.voided_at IS NULL AND a.applied_on <= @asOf AND i.terms_snapshot IS NOT NULL`,
      )
      .all({ asOf }) as PostedReduction[],
  );
  const disputes = groupRows(
    db
      .prepare(
        `SELECT d.invoice_id AS invoiceId, d.opened_on AS openedOn,
                CASE WHEN d.resolved_on <= @asOf THEN d.resolved_on END AS resolvedOn
         FROM disputes d JOIN invoices i ON i.id = d.invoice_id
         WHERE d.opened_on <= @asOf AND i.terms_snapshot IS NOT NULL`,
      )
      .all({ asOf }) as (DisputePeriod & { invoiceId: number })[],
  );
  const postedFees = new Set(
    db
      .prepare(
        `SELECT fee_for_invoice_id || ' ' || fee_period FROM invoices
         WHERE kind = 'late-fee' AND voided_at IS NULL AND fee_stage_id IS NULL`,
      )
      .pluck()
      .all() as string[],
  );

  const charges: TermCharge[] = [];
  for (const sale of sales) {
    const invoice: TermsInvoice = {
      number: sale.number,
      currency: sale.currency,
      invoiceDate: sale.invoiceDate,
      dueDate: sale.dueDate,
      amountCents: sale.amountCents,
      terms: parseTermsSnapshot(sale.termsSnapshot, sale.number) ?? unreachable(),
      reductions: [],
      disputes: disputes.get(sale.id) ?? [],
    };
    const all = reductions.get(sale.id) ?? [];
    const credited = all.find((reduction) => reduction.discountNoteId !== null);
    const paid = all.filter((reduction) => reduction.discountNoteId === null);
    const base = {
      invoiceId: sale.id,
      invoiceNumber: sale.number,
      clientId: sale.clientId,
      clientCode: sale.clientCode,
      currency: sale.currency,
    };
    let feeReductions: readonly Reduction[] = all;
    if (credited !== undefined) {
      const withdrawn = discountWithdrawn({ ...invoice, reductions: paid }, asOf);
      if (withdrawn !== null) {
        charges.push({
          ...base,
          kind: 'discount-withdrawal',
          date: credited.date,
          amountCents: credited.cents,
          period: null,
          recordNumber: credited.discountNumber ?? `${sale.number}-DISC`,
          creditNoteId: credited.discountNoteId,
          explanation: withdrawn,
        });
        feeReductions = paid;
      }
    } else {
      const discount = discountEarned({ ...invoice, reductions: paid }, asOf);
      if (discount !== null) {
        charges.push({
          ...base,
          kind: 'early-payment-discount',
          date: discount.appliedOn,
          amountCents: discount.amountCents,
          period: null,
          recordNumber: `${sale.number}-DISC`,
          creditNoteId: null,
          explanation: discount.explanation,
        });
        feeReductions = [...paid, { date: discount.appliedOn, cents: discount.amountCents }];
      }
    }
    for (const fee of lateFeesDue({ ...invoice, reductions: feeReductions }, asOf)) {
      if (postedFees.has(`${sale.id} ${fee.period}`)) continue;
      charges.push({
        ...base,
        kind: 'late-fee',
        date: fee.chargedOn,
        amountCents: fee.amountCents,
        period: fee.period,
        recordNumber: `${sale.number}-LF${fee.period}`,
        creditNoteId: null,
        explanation: fee.explanation,
      });
    }
  }
  return charges;
}

/**
 * Posts `termChargesDue` in one transaction: each fee as a late-fee invoice due on the day it
 * is charged, each discount as a credit note allocated to its invoice, and each withdrawal by
 * voiding the discount's credit note and allocation. Running it twice posts nothing the second
 * time. Returns what was posted.
 */
export function postTermCharges(db: Ledger, asOf: IsoDate): TermCharge[] {
  const now = new Date().toISOString();
  const statements = {
    insertFee: db.prepare(
      `INSERT INTO invoices (client_id, number, invoice_date, due_date, amount_cents, currency,
         status, kind, fee_for_invoice_id, fee_period, memo, created_at)
       VALUES (@clientId, @recordNumber, @date, @date, @amountCents, @currency,
         'issued', 'late-fee', @invoiceId, @period, @explanation, @now)`,
    ),
    insertDiscount: db.prepare(
      `INSERT INTO credit_notes (client_id, number, credit_date, amount_cents, currency, reason,
         kind, source_key, created_at)
       VALUES (@clientId, @number, @date, @amountCents, @currency, @explanation,
         'early-payment-discount', @sourceKey, @now)`,
    ),
    allocate: db.prepare(
      `INSERT INTO allocations (invoice_id, credit_note_id, amount_cents, applied_on, created_at)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    invoiceNumberTaken: db.prepare('SELECT 1 FROM invoices WHERE number = ?').pluck(),
    earlierDiscounts: db
      .prepare('SELECT COUNT(*) FROM credit_notes WHERE source_key = ? OR source_key LIKE ?')
      .pluck(),
    voidNote: db.prepare(
      'UPDATE credit_notes SET voided_at = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL',
    ),
    voidNoteAllocations: db.prepare(
      `UPDATE allocations SET voided_at = ?, void_reason = ?
       WHERE credit_note_id = ? AND voided_at IS NULL`,
    ),
  };
  return db
    .transaction(() => {
      const charges = termChargesDue(db, asOf);
      for (const charge of charges) postCharge(statements, charge, now);
      if (charges.length > 0) {
        recordAudit(db, {
          action: 'post-term-charges',
          entity: 'invoices',
          details: {
            asOf,
            lateFees: count(charges, 'late-fee'),
            discounts: count(charges, 'early-payment-discount'),
            discountsWithdrawn: count(charges, 'discount-withdrawal'),
          },
        });
      }
      return charges;
    })
    .immediate();
}

type PostingStatements = Record<
  | 'insertFee'
  | 'insertDiscount'
  | 'allocate'
  | 'invoiceNumberTaken'
  | 'earlierDiscounts'
  | 'voidNote'
  | 'voidNoteAllocations',
  Statement
>;

function postCharge(statements: PostingStatements, charge: TermCharge, now: string): void {
  if (charge.kind === 'late-fee') {
    if (statements.invoiceNumberTaken.get(charge.recordNumber) !== undefined) {
      throw new Error(
        `Cannot post the late fee ${charge.recordNumber}: an invoice already has that ` +
          'number. Renumber that invoice, then post the charges again.',
      );
    }
    statements.insertFee.run({ ...charge, now });
    return;
  }
  if (charge.kind === 'discount-withdrawal') {
    statements.voidNote.run(now, charge.explanation, charge.creditNoteId);
    statements.voidNoteAllocations.run(now, charge.explanation, charge.creditNoteId);
    return;
  }
  // A withdrawn discount keeps its key and number on the voided note, so a discount earned
  // again after a new payment gets the next ones.
  const key = `discount:${charge.invoiceId}`;
  const earlier = statements.earlierDiscounts.get(key, `${key}-%`) as number;
  const suffix = earlier === 0 ? '' : `-${earlier + 1}`;
  const note = statements.insertDiscount.run({
    ...charge,
    number: `${charge.recordNumber}${suffix}`,
    sourceKey: `${key}${suffix}`,
    now,
  });
  statements.allocate.run(
    charge.invoiceId,
    note.lastInsertRowid,
    charge.amountCents,
    charge.date,
    now,
  );
}

function count(charges: readonly TermCharge[], kind: TermCharge['kind']): number {
  return charges.filter((charge) => charge.kind === kind).length;
}

function groupRows<T extends { invoiceId: number }>(rows: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const list = groups.get(row.invoiceId) ?? [];
    list.push(row);
    groups.set(row.invoiceId, list);
  }
  return groups;
}

function unreachable(): never {
  throw new Error('A terms snapshot selected as not null read back as null.');
}
