/**
 * The content of a dunning letter, read once from the ledger: the client, its overdue lines, its
 * dunning stage and the wording of that stage's template, the totals due, and money on
 * account. The PDF letter and the report document are both laid out from this content.
 */

import type { IsoDate } from '../../../../shared/calendar-date.ts';
import type { ReminderTemplate } from '../../../../shared/dunning/dunning-ladder.ts';
import {
  renderReminder,
  type ReminderContext,
} from '../../../../shared/dunning/reminder-message.ts';
import { companyIdentity } from '../../../collections/company-identity.ts';
import { readDunningConfig } from '../../../collections/dunning-store.ts';
import type { Ledger } from '../../../ledger/database.ts';
import type { LetterBlock } from '../../../letters/letter-pdf.ts';
import { clientTerms } from '../../../terms/terms-store.ts';
import { agingReport } from '../../aging-report.ts';
import type { ReportContext } from '../../report-builder.ts';
import { ReportScopeError } from '../../report-scope.ts';
import { letterBlocks } from '../../../letters/letter-blocks.ts';
import { currentStage, type LetterStage } from './letter-stage.ts';
import { overdueLines, type OverdueLine } from './overdue-lines.ts';

/** Text and figures of one dunning letter, read once and laid out as a PDF letter or a report. */
export interface DunningLetterContent {
  readonly clientCode: string;
  readonly clientName: string;
  readonly clientAddress: string;
  readonly date: IsoDate;
  readonly stage: LetterStage | null;
  /** False when the stage's template was removed, so the letter uses the standard wording. */
  readonly stageWording: boolean;
  readonly subject: string;
  readonly lines: readonly OverdueLine[];
  /** Amount due per currency, never summed across currencies. */
  readonly totals: Readonly<Record<string, number>>;
  /** Money received or credited and not yet applied, per currency of the letter. */
  readonly unapplied: Readonly<Record<string, number>>;
  /** Text and the invoice table, in the order the letter prints them. */
  readonly blocks: readonly LetterBlock[];
}

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

/**
 * Reads and words the letter of the request's client at the as-of date. Raises a
 * `ReportScopeError` when the client owes nothing overdue, because no letter is then needed.
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
 * Sums the money received or credited by the end of `asOf` and not applied to an invoice, in
 * each of `currencies`. The letter mentions it, so that the client is not dunned for money it paid.
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
