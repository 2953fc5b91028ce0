import { addDays, type IsoDate } from '../../shared/calendar-date.ts';
import { parseDate, type DateOrder } from '../../shared/import-format/date-format.ts';
import { parseAmount, type NumberFormat } from '../../shared/import-format/number-format.ts';
import { currenciesNamedBy } from '../../shared/import-format/currency-mark.ts';
import { isCurrencyCode, minorUnitDigits } from '../../shared/money.ts';
import type { ColumnMapping } from './column-mapping.ts';
import type { FieldId, RecordKind } from './fields.ts';
import type { ClientRef, ImportedRecord, RowError } from './imported-record.ts';

/** Everything decided once per file that reading a row needs. */
export interface RowParserSettings {
  readonly kind: RecordKind;
  readonly mapping: ColumnMapping;
  readonly numberFormat: NumberFormat;
  readonly dateOrders: Partial<Record<FieldId, DateOrder>>;
  /** Currency of rows without a currency column or with an empty cell. */
  readonly currency: string | null;
  /** Terms that give the due date when a row has none. */
  readonly defaultTermsDays: number;
  /** Date recorded for amounts a file reports paid without a payment date. */
  readonly paidOn: IsoDate;
}

/**
 * Largest amount of one record: ten billion in major units, far above any real invoice.
 * Sums stay exact up to 2^53 minor units, so at least 9,000 records of this size add up
 * safely; a ledger whose totals pass that makes its reports fail with an error naming the
 * total rather than print a wrong figure.
 */
export const MAX_AMOUNT_CENTS = 1_000_000_000_000;

export type RowOutcome =
  | { readonly type: 'record'; readonly record: ImportedRecord }
  | { readonly type: 'skipped'; readonly reason: string }
  | { readonly type: 'rejected'; readonly errors: RowError[] };

/**
 * Turns the cells of one data row into a ledger record, or into the reasons it cannot be one.
 * Every problem of the row is reported, not just the first.
 */
export function parseRow(cells: readonly string[], line: number, settings: RowParserSettings) {
  return new RowReader(cells, line, settings).read();
}

class RowReader {
  private readonly errors: RowError[] = [];
  private rowCurrency: string | null = null;

  constructor(
    private readonly cells: readonly string[],
    private readonly line: number,
    private readonly settings: RowParserSettings,
  ) {}

  read(): RowOutcome {
    const width = this.settings.mapping.header.length;
    const extra = this.cells.slice(width).find((cell) => cell.trim() !== '');
    if (extra !== undefined) {
      this.errors.push({
        line: this.line,
        column: null,
        value: extra,
        reason:
          `the row has ${this.cells.length} cells but the header has ${width} columns; ` +
          'quote cells that contain the delimiter',
      });
      return { type: 'rejected', errors: this.errors };
    }
    const status = this.status();
    if (status === 'void') return { type: 'skipped', reason: 'voided or deleted in the source' };
    const typeKind = this.kindFromType();
    if (typeKind === 'not-imported') return { type: 'rejected', errors: this.errors };

    const currency = this.currency();
    this.rowCurrency = currency;
    const digits = currency ? minorUnitDigits(currency) : 2;
    const signedAmount = this.amount('amount', digits, true);
    const date = this.date('date', true);
    const client = this.client();

    let kind = typeKind ?? this.settings.kind;
    if (kind === 'invoices' && signedAmount !== null && signedAmount < 0) kind = 'credit_notes';
    if (signedAmount === 0) this.reject('amount', 'a zero amount is neither owed nor paid');
    const amountCents = signedAmount === null ? null : Math.abs(signedAmount);
    if (signedAmount !== null && signedAmount < 0 && this.settings.kind !== 'invoices') {
      if (typeKind === null) this.reject('amount', 'negative amount: record a refund instead');
    }

    if (kind === 'invoices')
      return this.invoice(client, date, amountCents, currency, digits, status);
    // In a payments file the "Invoice" column names the invoice paid, not a payment number.
    const invoiceNumber =
      this.text('invoice_number') ?? (kind === 'payments' ? this.text('number') : null);
    if (!client && !invoiceNumber) {
      this.errors.push(this.rowError('no client and no invoice to tell whose this is'));
    }
    if (this.errors.length > 0 || date === null || amountCents === null || currency === null) {
      return { type: 'rejected', errors: this.errors };
    }
    const base = { line: this.line, client, date, amountCents, currency, invoiceNumber };
    if (kind === 'payments') {
      return {
        type: 'record',
        record: {
          ...base,
          kind: 'payment',
          reference: this.text('reference'),
          method: this.text('method'),
        },
      };
    }
    return {
      type: 'record',
      record: {
        ...base,
        kind: 'credit_note',
        number: this.text('number'),
        reason: this.text('memo'),
      },
    };
  }

  private invoice(
    client: ClientRef | null,
    date: IsoDate | null,
    amountCents: number | null,
    currency: string | null,
    digits: number,
    status: 'draft' | 'issued',
  ): RowOutcome {
    const number = this.text('number');
    if (!number) this.reject('number', 'an invoice needs its number');
    if (!client) this.errors.push(this.rowError('missing client: no client id and no name'));
    const termsDays = this.termsDays();
    let dueDate = this.date('due_date', false);
    if (dueDate === null && date !== null && this.cell('due_date') === '') {
      dueDate = addDays(date, termsDays ?? this.settings.defaultTermsDays);
    }
    if (dueDate !== null && date !== null && dueDate < date) {
      this.reject('due_date', `due date ${dueDate} is before the invoice date ${date}`);
    }
    const settledDate = this.date('settled_date', false);
    if (settledDate !== null && date !== null && settledDate < date) {
      this.reject('settled_date', `settled on ${settledDate}, before the invoice date ${date}`);
    }
    const paid = this.paidBeforeImport(amountCents, digits);
    const disputed = this.disputed();
    if (
      this.errors.length > 0 ||
      !number ||
      !client ||
      date === null ||
      dueDate === null ||
      amountCents === null ||
      currency === null ||
      paid === null
    ) {
      return { type: 'rejected', errors: this.errors };
    }
    return {
      type: 'record',
      record: {
        kind: 'invoice',
        line: this.line,
        number,
        client,
        date,
        dueDate,
        amountCents,
        currency,
        status,
        disputed,
        settledDate,
        paidBeforeImportCents: settledDate === null ? paid : 0,
        memo: this.text('memo'),
        termsDays,
      },
    };
  }

