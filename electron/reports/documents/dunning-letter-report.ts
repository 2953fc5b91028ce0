/**
 * The dunning letter report: a letter to one client asking it to pay what is overdue at the
 * as-of date, worded at the client's current stage of the dunning ladder. The PDF is a
 * business letter laid out by `renderLetters`, as printed reminders are; the report document
 * carries the same text and invoice lines for the preview and the CSV.
 */

import { daysBetween, type IsoDate } from '../../../shared/calendar-date.ts';
import type { ReminderTemplate } from '../../../shared/dunning/dunning-ladder.ts';
import {
  renderReminder,
  type ReminderContext,
  type ReminderLine,
} from '../../../shared/dunning/reminder-message.ts';
import { formatMoney } from '../../../shared/money.ts';
import type {
  ReportBlock,
  ReportColumn,
  ReportDocument,
  ReportRow,
  ReportTable,
} from '../../../shared/reports/report-document.ts';
import { companyIdentity } from '../../collections/company-identity.ts';
import { readDunningConfig } from '../../collections/dunning-store.ts';
import { heldInvoiceIds } from '../../collections/reminder-lines.ts';
import type { Ledger } from '../../ledger/database.ts';
import { readSettings } from '../../ledger/settings-store.ts';
import {
  renderLetters,
  saveFile,
  type Letter,
  type LetterBlock,
  type LetterTable,
} from '../../letters/letter-pdf.ts';
import { clientTerms } from '../../terms/terms-store.ts';
import { agingReport } from '../aging-report.ts';
import type { ReportContext, ReportModule } from '../report-builder.ts';
import { ReportScopeError } from '../report-scope.ts';
import { fileSafeCode } from './statement.ts';

/** One overdue invoice or late fee the letter asks the client to pay. */
export interface OverdueLine extends ReminderLine {
  readonly invoiceId: number;
  readonly saleInvoiceId: number;
  readonly invoiceDate: IsoDate;
  readonly amountCents: number;
  readonly daysOverdue: number;
}

/** The dunning stage whose template words the letter, or null for the standard wording. */
export interface LetterStage {
  readonly reminderId: number;
  readonly stageName: string;
  readonly templateId: string;
  readonly queuedOn: IsoDate;
}

/** Everything the letter says, read once and laid out as a PDF letter or a report. */
export interface DunningLetterContent {
  readonly clientCode: string;
  readonly clientName: string;
  readonly clientAddress: string;
  readonly date: IsoDate;
  readonly stage: LetterStage | null;
  /** False when the stage's template was removed from the ladder: the standard wording. */
  readonly stageWording: boolean;
  readonly subject: string;
  readonly lines: readonly OverdueLine[];
  /** The amount asked for per currency, never summed across currencies. */
  readonly totals: Readonly<Record<string, number>>;
  /** Money received or credited and not yet applied, per currency of the letter. */
  readonly unapplied: Readonly<Record<string, number>>;
  /** Text and the invoice table, in the order the letter prints them. */
  readonly blocks: readonly LetterBlock[];
}

const INVOICE_LIST = '{{invoiceList}}';
const PAYMENT_METHODS = '{{paymentMethods}}';

/** The wording of a client with no reminder yet, or whose stage's template was removed. */
export const standardLetterTemplate: ReminderTemplate = {
  id: 'standard-letter',
  subject: 'Overdue invoices from {{companyName}}: please pay now',
  text:
    'Dear {{clientName}},\n\n' +
    'The invoices below are past their due date and remain unpaid. Please pay them now, ' +
    'or tell us when you will.\n\n' +
    '{{invoiceList}}\n\n' +
    'Total due: {{totalDue}}\n\n' +
    '{{paymentMethods}}\n\n' +
    'If you have already paid, thank you, and please ignore this letter.\n\n' +
    '{{companyName}}\n{{companyContact}}',
  html: '<p>{{invoiceList}}</p>',
};

