/**
 * Lays out a `ReportDocument` as an A4 PDF in the document's orientation: the company and
 * report header, the blocks in order, and on every page a footer with the generated-on date,
 * the scope and "Page N of M".
 *
 * DejaVu Sans (resources/fonts) is embedded because pdfkit's standard fonts print
 * Windows-1252 characters only, so "Łukasiewicz" would come out garbled.
 */

import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { displayCell, isRightAligned } from '../../../shared/reports/report-cells.ts';
import type {
  ReportBlock,
  ReportChart,
  ReportColumn,
  ReportDocument,
  ReportFacts,
  ReportHeader,
  ReportRow,
  ReportTable,
  ReportText,
} from '../../../shared/reports/report-document.ts';
import {
  DEFAULT_CHART_SIZE,
  HALF_CHART_SIZE,
  renderChartPng,
  type ChartSize,
} from './report-chart.ts';
import { openPartialFile } from './partial-file.ts';

export interface PdfProgress {
  readonly rows: number;
  /** The sum of the tables' row counts when every table has one, else null. */
  readonly total: number | null;
}

export interface PdfWriteOptions {
  /** Called every `progressEvery` table rows and once at the end. */
  readonly onProgress?: (progress: PdfProgress) => void;
  readonly progressEvery?: number;
  /** Table rows at most, `MAX_PDF_ROWS` unless set. */
  readonly maxRows?: number;
}

/**
 * Maximum table rows in one PDF. pdfkit keeps what it has drawn in memory, about 25 KB a row
 * on this layout (10,000 rows peak near 450 MB in the benchmark). A PDF of more than some
 * 400 pages is searched, not read, which CSV serves better.
 */
export const MAX_PDF_ROWS = 20_000;

/** Error for a report too long for a PDF; its message points to CSV and the filters. */
export class PdfTooLongError extends RangeError {
  constructor(maxRows: number) {
    super(
      `The report has more than ${maxRows.toLocaleString('en-US')} rows, too many for a ` +
        'PDF: save it as CSV, or narrow it with a client, tier, manager or currency filter.',
    );
    this.name = 'PdfTooLongError';
  }
}

export interface WrittenPdf {
  /** Table rows laid out, totals rows not included. */
  readonly rows: number;
  readonly pages: number;
}

type Doc = PDFKit.PDFDocument;

const fontFile = (name: string) =>
  fileURLToPath(new URL(`../../../resources/fonts/${name}`, import.meta.url));
const REGULAR = 'DejaVuSans';
const BOLD = 'DejaVuSans-Bold';

const MARGINS = { top: 60, bottom: 60, left: 48, right: 48 };
const GREY = '#555555';
const RULE_GREY = '#999999';
/** One line per table row: 10,000 rows fill about 170 pages. */
const ROW_HEIGHT = 12;
const TABLE_FONT_SIZE = 8;
const CELL_PADDING = 3;
const WRAP_LINE_GAP = 1;
/** Numbers too wide for their column shrink down to this size rather than lose digits. */
const MIN_NUMBER_FONT_SIZE = 5;
const TITLE_FONT_SIZE = 10.5;
const BLOCK_GAP = 14;
const ELLIPSIS = '…';
const NO_ROWS_TEXT = 'Nothing to show.';
/** Charts stay about 15.5 cm wide on a landscape page too, so one fits below a short table. */
const MAX_CHART_WIDTH = 440;
/** The space between two half-width charts side by side. */
const CHART_GUTTER = 18;

/**
 * Writes `document` to `outFile` as a PDF. The table rows are read once, in order, so a
 * streamed table can come straight from the ledger. The bytes go to a temporary file beside
 * `outFile` (see partial-file.ts), which is synced and renamed when complete and removed on
 * failure, so `outFile` appears complete or not at all.
 */
