import { parseIsoDate, type IsoDate } from '../../shared/calendar-date.ts';
import type {
  DunningConfig,
  DunningStage,
  LadderName,
} from '../../shared/dunning/dunning-ladder.ts';
import { planReminders, type DunningInvoice } from '../../shared/dunning/dunning-plan.ts';
import { renderReminder, type ReminderMessage } from '../../shared/dunning/reminder-message.ts';
import { isSingleAddress } from '../../shared/mail/smtp-settings.ts';
import { basisPointsOf, formatMoney } from '../../shared/money.ts';
import { openInvoicesAt, unappliedAt } from '../ledger/receivables.ts';
import { recordAudit } from '../ledger/audit-log.ts';
import type { Ledger } from '../ledger/database.ts';
import { readRiskSettings } from '../ledger/risk-settings-store.ts';
import { riskReport } from '../risk/risk-report.ts';
import { clientTerms } from '../terms/terms-store.ts';
import { companyIdentity } from './company-identity.ts';
import { readDunningConfig } from './dunning-store.ts';
import { followUpPromises, type FollowUpResult } from './promises-to-pay.ts';
import { reminderLines } from './reminder-lines.ts';

export interface QueuedReminder {
  readonly reminderId: number;
  readonly clientId: number;
  readonly clientCode: string;
  readonly stageId: string;
  readonly stageName: string;
  readonly channel: DunningStage['channel'];
  /** `queued` to go out by itself, `review` to wait for a person in the outbox. */
  readonly status: 'queued' | 'review';
  readonly statusReason: string | null;
  readonly invoiceCount: number;
  readonly totals: Readonly<Record<string, number>>;
  /** Stage fees posted with this reminder, one per invoice. */
  readonly feesCents: readonly number[];
}

export interface ReminderPassResult {
  readonly asOf: IsoDate;
  readonly queued: QueuedReminder[];
  /** Invoice stages passed over for a higher stage, counted per invoice and stage. */
  readonly superseded: number;
  /** Promises to pay found kept or broken by this pass. */
  readonly promises: FollowUpResult;
}

interface OpenSale {
  invoiceId: number;
  clientId: number;
  number: string;
  dueDate: IsoDate;
  amountCents: number;
  currency: string;
  balanceCents: number;
  held: number;
}

/**
 * Runs one reminder pass as of the end of `asOf`, in one transaction: for every client, queues
 * the reminders its ladder calls for, posts their stage fees and records superseded stages.
 * Running it again on the same day, or any later day, queues nothing twice, because each
 * invoice reaches each stage once. A client's ladder is the one of its risk tier on `asOf`.
 * Nothing is sent here: see `deliverReminders`.
 */
export function runReminderPass(
  db: Ledger,
  asOf: IsoDate,
  now: Date = new Date(),
): ReminderPassResult {
  parseIsoDate(asOf, 'as-of date');
  return db
    .transaction(() => {
      // A broken promise is news before any reminder is planned: it is logged on the timeline.
      const promises = followUpPromises(db, asOf, now);
      const config = readDunningConfig(db);
      const ladders = ladderOfClients(db, asOf);
      const company = companyIdentity(db);
      const sales = openSales(db, asOf);
      const reached = reachedStages(db);
      const clients = clientDetails(db);
      const byClient = new Map<number, OpenSale[]>();
      for (const sale of sales) {
        const list = byClient.get(sale.clientId) ?? [];
        list.push(sale);
        byClient.set(sale.clientId, list);
      }
      const stamp = now.toISOString();
      const queued: QueuedReminder[] = [];
      let superseded = 0;
      for (const [clientId, invoices] of byClient) {
        const ladder = ladders.get(clientId) ?? 'unscored';
        const stages = config.ladders[ladder];
        const plan = planReminders(stages, invoices.map(asDunningInvoice), reached, asOf);
        const client = clients.get(clientId);
        if (client === undefined) continue;
        for (const skipped of plan.superseded) {
          const reminderId = insertReminder(db, {
            clientId,
            stage: skipped.stage,
            ladder,
            status: 'superseded',
            statusReason: 'passed over: a later stage, or the due date, came first',
            asOf,
            recipient: null,
            message: null,
            stamp,
          });
          linkInvoices(db, reminderId, skipped.stage.id, skipped.invoiceIds, invoices);
          superseded += skipped.invoiceIds.length;
        }
        for (const due of plan.reminders) {
          const feesCents = postStageFees(db, due.stage, due.invoiceIds, invoices, asOf, stamp);
          const lines = reminderLines(db, due.invoiceIds, asOf);
          const terms = clientTerms(db, clientId);
          const message = renderReminder(templateOf(config, due.stage), {
            clientName: client.name,
            companyName: company.name,
            companyContact: company.contact,
            stageName: due.stage.name,
            paymentMethods: terms.paymentMethods,
            lines,
          });
          const onAccount = unappliedOnAccount(db, clientId, asOf, Object.keys(message.totals));
          const { status, reason } =
            onAccount === null
              ? startingStatus(due.stage, client.email)
              : {
                  status: 'review' as const,
                  reason: `unapplied on the client's account: ${onAccount}; apply it first`,
                };
          const reminderId = insertReminder(db, {
            clientId,
            stage: due.stage,
            ladder,
            status,
            statusReason: reason,
            asOf,
            recipient: client.email,
            message,
            stamp,
          });
          linkInvoices(db, reminderId, due.stage.id, due.invoiceIds, invoices);
          queued.push({
            reminderId,
            clientId,
            clientCode: client.code,
            stageId: due.stage.id,
            stageName: due.stage.name,
            channel: due.stage.channel,
            status,
            statusReason: reason,
            invoiceCount: due.invoiceIds.length,
            totals: message.totals,
            feesCents,
          });
        }
      }
      if (queued.length > 0 || superseded > 0) {
        recordAudit(db, {
          action: 'reminder-pass',
          entity: 'reminders',
          details: { asOf, queued: queued.length, superseded },
        });
      }
      return { asOf, queued, superseded, promises };
    })
    .immediate();
}

