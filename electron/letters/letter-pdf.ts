/**
 * Lays out business letters in a PDF: a letterhead, the date, the recipient's address, a
 * subject, and body blocks of text and tables. It does not read the ledger. Every value
 * arrives as finished text, so amounts are formatted once, by the caller.
 *
 * DejaVu Sans (resources/fonts) is embedded because pdfkit's standard fonts print Windows-1252
 * characters only: with pdfkit 0.20.2, "Łukasiewicz" came out garbled while € and é printed.
 */

import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { openPartialFile } from '../reports/output/partial-file.ts';

export interface LetterSender {
  readonly name: string;
  /** Postal address; lines separated by newlines or commas, as the user typed it. */
  readonly address: string;
  readonly email: string;
  readonly phone: string;
}

export interface LetterTable {
  readonly kind: 'table';
  readonly columns: readonly [string, string, string];
  readonly rows: readonly (readonly [string, string, string])[];
  /** Bold rows below the table, such as one total per currency: a label and an amount. */
  readonly footer: readonly (readonly [string, string])[];
}

export type LetterBlock = { readonly kind: 'text'; readonly text: string } | LetterTable;

export interface Letter {
  readonly sender: LetterSender;
  readonly date: string;
  readonly recipient: { readonly name: string; readonly address: string };
  readonly subject: string;
  readonly blocks: readonly LetterBlock[];
}

export interface RenderedLetters {
  readonly bytes: Buffer;
  /** Pages of each letter, in the order given. */
  readonly pages: readonly number[];
}

const fontFile = (name: string) =>
  fileURLToPath(new URL(`../../resources/fonts/${name}`, import.meta.url));
const REGULAR = 'DejaVuSans';
const BOLD = 'DejaVuSans-Bold';

const MARGIN = 56;
const BOTTOM_MARGIN = 72;
const BODY_SIZE = 10;
const GREY = '#555555';
const CELL_PADDING = 3;
const DUE_WIDTH = 80;
const AMOUNT_WIDTH = 120;

/**
 * Renders `letters` into one PDF, each starting on a new page and numbered on its own
 * ("Page 1 of 2"), so that a printed batch can be split into envelopes by the page numbers.
 */