export async function writeReportPdf(
  document: ReportDocument,
  outFile: string,
  options: PdfWriteOptions = {},
): Promise<WrittenPdf> {
  // Checked first, so a table known to be too long fails before any file is opened.
  const progress = new RowProgress(document.blocks, options);
  const doc = new PDFDocument({
    size: 'A4',
    layout: document.orientation ?? 'portrait',
    margins: MARGINS,
    autoFirstPage: false,
    // Buffered pages let the footers be written last, once the page count is known.
    bufferPages: true,
    info: { Title: document.header.title, Author: document.header.company, Creator: 'Duedesk' },
  });
  doc.registerFont(REGULAR, fontFile('DejaVuSans.ttf'));
  doc.registerFont(BOLD, fontFile('DejaVuSans-Bold.ttf'));

  const partial = await openPartialFile(outFile);
  const written = pipeline(doc, partial.stream);
  // A failed write rejects `written` while the layout still runs. It is awaited below.
  void written.catch(() => undefined);

  try {
    doc.addPage();
    drawFirstPageHeader(doc, document.header);
    const blocks = document.blocks;
    for (let index = 0; index < blocks.length; index += 1) {
      const block = blocks[index]!;
      const next = blocks[index + 1];
      if (isHalfChart(block) && next !== undefined && isHalfChart(next)) {
        await drawChartPair(doc, block, next);
        index += 1;
      } else {
        await drawBlock(doc, block, progress);
      }
    }
    progress.finish();

    const pages = doc.bufferedPageRange().count;
    drawPageMarks(doc, document.header);
    doc.end();
    await written;
    await partial.commit();
    return { rows: progress.rows, pages };
  } catch (error) {
    doc.destroy();
    await written.catch(() => undefined);
    throw await partial.discard(error);
  }
}

/** Counts laid-out table rows and reports them every `progressEvery` rows and at the end. */
class RowProgress {
  rows = 0;
  private readonly total: number | null;
  private readonly every: number;
  private readonly maxRows: number;
  private readonly onProgress: PdfWriteOptions['onProgress'];

  constructor(blocks: readonly ReportBlock[], options: PdfWriteOptions) {
    const tables = blocks.filter((block): block is ReportTable => block.kind === 'table');
    const counts = tables.map((table) => table.rowCount ?? null);
    this.total = counts.includes(null) ? null : counts.reduce((sum, count) => sum! + count!, 0);
    this.every = options.progressEvery ?? 2_000;
    this.maxRows = options.maxRows ?? MAX_PDF_ROWS;
    this.onProgress = options.onProgress;
    if (this.total !== null && this.total > this.maxRows) throw new PdfTooLongError(this.maxRows);
  }

  countRow(): void {
    if (this.rows === this.maxRows) throw new PdfTooLongError(this.maxRows);
    this.rows += 1;
    if (this.rows % this.every === 0) this.onProgress?.({ rows: this.rows, total: this.total });
  }

  finish(): void {
    this.onProgress?.({ rows: this.rows, total: this.total });
  }
}

