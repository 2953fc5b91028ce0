import type Database from 'better-sqlite3';
import { dateParts, parseIsoDate, type IsoDate } from '../../shared/calendar-date.ts';
import { recordAudit } from '../ledger/audit-log.ts';
import { planClients } from './demo-clients.ts';
import { planDemo, type DemoPlanOptions } from './demo-plan.ts';
import { writeDemoPlan } from './demo-writer.ts';
import { demoTermsTemplates } from './demo-terms.ts';
import { saveTermsTemplate } from '../terms/terms-store.ts';
import type { PaymentProfile } from './payment-behaviour.ts';
import { SeasonalCalendar } from './seasonal-calendar.ts';

export interface DemoOptions {
  clients: number;
  invoices: number;
  /** Any safe integer. The same seed and options always write the same rows. */
  seed: number;
  /** Last day of the history: nothing is dated after it except due dates of recent invoices. */
  endDate: IsoDate;
  /** Length of the history in months, ending on `endDate`. Defaults to 24. */
  months?: number;
}

export interface DemoSummary {
  clients: number;
  invoices: number;
  payments: number;
  creditNotes: number;
  allocations: number;
  disputes: number;
  /** The clients' currencies, sorted. */
  currencies: string[];
}

const defaultMonths = 24;
const maxMonths = 1_200;

/**
 * Fills an empty ledger with a realistic, synthetic receivables history in one transaction,
 * and records one audit entry for it. Raises when the ledger already contains clients,
 * invoices, payments or credit notes, because demo rows mixed with real ones could not be
 * distinguished.
 *
 * The same options write the same rows, ids and `created_at` values included. Only the audit
 * entry's time is the wall clock. This holds for one JavaScript engine, because amounts come from
 * Math.exp, Math.log and Math.cos, whose rounding the ECMAScript standard leaves to engines.
 */
export function createDemoLedger(db: Database.Database, options: DemoOptions): DemoSummary {
  const settings = validateOptions(options);
  const create = db.transaction((): DemoSummary => {
    rejectNonEmptyLedger(db);
    for (const terms of demoTermsTemplates) saveTermsTemplate(db, terms);
    const plan = planDemo(settings);
    const counts = writeDemoPlan(db, plan);
    const currencies = [...new Set(plan.clients.map((client) => client.country.currency))].sort();
    const summary: DemoSummary = { ...counts, currencies };
    recordAudit(db, {
      action: 'demo',
      entity: 'ledger',
      details: { ...settings, ...summary },
    });
    return summary;
  });
  return create.immediate();
}

/**
 * Returns each demo client's payment profile by client code, which the ledger never stores,
 * recomputed from the options that created the demo.
 */
export function demoClientProfiles(options: DemoOptions): Map<string, PaymentProfile> {
  const settings = validateOptions(options);
  const calendar = new SeasonalCalendar(settings.endDate, settings.months);
  const clients = planClients(settings.seed, settings.clients, calendar);
  return new Map(clients.map((client) => [client.code, client.profile]));
}

function validateOptions(options: DemoOptions): DemoPlanOptions {
  const { clients, invoices, seed } = options;
  const months = options.months ?? defaultMonths;
  if (!Number.isSafeInteger(clients) || clients < 1) {
    throw new RangeError(`Invalid demo client count ${String(clients)}: expected 1 or more.`);
  }
  if (!Number.isSafeInteger(invoices) || invoices < 0) {
    throw new RangeError(`Invalid demo invoice count ${String(invoices)}: expected 0 or more.`);
  }
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`Invalid demo seed ${String(seed)}: expected a whole number.`);
  }
  const endDate = parseIsoDate(options.endDate, 'demo end date');
  if (!Number.isSafeInteger(months) || months < 1 || months > maxMonths) {
    throw new RangeError(
      `Invalid demo history length ${String(months)} months: expected 1 to ${maxMonths}.`,
    );
  }
  const { year, month } = dateParts(endDate);
  if (year * 12 + month - 1 - months < 12) {
    throw new RangeError(
      `Invalid demo history: ${months} months before ${endDate} starts before the year 1.`,
    );
  }
  return { clients, invoices, seed, endDate, months };
}

function rejectNonEmptyLedger(db: Database.Database): void {
  const existing = db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM clients) AS clients,
              (SELECT COUNT(*) FROM invoices) AS invoices,
              (SELECT COUNT(*) FROM payments) AS payments,
              (SELECT COUNT(*) FROM credit_notes) AS "credit notes"`,
    )
    .get() as Record<string, number>;
  const nonEmpty = Object.entries(existing).filter(([, count]) => count > 0);
  if (nonEmpty.length === 0) return;
  const list = nonEmpty.map(([rows, count]) => `${count} ${rows}`).join(', ');
  throw new Error(
    `Cannot create demo data: the ledger already contains ${list}. ` +
      'Create the demo in a new ledger file.',
  );
}