/**
 * Returns the money the client has paid or been credited on account, not yet applied to an
 * invoice, in any of `currencies` at the end of `asOf`, as text; null when there is none. A
 * reminder then requests more than the client owes, so it waits for a person to apply it.
 */
function unappliedOnAccount(
  db: Ledger,
  clientId: number,
  asOf: IsoDate,
  currencies: readonly string[],
): string | null {
  const open = new Map<string, number>();
  for (const invoice of openInvoicesAt(db, asOf, { clientId })) {
    open.set(invoice.currency, (open.get(invoice.currency) ?? 0) + invoice.balanceCents);
  }
  // Unapplied cash and unapplied credits of one currency are one sum on the account.
  const byCurrency = new Map<string, number>();
  for (const row of unappliedAt(db, asOf, new Map([[clientId, open]]), { clientId })) {
    if (!currencies.includes(row.currency)) continue;
    byCurrency.set(row.currency, (byCurrency.get(row.currency) ?? 0) + row.cents);
  }
  const amounts = [...byCurrency]
    .filter(([, cents]) => cents > 0)
    .map(([currency, cents]) => formatMoney(cents, currency));
  return amounts.length === 0 ? null : amounts.join(' and ');
}

/** Maps each client to its ladder: its risk tier on `asOf`, or `unscored`. */
function ladderOfClients(db: Ledger, asOf: IsoDate): Map<number, LadderName> {
  const report = riskReport(db, asOf, readRiskSettings(db));
  return new Map(
    report.clients.map((client) => [
      client.clientId,
      client.risk.status === 'scored' ? client.risk.tier : 'unscored',
    ]),
  );
}

/**
 * Reads the issued sale invoices dated by `asOf` with a balance then, and whether a dispute,
 * payment plan or agency placement keeps each out of reminders on that day.
 */
function openSales(db: Ledger, asOf: IsoDate): OpenSale[] {
  return db
    .prepare(
      `SELECT * FROM (
         SELECT i.id AS invoiceId, i.client_id AS clientId, i.number, i.due_date AS dueDate,
                i.amount_cents AS amountCents, i.currency,
                i.amount_cents - COALESCE((
                  SELECT SUM(a.amount_cents) FROM allocations a
                  WHERE a.invoice_id = i.id AND a.voided_at IS NULL AND a.applied_on <= @asOf
                ), 0) AS balanceCents,
                EXISTS (
                  SELECT 1 FROM disputes d WHERE d.invoice_id = i.id AND d.opened_on <= @asOf
                    AND (d.resolved_on IS NULL OR d.resolved_on > @asOf)
                ) OR EXISTS (
                  SELECT 1 FROM collection_holds h WHERE h.invoice_id = i.id
                    AND h.from_date <= @asOf AND (h.to_date IS NULL OR h.to_date >= @asOf)
                ) AS held
         FROM invoices i
         WHERE i.kind = 'sale' AND i.status = 'issued' AND i.voided_at IS NULL
           AND i.invoice_date <= @asOf
       ) open_sales WHERE balanceCents > 0
       ORDER BY clientId, dueDate, invoiceId`,
    )
    .all({ asOf }) as OpenSale[];
}

function asDunningInvoice(sale: OpenSale): DunningInvoice {
  return {
    invoiceId: sale.invoiceId,
    dueDate: sale.dueDate,
    balanceCents: sale.balanceCents,
    remindable: true,
    held: sale.held === 1,
  };
}

function reachedStages(db: Ledger): Set<string> {
  return new Set(
    db
      .prepare(`SELECT invoice_id || ' ' || stage_id FROM reminder_invoices`)
      .pluck()
      .all() as string[],
  );
}