export async function renderLetters(
  letters: readonly Letter[],
  title: string,
): Promise<RenderedLetters> {
  if (letters.length === 0) throw new RangeError('No letters to render.');
  // Buffered pages let the footers be written last, once each letter's page count is known.
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: BOTTOM_MARGIN },
    autoFirstPage: false,
    bufferPages: true,
    info: { Title: title, Author: letters[0]!.sender.name || 'Duedesk', Creator: 'Duedesk' },
  });
  doc.registerFont(REGULAR, fontFile('DejaVuSans.ttf'));
  doc.registerFont(BOLD, fontFile('DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const starts: number[] = [];
  for (const letter of letters) {
    starts.push(doc.bufferedPageRange().count);
    doc.addPage();
    drawLetter(doc, letter);
  }
  const total = doc.bufferedPageRange().count;
  const pages = starts.map((start, index) => (starts[index + 1] ?? total) - start);
  starts.forEach((start, index) => markPages(doc, start, pages[index]!, letters[index]!));
  doc.end();
  return { bytes: await finished, pages };
}

/**
 * Writes `bytes` to `path` through a temporary file beside it that is synced and then renamed
 * (see partial-file.ts), so the path contains the whole file or its earlier content, even after
 * a full disk or a crash.
 */
export async function saveFile(path: string, bytes: Uint8Array): Promise<void> {
  const partial = await openPartialFile(path);
  try {
    partial.stream.end(bytes);
    await finished(partial.stream);
    await partial.commit();
  } catch (error) {
    throw await partial.discard(error);
  }
}

type Doc = PDFKit.PDFDocument;

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottomLimit(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

function drawLetter(doc: Doc, letter: Letter): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const { sender } = letter;
  doc.fillColor('black').font(BOLD).fontSize(14);
  doc.text(sender.name || ' ', left, doc.page.margins.top, { width, align: 'right' });
  const contact = [...addressLines(sender.address), sender.email, sender.phone].filter(Boolean);
  doc.font(REGULAR).fontSize(9).fillColor(GREY);
  for (const line of contact) doc.text(line, { width, align: 'right' });
  doc.fillColor('black');
  const ruleY = doc.y + 8;
  doc
    .moveTo(left, ruleY)
    .lineTo(left + width, ruleY)
    .lineWidth(0.5)
    .stroke(GREY);

  // The recipient sits where a left-hand envelope window shows it; the date faces it.
  const addressY = Math.max(ruleY + 24, 150);
  doc.font(REGULAR).fontSize(BODY_SIZE);
  doc.text(letter.date, left, addressY, { width, align: 'right' });
  doc.font(BOLD).text(letter.recipient.name, left, addressY, { width: width * 0.6 });
  doc.font(REGULAR);
  for (const line of addressLines(letter.recipient.address)) {
    doc.text(line, { width: width * 0.6 });
  }

  doc.y = Math.max(doc.y + 36, 260);
  doc.font(BOLD).fontSize(12).text(letter.subject, left, doc.y, { width });
  doc.moveDown(1);
  doc.font(REGULAR).fontSize(BODY_SIZE);
  for (const block of letter.blocks) {
    if (block.kind === 'text') drawText(doc, block.text);
    else drawTable(doc, block);
  }
}

/** Splits an address as typed: one part per line, or one line with commas between parts. */
function addressLines(address: string): string[] {
  const lines = address.includes('\n') ? address.split(/\r?\n/) : address.split(',');
  return lines.map((line) => line.trim()).filter((line) => line !== '');
}

function drawText(doc: Doc, text: string): void {
  const trimmed = text.replace(/^\s*\n/, '').trimEnd();
  if (trimmed === '') return;
  doc.font(REGULAR).fontSize(BODY_SIZE).fillColor('black');
  doc.text(trimmed, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.8);
}

/** Column x positions and widths: the item takes what the date and amount leave. */
function tableColumns(doc: Doc) {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const itemWidth = width - DUE_WIDTH - AMOUNT_WIDTH;
  return {
    left,
    width,
    cells: [
      { x: left, width: itemWidth, align: 'left' as const },
      { x: left + itemWidth, width: DUE_WIDTH, align: 'left' as const },
      { x: left + itemWidth + DUE_WIDTH, width: AMOUNT_WIDTH, align: 'right' as const },
    ],
  };
}

function rowHeight(doc: Doc, cells: readonly string[], font: string): number {
  const { cells: columns } = tableColumns(doc);
  doc.font(font).fontSize(BODY_SIZE);
  const heights = cells.map((text, index) =>
    doc.heightOfString(text || ' ', { width: columns[index]!.width - 2 * CELL_PADDING }),
  );
  return Math.max(...heights) + 2 * CELL_PADDING;
}

function drawRow(doc: Doc, cells: readonly string[], font: string, height: number): void {
  const { cells: columns } = tableColumns(doc);
  const top = doc.y;
  doc.font(font).fontSize(BODY_SIZE).fillColor('black');
  cells.forEach((text, index) => {
    const column = columns[index]!;
    doc.text(text, column.x + CELL_PADDING, top + CELL_PADDING, {
      width: column.width - 2 * CELL_PADDING,
      align: column.align,
    });
  });
  doc.x = doc.page.margins.left;
  doc.y = top + height;
}

function drawRule(doc: Doc, weight: number): void {
  const { left, width } = tableColumns(doc);
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(weight)
    .stroke('black');
}

/**
 * Draws a table that continues on further pages with its header repeated. A header is never
 * left alone at the foot of a page: it moves on with the first row that follows it.
 */
function drawTable(doc: Doc, table: LetterTable): void {
  const headerHeight = rowHeight(doc, table.columns, BOLD);
  const header = () => {
    drawRow(doc, table.columns, BOLD, headerHeight);
    drawRule(doc, 0.8);
  };
  const firstHeight = rowHeight(doc, table.rows[0] ?? table.columns, REGULAR);
  if (doc.y + headerHeight + firstHeight > bottomLimit(doc)) doc.addPage();
  header();
  for (const row of table.rows) {
    const height = rowHeight(doc, row, REGULAR);
    if (doc.y + height > bottomLimit(doc)) {
      doc.addPage();
      header();
    }
    drawRow(doc, row, REGULAR, height);
  }
  drawRule(doc, 0.8);
  for (const [label, amount] of table.footer) {
    const cells = [label, '', amount];
    const height = rowHeight(doc, cells, BOLD);
    if (doc.y + height > bottomLimit(doc)) doc.addPage();
    drawRow(doc, cells, BOLD, height);
  }
  doc.moveDown(0.8);
}

/**
 * Numbers a letter's pages and heads each page after the first with the recipient and date,
 * so that a loose page of a printed batch still names the letter it belongs to.
 */
function markPages(doc: Doc, start: number, count: number, letter: Letter): void {
  for (let index = 0; index < count; index += 1) {
    doc.switchToPage(start + index);
    const { top, bottom } = doc.page.margins;
    // Text outside the margins would make pdfkit start a new page: lift them meanwhile.
    doc.page.margins.top = 0;
    doc.page.margins.bottom = 0;
    doc.font(REGULAR).fontSize(8).fillColor(GREY);
    const options = { width: contentWidth(doc), lineBreak: false } as const;
    if (index > 0) {
      const head = `${letter.recipient.name}, ${letter.date} (continued)`;
      doc.text(head, doc.page.margins.left, top - 24, options);
    }
    doc.text(
      `Page ${index + 1} of ${count}`,
      doc.page.margins.left,
      doc.page.height - bottom + 28,
      {
        ...options,
        align: 'center',
      },
    );
    doc.page.margins.top = top;
    doc.page.margins.bottom = bottom;
  }
}