const lineColumns: readonly ReportColumn[] = [
  { key: 'invoice', label: 'Invoice', kind: 'text', width: 1.3 },
  { key: 'type', label: 'Type', kind: 'text', width: 1.3 },
  { key: 'invoice_date', label: 'Invoice date', kind: 'date' },
  { key: 'due_date', label: 'Due date', kind: 'date' },
  { key: 'days_overdue', label: 'Days overdue', kind: 'days', width: 0.8 },
  { key: 'amount', label: 'Amount', kind: 'money', width: 1.2 },
  { key: 'balance', label: 'Amount due', kind: 'money', width: 1.2 },
  { key: 'currency', label: 'Currency', kind: 'text', width: 0.8 },
];

/**
 * Reads the client's overdue lines at the end of `asOf`: issued invoices and late fees due
 * before that day with a balance after the allocations applied by then. Invoices disputed,
 * on a payment plan or placed with an agency on that day are left out, with their fees, as
 * the reminder pass leaves them out.
 */
export function overdueLines(
  db: Ledger,
  clientId: number,
  asOf: IsoDate,
  currency: string | null,
): OverdueLine[] {
  const rows = db
    .prepare(
      `SELECT * FROM (
         SELECT i.id AS invoiceId, COALESCE(i.fee_for_invoice_id, i.id) AS saleInvoiceId,
                i.number, i.invoice_date AS invoiceDate, i.due_date AS dueDate, i.currency,
                i.amount_cents AS amountCents, s.number AS feeFor,
                COALESCE(s.due_date, i.due_date) AS saleDueDate, i.kind,
                i.amount_cents - COALESCE((
                  SELECT SUM(a.amount_cents) FROM allocations a
                  WHERE a.invoice_id = i.id AND a.voided_at IS NULL AND a.applied_on <= @asOf
                ), 0) AS balanceCents
         FROM invoices i LEFT JOIN invoices s ON s.id = i.fee_for_invoice_id
         WHERE i.client_id = @clientId AND i.voided_at IS NULL AND i.status = 'issued'
           AND i.invoice_date <= @asOf AND i.due_date < @asOf
           AND (@currency IS NULL OR i.currency = @currency)
       ) lines
       WHERE balanceCents > 0
       ORDER BY saleDueDate, saleInvoiceId, kind DESC, invoiceId`,
    )
    .all({ clientId, asOf, currency }) as (Omit<OverdueLine, 'daysOverdue'> & {
    saleDueDate: IsoDate;
    kind: string;
  })[];
  const held = heldInvoiceIds(db, [...new Set(rows.map((row) => row.saleInvoiceId))], asOf);
  return rows
    .filter((row) => !held.has(row.saleInvoiceId))
    .map((row) => ({
      invoiceId: row.invoiceId,
      saleInvoiceId: row.saleInvoiceId,
      number: row.number,
      invoiceDate: row.invoiceDate,
      dueDate: row.dueDate,
      currency: row.currency,
      amountCents: row.amountCents,
      balanceCents: row.balanceCents,
      feeFor: row.feeFor,
      daysOverdue: daysBetween(row.dueDate, asOf),
    }));
}

/**
 * Finds the client's current dunning stage on `asOf`: its latest reminder queued by then,
 * neither superseded nor cancelled, that covers one of `saleInvoiceIds`. Null when the
 * client has none, so the letter takes the standard wording.
 */
export function currentStage(
  db: Ledger,
  clientId: number,
  asOf: IsoDate,
  saleInvoiceIds: readonly number[],
): LetterStage | null {
  const row = db
    .prepare(
      `SELECT r.id AS reminderId, r.stage_name AS stageName, r.template_id AS templateId,
              r.queued_on AS queuedOn
       FROM reminders r
       WHERE r.client_id = @clientId AND r.queued_on <= @asOf
         AND r.status NOT IN ('superseded', 'cancelled')
         AND EXISTS (SELECT 1 FROM reminder_invoices ri
                     WHERE ri.reminder_id = r.id
                       AND ri.invoice_id IN (SELECT value FROM json_each(@ids)))
       ORDER BY r.queued_on DESC, r.id DESC LIMIT 1`,
    )
    .get({ clientId, asOf, ids: JSON.stringify(saleInvoiceIds) }) as LetterStage | undefined;
  return row ?? null;
}

/**
 * Reads and words the letter of the request's client at the as-of date. Raises a
 * `ReportScopeError` when the client owes nothing overdue, since there is nothing to ask for.
 */