function clientDetails(db: Ledger) {
  const rows = db.prepare('SELECT id, code, name, email FROM clients').all() as {
    id: number;
    code: string;
    name: string;
    email: string | null;
  }[];
  return new Map(rows.map((row) => [row.id, row]));
}

function templateOf(config: DunningConfig, stage: DunningStage) {
  const template = config.templates.find((candidate) => candidate.id === stage.templateId);
  // The config schema checks every stage's template, so this only guards a damaged store.
  if (template === undefined) throw new Error(`No reminder template "${stage.templateId}".`);
  return template;
}

/**
 * E-mail stages marked automatic go out by themselves, unless the client has no address.
 * Letters and calls wait in the outbox: a person prints, posts or phones.
 */
function startingStatus(
  stage: DunningStage,
  email: string | null,
): { status: 'queued' | 'review'; reason: string | null } {
  if (stage.channel === 'email' && (email === null || email.trim() === '')) {
    return { status: 'review', reason: 'no e-mail address on record for the client' };
  }
  if (stage.channel === 'email' && !isSingleAddress(email)) {
    return { status: 'review', reason: 'the client’s e-mail is not one plain address: correct it' };
  }
  if (stage.channel !== 'email') return { status: 'review', reason: `a ${stage.channel} to make` };
  if (!stage.automatic) return { status: 'review', reason: 'this stage waits for review' };
  return { status: 'queued', reason: null };
}

/** Posts the stage's fee on each invoice once, as a late-fee invoice due on `asOf`. */
function postStageFees(
  db: Ledger,
  stage: DunningStage,
  invoiceIds: readonly number[],
  invoices: readonly OpenSale[],
  asOf: IsoDate,
  stamp: string,
): number[] {
  const fee = stage.fee;
  if (fee === null) return [];
  const insert = db.prepare(
    `INSERT INTO invoices (client_id, number, invoice_date, due_date, amount_cents, currency,
       status, kind, fee_for_invoice_id, fee_period, fee_stage_id, memo, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'issued', 'late-fee', ?, 0, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  const posted: number[] = [];
  for (const invoiceId of invoiceIds) {
    const sale = invoices.find((candidate) => candidate.invoiceId === invoiceId);
    if (sale === undefined) continue;
    const amount =
      fee.kind === 'flat' ? fee.amountCents : basisPointsOf(sale.amountCents, fee.basisPoints);
    if (amount <= 0) continue;
    const result = insert.run(
      sale.clientId,
      `${sale.number}-${stage.id.toUpperCase()}`,
      asOf,
      asOf,
      amount,
      sale.currency,
      invoiceId,
      stage.id,
      `${stage.name} fee on invoice ${sale.number}`,
      stamp,
    );
    if (result.changes > 0) posted.push(amount);
  }
  return posted;
}

interface NewReminder {
  readonly clientId: number;
  readonly stage: DunningStage;
  readonly ladder: LadderName;
  readonly status: 'queued' | 'review' | 'superseded';
  readonly statusReason: string | null;
  readonly asOf: IsoDate;
  readonly recipient: string | null;
  readonly message: ReminderMessage | null;
  readonly stamp: string;
}

function insertReminder(db: Ledger, reminder: NewReminder): number {
  const result = db
    .prepare(
      `INSERT INTO reminders (client_id, stage_id, stage_name, ladder, template_id, channel,
         status, status_reason, queued_on, recipient, subject, body_text, body_html, totals,
         created_at, updated_at)
       VALUES (@clientId, @stageId, @stageName, @ladder, @templateId, @channel, @status,
         @statusReason, @asOf, @recipient, @subject, @text, @html, @totals, @stamp, @stamp)`,
    )
    .run({
      clientId: reminder.clientId,
      stageId: reminder.stage.id,
      stageName: reminder.stage.name,
      ladder: reminder.ladder,
      templateId: reminder.stage.templateId,
      channel: reminder.stage.channel,
      status: reminder.status,
      statusReason: reminder.statusReason,
      asOf: reminder.asOf,
      recipient: reminder.recipient,
      subject: reminder.message?.subject ?? '',
      text: reminder.message?.text ?? '',
      html: reminder.message?.html ?? '',
      totals: JSON.stringify(reminder.message?.totals ?? {}),
      stamp: reminder.stamp,
    });
  return Number(result.lastInsertRowid);
}

function linkInvoices(
  db: Ledger,
  reminderId: number,
  stageId: string,
  invoiceIds: readonly number[],
  invoices: readonly OpenSale[],
): void {
  const insert = db.prepare(
    `INSERT INTO reminder_invoices (reminder_id, invoice_id, stage_id, balance_cents)
     VALUES (?, ?, ?, ?)`,
  );
  for (const invoiceId of invoiceIds) {
    const balance = invoices.find((sale) => sale.invoiceId === invoiceId)?.balanceCents ?? 0;
    insert.run(reminderId, invoiceId, stageId, balance);
  }
}