  private cell(field: FieldId): string {
    const index = this.settings.mapping.columns[field];
    return index === undefined ? '' : (this.cells[index] ?? '').trim();
  }

  private text(field: FieldId): string | null {
    const value = this.cell(field);
    return value === '' ? null : value;
  }

  private amount(field: FieldId, digits: number, required: boolean): number | null {
    const value = this.cell(field);
    if (value === '') {
      if (required) this.reject(field, 'missing amount');
      return null;
    }
    const parsed = parseAmount(value, this.settings.numberFormat, digits);
    if (!parsed.ok) {
      this.reject(field, parsed.reason);
      return null;
    }
    const named = currenciesNamedBy(value);
    if (named && this.rowCurrency && !named.includes(this.rowCurrency)) {
      this.reject(
        field,
        `the amount is marked ${named.join(' or ')}, the row is in ${this.rowCurrency}`,
      );
      return null;
    }
    if (Math.abs(parsed.cents) > MAX_AMOUNT_CENTS) {
      this.reject(field, `amounts above ${MAX_AMOUNT_CENTS} minor units are not accepted`);
      return null;
    }
    return parsed.cents;
  }

  private date(field: FieldId, required: boolean): IsoDate | null {
    const value = this.cell(field);
    if (value === '') {
      if (required) this.reject(field, 'missing date');
      return null;
    }
    const parsed = parseDate(value, this.settings.dateOrders[field] ?? 'ymd');
    if (!parsed.ok) {
      this.reject(field, parsed.reason);
      return null;
    }
    return parsed.date;
  }

  private currency(): string | null {
    const value = this.cell('currency').toUpperCase();
    if (value !== '') {
      if (isCurrencyCode(value)) return value;
      this.reject('currency', 'not an ISO 4217 currency code such as USD or EUR');
      return null;
    }
    if (this.settings.currency) return this.settings.currency;
    const named = currenciesNamedBy(this.cell('amount'));
    if (named?.length === 1) return named[0] as string;
    this.errors.push(
      this.rowError('no currency: the file has no currency column, so pass --currency CODE'),
    );
    return null;
  }

  private client(): ClientRef | null {
    const code = this.text('client_code');
    const name = this.text('client_name');
    if (!code && !name) return null;
    return {
      code: code ?? foldName(name as string),
      name: name ?? (code as string),
      email: this.text('client_email'),
      country: this.text('country'),
    };
  }

  private termsDays(): number | null {
    const value = this.cell('terms_days');
    if (value === '') return null;
    // "Net 30", "30 days", "30" all state 30 days; "Due on receipt" states 0.
    if (/due\s+on\s+receipt/i.test(value)) return 0;
    // The last number is the net days: "2% 10 Net 30" gives 30.
    const match = /(\d{1,3})\D*$/.exec(value);
    if (match) return Number(match[1]);
    this.reject('terms_days', 'unreadable payment terms: expected e.g. "Net 30" or "30"');
    return null;
  }

  private paidBeforeImport(amountCents: number | null, digits: number): number | null {
    if (amountCents === null) return null;
    const open = this.amount('open_balance', digits, false);
    const paid = this.amount('amount_paid', digits, false);
    let paidCents = 0;
    if (open !== null) paidCents = amountCents - Math.abs(open);
    else if (paid !== null) paidCents = paid;
    if (paidCents < 0 || paidCents > amountCents) {
      this.reject(
        open !== null ? 'open_balance' : 'amount_paid',
        'the part paid must lie between zero and the invoice amount',
      );
      return null;
    }
    return paidCents;
  }

  private disputed(): boolean {
    const value = this.cell('disputed').toLowerCase();
    if (['', 'no', 'n', 'false', '0'].includes(value)) return false;
    if (['yes', 'y', 'true', '1'].includes(value)) return true;
    this.reject('disputed', 'expected Yes or No');
    return false;
  }

  private status(): 'draft' | 'issued' | 'void' {
    const value = this.cell('status').toLowerCase();
    if (/void|delet|cancel/.test(value)) return 'void';
    if (/draft|awaiting approval/.test(value)) return 'draft';
    return 'issued';
  }

  /** Reads a transaction-type column; null when the file has none. */
  private kindFromType(): RecordKind | 'not-imported' | null {
    const value = this.cell('type').toLowerCase();
    if (value === '') return null;
    if (/credit/.test(value)) return 'credit_notes';
    if (/payment/.test(value)) return 'payments';
    if (/invoice|charge|sale|accrec/.test(value)) return 'invoices';
    this.reject('type', 'only invoices, credit notes and payments are imported');
    return 'not-imported';
  }

  private reject(field: FieldId, reason: string): void {
    const index = this.settings.mapping.columns[field];
    this.errors.push({
      line: this.line,
      column: index === undefined ? field : (this.settings.mapping.header[index] ?? field),
      value: this.cell(field),
      reason,
    });
  }

  private rowError(reason: string): RowError {
    return { line: this.line, column: null, value: null, reason };
  }
}

/** Client code for files that name clients but give no id: case and spacing do not count. */
export function foldName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