export function composeLetterContent(context: ReportContext): DunningLetterContent {
  const { db, asOf, scope } = context;
  const client = scope.client;
  if (client === null) {
    throw new ReportScopeError("The dunning letter is about one client: give the client's code.");
  }
  const lines = overdueLines(db, client.id, asOf, scope.currency);
  if (lines.length === 0) {
    const only = scope.currency === null ? '' : ` in ${scope.currency}`;
    throw new ReportScopeError(
      `Client ${client.code} owes nothing overdue${only} on ${asOf}: no letter to write.`,
    );
  }
  const address = db.prepare('SELECT address FROM clients WHERE id = ?').pluck().get(client.id) as
    | string
    | null;

  const stage = currentStage(db, client.id, asOf, [
    ...new Set(lines.map((line) => line.saleInvoiceId)),
  ]);
  const template =
    (stage &&
      readDunningConfig(db).templates.find((candidate) => candidate.id === stage.templateId)) ??
    standardLetterTemplate;
  const identity = companyIdentity(db);
  const reminderContext: ReminderContext = {
    clientName: client.name,
    companyName: identity.name,
    companyContact: identity.contact,
    stageName: stage?.stageName ?? 'Payment reminder',
    paymentMethods: clientTerms(db, client.id).paymentMethods,
    lines,
  };
  const message = renderReminder(template, reminderContext);
  const unapplied = unappliedOnAccount(db, client.id, asOf, Object.keys(message.totals));

  return {
    clientCode: client.code,
    clientName: client.name,
    clientAddress: address ?? '',
    date: asOf,
    stage,
    stageWording: template !== standardLetterTemplate,
    subject: message.subject,
    lines,
    totals: message.totals,
    unapplied,
    blocks: letterBlocks(template, reminderContext, message.totals, unapplied),
  };
}

/**
 * Money received or credited by the end of `asOf` and not applied to an invoice, per currency
 * the letter asks for. The letter mentions it, so the client is not asked for money it paid.
 */
function unappliedOnAccount(
  db: Ledger,
  clientId: number,
  asOf: IsoDate,
  currencies: readonly string[],
): Record<string, number> {
  const report = agingReport(db, asOf, undefined, true, { clientId });
  const totals = report.clients?.find((entry) => entry.clientId === clientId)?.currencies ?? {};
  const unapplied: Record<string, number> = {};
  for (const currency of currencies) {
    const entry = totals[currency];
    const cents = entry === undefined ? 0 : -(entry.unappliedPayments + entry.unappliedCredits);
    if (cents > 0) unapplied[currency] = cents;
  }
  return unapplied;
}

/**
 * Fills the template part by part, so placeholders read as in the e-mail reminders, with
 * the invoice table in place of {{invoiceList}}, or after the text when the template has none.
 */
function letterBlocks(
  template: ReminderTemplate,
  context: ReminderContext,
  totals: Readonly<Record<string, number>>,
  unapplied: Readonly<Record<string, number>>,
): LetterBlock[] {
  const fill = (text: string) => renderReminder({ ...template, text }, context).text;
  const table = invoiceTable(context.lines, totals);
  const parts = template.text.split(INVOICE_LIST);
  const blocks: LetterBlock[] = [];
  parts.forEach((part, index) => {
    if (index > 0) blocks.push(table);
    blocks.push({ kind: 'text', text: fill(part) });
  });
  if (parts.length === 1) blocks.push(table);
  if (!template.text.includes(PAYMENT_METHODS) && context.paymentMethods.length > 0) {
    blocks.push({ kind: 'text', text: `You can pay by ${context.paymentMethods.join(', ')}.` });
  }
  const onAccount = Object.entries(unapplied)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, cents]) => formatMoney(cents, currency));
  if (onAccount.length > 0) {
    // After the invoice table, so that the note is read with the amounts it qualifies.
    const index = blocks.indexOf(table) + 1;
    blocks.splice(index, 0, {
      kind: 'text',
      text:
        `Our records also show ${onAccount.join(' and ')} received from you and not yet ` +
        'applied to an invoice. We will set it against the amounts above.',
    });
  }
  return blocks;
}

function lineLabel(line: ReminderLine): string {
  return line.feeFor === null ? `Invoice ${line.number}` : `Late fee on invoice ${line.feeFor}`;
}