function contentLeft(doc: Doc): number {
  return doc.page.margins.left;
}

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottomLimit(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` points still fit on the current one. */
function ensureRoom(doc: Doc, height: number): boolean {
  if (doc.y + height <= bottomLimit(doc)) return false;
  doc.addPage();
  return true;
}

function drawRule(doc: Doc, y: number, weight: number, color = 'black'): void {
  const left = contentLeft(doc);
  doc
    .moveTo(left, y)
    .lineTo(left + contentWidth(doc), y)
    .lineWidth(weight)
    .stroke(color);
}

/** Cuts `text` to `width` points with an ellipsis, in the current font and size. */
function truncate(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  // Code points, so that a character outside the BMP is never split in half.
  const characters = Array.from(text);
  let low = 0;
  let high = characters.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const candidate = characters.slice(0, middle).join('').trimEnd() + ELLIPSIS;
    if (doc.widthOfString(candidate) <= width) low = middle;
    else high = middle - 1;
  }
  return low === 0 ? ELLIPSIS : characters.slice(0, low).join('').trimEnd() + ELLIPSIS;
}

/** Draws the company, its contact line, the report's title and scope on the first page. */
function drawFirstPageHeader(doc: Doc, header: ReportHeader): void {
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  doc.fillColor('black').font(BOLD).fontSize(12);
  doc.text(header.company, left, 30, { width });
  if (header.companyContact !== '') {
    doc.font(REGULAR).fontSize(8).fillColor(GREY);
    doc.text(header.companyContact, left, doc.y + 1, { width });
  }
  const ruleY = doc.y + 5;
  drawRule(doc, ruleY, 0.5, RULE_GREY);
  doc.fillColor('black').font(BOLD).fontSize(16);
  doc.text(header.title, left, ruleY + 12, { width });
  doc.font(REGULAR).fontSize(9.5).fillColor(GREY);
  doc.text(header.scope, left, doc.y + 2, { width });
  doc.fillColor('black');
  doc.x = left;
  doc.y += BLOCK_GAP + 4;
}

async function drawBlock(doc: Doc, block: ReportBlock, progress: RowProgress): Promise<void> {
  switch (block.kind) {
    case 'table':
      drawTable(doc, block, progress);
      break;
    case 'facts':
      drawFacts(doc, block);
      break;
    case 'text':
      drawText(doc, block);
      break;
    case 'chart':
      await drawChart(doc, block);
      break;
    case 'page-break':
      // A break right at the top of a page would leave that page blank.
      if (doc.y > doc.page.margins.top) doc.addPage();
      break;
  }
}

function drawBlockTitle(doc: Doc, title: string): void {
  doc.fillColor('black').font(BOLD).fontSize(TITLE_FONT_SIZE);
  doc.text(truncate(doc, title, contentWidth(doc)), contentLeft(doc), doc.y, {
    lineBreak: false,
  });
  doc.y += TITLE_FONT_SIZE + 6;
}

interface ColumnBox {
  readonly column: ReportColumn;
  readonly x: number;
  readonly width: number;
  readonly numeric: boolean;
  readonly wrap: boolean;
}

/** Shares the content width among the columns in proportion to their `width` (1 if absent). */
function columnBoxes(doc: Doc, columns: readonly ReportColumn[]): ColumnBox[] {
  const weights = columns.map((column) => {
    const weight = column.width ?? 1;
    if (!Number.isFinite(weight) || weight <= 0) {
      throw new RangeError(
        `The column "${column.key}" has width ${String(weight)}: expected a positive number.`,
      );
    }
    return weight;
  });
  const sum = weights.reduce((total, weight) => total + weight, 0);
  let x = contentLeft(doc);
  return columns.map((column, index) => {
    const width = (contentWidth(doc) * weights[index]!) / sum;
    const numeric = isRightAligned(column);
    const box = { column, x, width, numeric, wrap: !numeric && column.wrap === true };
    x += width;
    return box;
  });
}

/**
 * Draws one row of a table: numbers right-aligned and shrunk to fit, wrapping text columns
 * over as many lines as they need, other text left-aligned and cut with an ellipsis. The
 * caller sets the font and has checked with `rowHeight` that the row fits on the page.
 */
function drawTableLine(doc: Doc, boxes: readonly ColumnBox[], cells: readonly string[]): void {
  const height = rowHeight(doc, boxes, cells);
  const y = doc.y + (ROW_HEIGHT - TABLE_FONT_SIZE) / 2 - 1;
  for (let index = 0; index < boxes.length; index += 1) {
    const box = boxes[index]!;
    let text = cells[index]!;
    if (text === '') continue;
    const available = box.width - 2 * CELL_PADDING;
    if (box.numeric) {
      const width = doc.widthOfString(text);
      if (width <= available) {
        doc.text(text, box.x + box.width - CELL_PADDING - width, y, { lineBreak: false });
        continue;
      }
      // A little under the exact fit, so that rounding cannot push the text past the width.
      const size = Math.max(MIN_NUMBER_FONT_SIZE, (0.98 * TABLE_FONT_SIZE * available) / width);
      doc.fontSize(size);
      text = truncate(doc, text, available);
      const fitted = doc.widthOfString(text);
      doc.text(text, box.x + box.width - CELL_PADDING - fitted, y + (TABLE_FONT_SIZE - size), {
        lineBreak: false,
      });
      doc.fontSize(TABLE_FONT_SIZE);
    } else if (box.wrap) {
      doc.text(text, box.x + CELL_PADDING, y, { width: available, lineGap: WRAP_LINE_GAP });
    } else {
      // A row is one line, so line breaks and tabs inside a cell print as spaces.
      text = truncate(doc, text.replace(/\s+/g, ' '), available);
      doc.text(text, box.x + CELL_PADDING, y, { lineBreak: false });
    }
  }
  doc.y += height;
}

/** Measures a row: one line's height, or more when a wrapping cell needs several lines. */
function rowHeight(doc: Doc, boxes: readonly ColumnBox[], cells: readonly string[]): number {
  let height = ROW_HEIGHT;
  for (let index = 0; index < boxes.length; index += 1) {
    const box = boxes[index]!;
    if (!box.wrap || cells[index] === '') continue;
    const width = box.width - 2 * CELL_PADDING;
    const text = doc.heightOfString(cells[index]!, { width, lineGap: WRAP_LINE_GAP });
    height = Math.max(height, text + ROW_HEIGHT - TABLE_FONT_SIZE);
  }
  return height;
}

function rowCells(boxes: readonly ColumnBox[], row: ReportRow): string[] {
  return boxes.map((box) => displayCell(box.column, row));
}

/**
 * Draws a table one line per row. A table that runs over a page repeats its title, marked
 * "(continued)", and its header row at the top of the next page. The title and header never
 * sit alone at the foot of a page.
 */
function drawTable(doc: Doc, table: ReportTable, progress: RowProgress): void {
  const boxes = columnBoxes(doc, table.columns);
  const labels = table.columns.map((column) => column.label);
  const titleHeight = TITLE_FONT_SIZE + 6;
  const drawHead = (continued: boolean) => {
    drawBlockTitle(doc, continued ? `${table.title} (continued)` : table.title);
    doc.font(BOLD).fontSize(TABLE_FONT_SIZE).fillColor('black');
    drawTableLine(doc, boxes, labels);
    drawRule(doc, doc.y, 0.8);
    doc.y += 1;
    doc.font(REGULAR).fontSize(TABLE_FONT_SIZE);
  };
  const breakPage = () => {
    doc.addPage();
    drawHead(true);
  };

  let rows = 0;
  for (const row of table.rows) {
    const cells = rowCells(boxes, row);
    if (rows === 0) {
      doc.font(REGULAR).fontSize(TABLE_FONT_SIZE);
      ensureRoom(doc, titleHeight + ROW_HEIGHT + 1 + rowHeight(doc, boxes, cells));
      drawHead(false);
    } else if (doc.y + rowHeight(doc, boxes, cells) > bottomLimit(doc)) {
      breakPage();
    }
    drawTableLine(doc, boxes, cells);
    rows += 1;
    progress.countRow();
  }

  if (rows === 0) {
    ensureRoom(doc, titleHeight + 2 * ROW_HEIGHT);
    drawBlockTitle(doc, table.title);
    drawText(doc, { kind: 'text', text: table.emptyText ?? NO_ROWS_TEXT, style: 'note' });
    return;
  }

  const totals = (table.totals ?? []).map((row) => rowCells(boxes, row));
  if (totals.length > 0) {
    if (doc.y + 2 + totals.length * ROW_HEIGHT > bottomLimit(doc)) breakPage();
    drawRule(doc, doc.y + 1, 0.8);
    doc.y += 2;
    doc.font(BOLD).fontSize(TABLE_FONT_SIZE);
    for (const cells of totals) {
      if (doc.y + ROW_HEIGHT > bottomLimit(doc)) breakPage();
      doc.font(BOLD).fontSize(TABLE_FONT_SIZE);
      drawTableLine(doc, boxes, cells);
    }
  }
  doc.font(REGULAR);
  doc.x = contentLeft(doc);
  doc.y += BLOCK_GAP;
}

/** Draws labels in the left column and values in the right, each wrapped within its column. */
function drawFacts(doc: Doc, facts: ReportFacts): void {
  const left = contentLeft(doc);
  const labelWidth = contentWidth(doc) * 0.4;
  const valueWidth = contentWidth(doc) - labelWidth;
  const lineHeight = (label: string, value: string) => {
    doc.font(REGULAR).fontSize(9);
    const labelHeight = doc.heightOfString(label || ' ', { width: labelWidth - CELL_PADDING });
    doc.font(BOLD);
    return Math.max(labelHeight, doc.heightOfString(value || ' ', { width: valueWidth })) + 3;
  };
  const first = facts.facts[0];
  const firstHeight = first ? lineHeight(first.label, first.value) : 0;
  if (facts.title !== undefined) {
    ensureRoom(doc, TITLE_FONT_SIZE + 6 + firstHeight);
    drawBlockTitle(doc, facts.title);
  }
  for (const { label, value } of facts.facts) {
    const height = lineHeight(label, value);
    ensureRoom(doc, height);
    const top = doc.y;
    doc.font(REGULAR).fontSize(9).fillColor(GREY);
    doc.text(label, left, top, { width: labelWidth - CELL_PADDING });
    doc.font(BOLD).fillColor('black');
    doc.text(value, left + labelWidth, top, { width: valueWidth });
    doc.y = top + height;
  }
  doc.x = left;
  doc.y += BLOCK_GAP - 3;
}

const TEXT_STYLES = {
  heading: { font: BOLD, size: 13, color: 'black', gap: 6 },
  body: { font: REGULAR, size: 9.5, color: 'black', gap: BLOCK_GAP - 4 },
  note: { font: REGULAR, size: 8.5, color: GREY, gap: BLOCK_GAP - 4 },
} as const;

/** Draws wrapped text. Pdfkit moves what does not fit on to the next page. */
function drawText(doc: Doc, block: ReportText): void {
  const style = TEXT_STYLES[block.style ?? 'body'];
  const text = block.text.trim();
  if (text === '') return;
  const width = contentWidth(doc);
  doc.font(style.font).fontSize(style.size).fillColor(style.color);
  // A heading starts a new page rather than sit at the foot of one without its text.
  const needed =
    block.style === 'heading' ? doc.heightOfString(text, { width }) + 3 * ROW_HEIGHT : 0;
  ensureRoom(doc, needed);
  doc.text(text, contentLeft(doc), doc.y, { width });
  doc.fillColor('black');
  doc.x = contentLeft(doc);
  doc.y += style.gap;
}

/** Draws the chart as an image across the content width, whole on one page with its title. */
async function drawChart(doc: Doc, chart: ReportChart): Promise<void> {
  const size = chart.half === true ? HALF_CHART_SIZE : DEFAULT_CHART_SIZE;
  const png = await renderChartPng(chart, size, { title: false });
  const titleHeight = TITLE_FONT_SIZE + 6;
  const pageRoom = bottomLimit(doc) - doc.page.margins.top - titleHeight;
  const fullWidth = Math.min(contentWidth(doc), MAX_CHART_WIDTH);
  let width = chart.half === true ? halfWidth(doc) : fullWidth;
  let height = chartHeight(width, size);
  if (height > pageRoom) {
    width *= pageRoom / height;
    height = pageRoom;
  }
  ensureRoom(doc, titleHeight + height);
  drawBlockTitle(doc, chart.title);
  doc.image(png, contentLeft(doc), doc.y, { width, height });
  doc.x = contentLeft(doc);
  doc.y += height + BLOCK_GAP;
}

function isHalfChart(block: ReportBlock): block is ReportChart {
  return block.kind === 'chart' && block.half === true;
}

function halfWidth(doc: Doc): number {
  return (contentWidth(doc) - CHART_GUTTER) / 2;
}

function chartHeight(width: number, size: ChartSize): number {
  return (width * size.height) / size.width;
}

/** Draws two half-width charts side by side, each under its own title, whole on one page. */
async function drawChartPair(doc: Doc, left: ReportChart, right: ReportChart): Promise<void> {
  const images = await Promise.all(
    [left, right].map((chart) => renderChartPng(chart, HALF_CHART_SIZE, { title: false })),
  );
  const width = halfWidth(doc);
  const height = chartHeight(width, HALF_CHART_SIZE);
  const titleHeight = TITLE_FONT_SIZE + 6;
  ensureRoom(doc, titleHeight + height);
  const top = doc.y;
  doc.fillColor('black').font(BOLD).fontSize(TITLE_FONT_SIZE);
  [left, right].forEach((chart, index) => {
    const x = contentLeft(doc) + index * (width + CHART_GUTTER);
    doc.text(truncate(doc, chart.title, width), x, top, { lineBreak: false });
    doc.image(images[index]!, x, top + titleHeight, { width, height });
  });
  doc.x = contentLeft(doc);
  doc.y = top + titleHeight + height + BLOCK_GAP;
}

/**
 * Heads every page after the first with the company and report title, and foots every page
 * with the generated-on date, the scope and "Page N of M".
 */
function drawPageMarks(doc: Doc, header: ReportHeader): void {
  const { start, count } = doc.bufferedPageRange();
  const generated = `Generated on ${header.generatedOn} · ${header.scope}`;
  for (let index = 0; index < count; index += 1) {
    doc.switchToPage(start + index);
    const { top, bottom } = doc.page.margins;
    // Text outside the margins would make pdfkit start a new page, so the margins are 0 while
    // the marks are drawn.
    doc.page.margins.top = 0;
    doc.page.margins.bottom = 0;

    const left = contentLeft(doc);
    const width = contentWidth(doc);
    const right = left + width;
    if (index > 0) {
      doc.font(BOLD).fontSize(8.5).fillColor('black');
      const company = truncate(doc, header.company, width / 2 - 6);
      doc.text(company, left, 30, { lineBreak: false });
      doc.font(REGULAR).fontSize(8).fillColor(GREY);
      const title = truncate(doc, header.title, width / 2 - 6);
      doc.text(title, right - doc.widthOfString(title), 31, { lineBreak: false });
      drawRule(doc, 44, 0.5, RULE_GREY);
    }

    const footY = doc.page.height - bottom + 22;
    drawRule(doc, footY - 6, 0.5, RULE_GREY);
    doc.font(REGULAR).fontSize(7.5).fillColor(GREY);
    const pageNumber = `Page ${index + 1} of ${count}`;
    const numberWidth = doc.widthOfString(pageNumber);
    doc.text(truncate(doc, generated, width - numberWidth - 12), left, footY, {
      lineBreak: false,
    });
    doc.text(pageNumber, right - numberWidth, footY, { lineBreak: false });

    doc.page.margins.top = top;
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor('black');
}
