/**
 * The dunning letter report: a letter to one client asking it to pay what is overdue at the
 * as-of date, worded at the client's current stage of the dunning ladder. The PDF is a
 * business letter laid out by `renderLetters`, as printed reminders are. The report document
 * carries the same text and invoice lines for the preview and the CSV.
 */

import { formatMoney } from '../../../../shared/money.ts';
import type {
  ReportBlock,
  ReportColumn,
  ReportDocument,
  ReportRow,
  ReportTable,
} from '../../../../shared/reports/report-document.ts';
import { readSettings } from '../../../ledger/settings-store.ts';
import { renderLetters, saveFile, type Letter } from '../../../letters/letter-pdf.ts';
import type { ReportContext, ReportModule } from '../../report-builder.ts';
import { fileSafeCode } from '../statement/statement-files.ts';
import { sortedTotals } from '../../../letters/letter-blocks.ts';
import { composeLetterContent, type DunningLetterContent } from './letter-content.ts';

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

/** Builds the letter as a report: facts, the subject, the text, and the invoice lines table. */
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