function invoiceTable(
  lines: readonly ReminderLine[],
  totals: Readonly<Record<string, number>>,
): LetterTable {
  return {
    kind: 'table',
    columns: ['Item', 'Due date', 'Amount due'],
    rows: lines.map(
      (line) =>
        [lineLabel(line), line.dueDate, formatMoney(line.balanceCents, line.currency)] as const,
    ),
    footer: sortedTotals(totals).map(([currency, cents]) => [
      `Total due in ${currency}`,
      formatMoney(cents, currency),
    ]),
  };
}

function sortedTotals(totals: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(totals).sort(([a], [b]) => a.localeCompare(b));
}

/** The letter as a report: facts, the subject, the text, and the invoice lines as a table. */
export function dunningLetterReport(context: ReportContext): ReportDocument {
  const content = composeLetterContent(context);
  const rows: ReportRow[] = content.lines.map((line) => ({
    invoice: line.number,
    type: line.feeFor === null ? 'Invoice' : `Late fee on invoice ${line.feeFor}`,
    invoice_date: line.invoiceDate,
    due_date: line.dueDate,
    days_overdue: line.daysOverdue,
    amount: line.amountCents,
    balance: line.balanceCents,
    currency: line.currency,
  }));
  const table: ReportTable = {
    kind: 'table',
    title: `Overdue on ${content.date}`,
    columns: lineColumns,
    rows,
    totals: sortedTotals(content.totals).map(([currency, cents]) => ({
      invoice: `Total due in ${currency}`,
      balance: cents,
      currency,
    })),
    rowCount: rows.length,
  };

  const facts = [
    { label: 'Client', value: content.clientName },
    { label: 'Client code', value: content.clientCode },
    { label: 'Address', value: addressOneLine(content.clientAddress) || 'No address on file' },
    { label: 'Letter date', value: content.date },
    { label: 'Dunning stage', value: stageText(content) },
    ...sortedTotals(content.totals).map(([currency, cents]) => ({
      label: `Total overdue, ${currency}`,
      value: formatMoney(cents, currency),
    })),
    ...sortedTotals(content.unapplied).map(([currency, cents]) => ({
      label: `Received, not yet applied, ${currency}`,
      value: formatMoney(cents, currency),
    })),
  ];
  const blocks: ReportBlock[] = [
    { kind: 'facts', title: 'Letter', facts },
    { kind: 'text', style: 'heading', text: content.subject },
  ];
  for (const block of content.blocks) {
    if (block.kind === 'table') blocks.push(table);
    else if (block.text.trim() !== '') blocks.push({ kind: 'text', text: block.text.trim() });
  }

  return {
    header: context.header,
    blocks,
    csv: table,
    fileStem: `dunning-letter-${fileSafeCode(content.clientCode)}-${content.date}`,
  };
}

function stageText(content: DunningLetterContent): string {
  const { stage } = content;
  if (stage === null) return 'None reached: standard wording';
  const reached = `${stage.stageName}, queued on ${stage.queuedOn}`;
  if (content.stageWording) return reached;
  return `${reached}. Its template "${stage.templateId}" was removed: standard wording`;
}

function addressOneLine(address: string): string {
  const lines = address.includes('\n') ? address.split(/\r?\n/) : address.split(',');
  return lines
    .map((line) => line.trim())
    .filter(Boolean)
    .join(', ');
}

/** Lays the letter out as a printed reminder is: letterhead, address window, subject, text. */
export async function writeDunningLetterPdf(
  context: ReportContext,
  outFile: string,
): Promise<{ rows: number; pages: number }> {
  const content = composeLetterContent(context);
  const letter: Letter = {
    sender: readSettings(context.db).company,
    date: content.date,
    recipient: { name: content.clientName, address: content.clientAddress },
    subject: content.subject,
    blocks: content.blocks,
  };
  const rendered = await renderLetters([letter], content.subject);
  await saveFile(outFile, rendered.bytes);
  return { rows: content.lines.length, pages: rendered.pages[0]! };
}

/** The letter as a report: its invoice lines for CSV, its own layout for PDF. */
export const dunningLetterModule: ReportModule = {
  build: dunningLetterReport,
  writePdf: writeDunningLetterPdf,
};
