import { createCanvas, loadImage } from '@napi-rs/canvas';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { renderChartPng } from '../../electron/reports/output/report-chart.ts';
import {
  PdfTooLongError,
  writeReportPdf,
  type PdfProgress,
} from '../../electron/reports/output/report-pdf.ts';
import type {
  ReportBlock,
  ReportChart,
  ReportColumn,
  ReportDocument,
  ReportRow,
  ReportTable,
} from '../../shared/reports/report-document.ts';
import { firstPageImage, pdfPages, skipPdfReading } from '../support/pdf-reader.ts';
import { useTempFolder } from '../support/temp-ledger.ts';

const temp = useTempFolder();

const header = {
  company: 'Société Générale Démo',
  companyContact: "12 Rue de l'Église, 75001 Paris · compta@demo.test · +33 1 23 45 67 89",
  title: 'Aging detail',
  scope: 'As of 2026-03-31 · All clients',
  generatedOn: '2026-04-01',
};

function reportDocument(blocks: readonly ReportBlock[]): ReportDocument {
  return {
    header,
    blocks,
    csv: { kind: 'table', title: 'Unused', columns: [], rows: [] },
    fileStem: 'aging-detail-2026-03-31',
  };
}

const invoiceColumns: readonly ReportColumn[] = [
  { key: 'client', label: 'Client', kind: 'text', width: 3 },
  { key: 'invoice', label: 'Invoice', kind: 'text', width: 1.2 },
  { key: 'due', label: 'Due date', kind: 'date', width: 1.2 },
  { key: 'days', label: 'Days late', kind: 'days' },
  { key: 'balance', label: 'Balance', kind: 'money', width: 1.6 },
];

/** Yields `count` USD invoices from INV-0001 up, each of 1 dollar plus `index` × 101 cents. */
function* invoiceRows(count: number): Generator<ReportRow> {
  for (let index = 1; index <= count; index += 1) {
    yield {
      client: ['Łukasiewicz Sp. z o.o.', 'Ørsted A/S', 'Société Générale'][index % 3]!,
      invoice: `INV-${String(index).padStart(4, '0')}`,
      due: '2026-02-28',
      days: index % 90,
      balance: 100 + index * 101,
      currency: 'USD',
    };
  }
}

/** Wraps rows so that a second read raises, as a generator over the ledger would return none. */
function readOnce(rows: Iterable<ReportRow>): Iterable<ReportRow> {
  let read = false;
  return {
    [Symbol.iterator]() {
      if (read) throw new Error('The table rows were read twice.');
      read = true;
      return rows[Symbol.iterator]();
    },
  };
}

function invoiceTable(count: number, totals: readonly ReportRow[] = []): ReportTable {
  return {
    kind: 'table',
    title: 'Open invoices',
    columns: invoiceColumns,
    rows: readOnce(invoiceRows(count)),
    rowCount: count,
    totals,
  };
}

interface WordBox {
  readonly text: string;
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Reads each page's words with their positions in points, as `pdftotext -bbox` reports them. */
function wordBoxes(file: string): WordBox[][] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
  });
  const word =
    /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g;
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(word)].map((match) => ({
        text: match[4]!.replace(/&(\w+);/g, (_, name: string) => entities[name] ?? `&${name};`),
        xMin: Number(match[1]),
        xMax: Number(match[3]),
        yMin: Number(match[2]),
      })),
    );
}

function lineWith(page: string, text: string): string {
  const line = page.split('\n').find((candidate) => candidate.includes(text));
  expect(line, `a line with "${text}"`).toBeDefined();
  return line!;
}

const monthlyChart: ReportChart = {
  kind: 'chart',
  title: 'Overdue balance by month',
  type: 'bar',
  stacked: true,
  labels: ['2026-01', '2026-02', '2026-03'],
  series: [
    { label: '1-30 days', values: [125_000, 250_000, 90_000] },
    { label: 'Over 30 days', values: [5_000, null, 300_000] },
  ],
  unit: 'money',
  currency: 'EUR',
};

describe('report PDF', () => {
  it.skipIf(skipPdfReading)('prints header, footer, accents and money', async () => {
    const out = join(temp.folder(), 'small.pdf');
    const rows: ReportRow[] = [
      { client: 'Łukasiewicz', kind: 'Credit note', amount: -1500, currency: 'USD' },
      { client: 'Ørsted', kind: 'Invoice', amount: 123_456, currency: 'EUR' },
      { client: 'Société Générale', kind: 'Invoice', amount: 7, currency: 'EUR' },
      {
        client:
          'Établissements Kowalczyk-Łukasiewicz et Compagnie, succursale du Nord-Pas-de-Calais',
        kind: 'Invoice',
        amount: 25_000,
        currency: 'USD',
      },
    ];
    const columns: ReportColumn[] = [
      { key: 'client', label: 'Client', kind: 'text', width: 2 },
      { key: 'kind', label: 'Document', kind: 'text' },
      { key: 'amount', label: 'Amount', kind: 'money', width: 1 },
    ];
    const written = await writeReportPdf(
      reportDocument([
        { kind: 'text', text: 'Balances', style: 'heading' },
        {
          kind: 'facts',
          title: 'Totals',
          facts: [
            { label: 'Open in USD', value: '$235.00' },
            { label: 'Open in EUR', value: '€1,234.63' },
          ],
        },
        {
          kind: 'table',
          title: 'Documents',
          columns,
          rows: readOnce(rows),
          totals: [{ client: 'Total EUR', amount: 123_463, currency: 'EUR' }],
        },
        {
          kind: 'table',
          title: 'Disputes',
          columns,
          rows: readOnce([]),
          emptyText: 'No disputed invoices.',
        },
        { kind: 'text', text: 'Amounts are in each document’s currency.', style: 'note' },
      ]),
      out,
    );
    expect(written).toEqual({ rows: 4, pages: 1 });
    expect(readdirSync(dirname(out)).filter((name) => name.endsWith('.partial'))).toEqual([]);

    const pages = pdfPages(out);
    expect(pages).toHaveLength(1);
    const page = pages[0]!;
    expect(page).toContain('Société Générale Démo');
    expect(page).toContain("12 Rue de l'Église, 75001 Paris · compta@demo.test");
    expect(page).toContain('Aging detail');
    expect(lineWith(page, 'Generated on')).toMatch(
      /Generated on 2026-04-01 · As of 2026-03-31 · All clients\s+Page 1 of 1/,
    );
    expect(lineWith(page, 'Open in EUR')).toMatch(/Open in EUR\s+€1,234\.63/);
    expect(page).toContain('No disputed invoices.');
    expect(page).toContain('Amounts are in each document’s currency.');

    // Names start at the left edge of their column (48 pt margin + 3 pt padding). Amounts end
    // at the right edge of theirs (595.28 pt A4 width - 48 pt margin - 3 pt padding).
    const words = wordBoxes(out)[0]!;
    const rowsShown = [
      ['Łukasiewicz', '-$15.00'],
      ['Ørsted', '€1,234.56'],
      ['Société', '€0.07'],
      ['Établissements', '$250.00'],
      ['Total', '€1,234.63'],
    ] as const;
    for (const [name, amount] of rowsShown) {
      const sameLine = (a: WordBox, b: WordBox) => Math.abs(a.yMin - b.yMin) < 1;
      const pairs = words
        .filter((word) => word.text === name)
        .flatMap((nameBox) =>
          words
            .filter((word) => word.text === amount && sameLine(word, nameBox))
            .map((amountBox) => ({ nameBox, amountBox })),
        );
      expect(pairs, `${name} and ${amount} on one line`).toHaveLength(1);
      expect(pairs[0]!.nameBox.xMin, name).toBeCloseTo(51, 1);
      expect(pairs[0]!.amountBox.xMax, amount).toBeCloseTo(544.28, 1);
    }
    // The long name is cut short on its own line rather than wrapped on to a second one.
    expect(lineWith(page, 'Établissements')).toMatch(/Établissements Kowalczyk.*…\s+Invoice/);
    expect(page).not.toContain('Nord-Pas-de-Calais');

    firstPageImage(out, 'report-pdf-small');
  });

  it.skipIf(skipPdfReading)('repeats the header on every page', async () => {
    const out = join(temp.folder(), 'long.pdf');
    const progress: PdfProgress[] = [];
    // 2,000 invoices of 100 + i × 101 cents: 2,000 × 100 + 101 × 2,000 × 2,001 / 2 cents.
    const total = 2000 * 100 + (101 * 2000 * 2001) / 2;
    expect(total).toEqual(202_301_000);
    const written = await writeReportPdf(
      reportDocument([
        invoiceTable(2000, [{ client: 'Total USD', balance: total, currency: 'USD' }]),
      ]),
      out,
      { onProgress: (update) => progress.push(update) },
    );
    expect(written.rows).toBe(2000);

    const pages = pdfPages(out);
    expect(pages).toHaveLength(written.pages);
    expect(pages.length).toBeGreaterThan(30);
    const headerRow = /^\s*Client\s+Invoice\s+Due date\s+Days late\s+Balance\s*$/m;
    pages.forEach((page, index) => {
      expect(page, `page ${index + 1}`).toMatch(headerRow);
      expect(page, `page ${index + 1}`).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(page, `page ${index + 1}`).toContain('Société Générale Démo');
    });
    const text = pages.join('\n');
    expect(text.match(new RegExp(headerRow.source, 'gm'))).toHaveLength(pages.length);
    expect(text.match(/Open invoices \(continued\)/g)).toHaveLength(pages.length - 1);
    expect(text.match(/INV-\d{4}/g)).toHaveLength(2000);
    expect(text).toMatch(/INV-0001\s+2026-02-28\s+1\s+\$2\.01/);
    expect(text).toMatch(/INV-2000\s+2026-02-28\s+20\s+\$2,021\.00/);
    expect(text.match(/Total USD/g)).toHaveLength(1);
    expect(pages.at(-1)).toMatch(/INV-2000[^\n]*\n\s*Total USD\s+\$2,023,010\.00/);

    expect(progress.at(-1)).toEqual({ rows: 2000, total: 2000 });
    expect(progress.every((update) => update.total === 2000)).toBe(true);
  });

  it.skipIf(skipPdfReading)('embeds charts whole on a page', async () => {
    const out = join(temp.folder(), 'chart.pdf');
    const secondChart: ReportChart = { ...monthlyChart, title: 'Second chart' };
    const written = await writeReportPdf(
      reportDocument([
        { kind: 'text', text: 'Introduction that comes first.' },
        monthlyChart,
        { kind: 'page-break' },
        // 50 rows of 12 pt fill 600 of the page's 722 pt: the next chart, about 260 pt tall
        // with its title, moves on to page 3.
        invoiceTable(50),
        secondChart,
      ]),
      out,
    );
    expect(written).toEqual({ rows: 50, pages: 3 });
    const pages = pdfPages(out);
    expect(pages[0]).toContain('Introduction that comes first.');
    expect(pages[0]).toContain('Overdue balance by month');
    expect(pages[1]).toMatch(/^\s*Open invoices\n/m);
    expect(pages[1]).toContain('INV-0050');
    expect(pages[2]).toContain('Second chart');

    const images = execFileSync('pdfimages', ['-list', out], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => line.trim().split(/\s+/));
    // Columns: page, number, type, width, height.
    const embedded = images
      .filter((fields) => fields[2] === 'image')
      .map((fields) => [fields[0], fields[3], fields[4]]);
    expect(embedded).toEqual([
      ['1', '1920', '960'],
      ['3', '1920', '960'],
    ]);
    firstPageImage(out, 'report-pdf-chart');
  });

  it.skipIf(skipPdfReading)('places half-width charts side by side', async () => {
    const out = join(temp.folder(), 'pair.pdf');
    const half = (title: string): ReportChart => ({ ...monthlyChart, title, half: true });
    await writeReportPdf(
      reportDocument([half('Left chart'), half('Right chart'), half('Alone chart')]),
      out,
    );

    const words = wordBoxes(out)[0]!;
    const at = (text: string) => words.find((word) => word.text === text)!;
    // The first two share a line, with the right one past the middle of the 499 pt content
    // width. The third has no partner and starts a row of its own at the left margin.
    expect(at('Left').yMin).toBeCloseTo(at('Right').yMin, 1);
    expect(at('Left').xMin).toBeCloseTo(48, 0);
    expect(at('Right').xMin).toBeGreaterThan(48 + 499 / 2);
    expect(at('Alone').xMin).toBeCloseTo(48, 0);
    expect(at('Alone').yMin).toBeGreaterThan(at('Left').yMin + 150);

    const images = execFileSync('pdfimages', ['-list', out], { encoding: 'utf8' });
    expect(images.match(/ image +960 +720 /g)).toHaveLength(3);
  });

  it.skipIf(skipPdfReading)('wraps text in wrapping columns', async () => {
    const out = join(temp.folder(), 'wrapped.pdf');
    const definition =
      'Days sales outstanding: the receivables at the end of the period divided by the credit ' +
      'sales of the period, times the days of the period, so that a lower figure means cash ' +
      'comes in sooner after each sale.';
    await writeReportPdf(
      reportDocument([
        {
          kind: 'table',
          title: 'Metrics',
          columns: [
            { key: 'metric', label: 'Metric', kind: 'text' },
            { key: 'definition', label: 'Definition', kind: 'text', width: 3, wrap: true },
          ],
          rows: [
            { metric: 'DSO', definition },
            { metric: 'CEI', definition: 'Collection effectiveness index.' },
          ],
        },
      ]),
      out,
    );

    const words = wordBoxes(out)[0]!;
    const top = (text: string) => words.find((word) => word.text === text)!.yMin;
    // Every word of the definition is printed, none cut off with an ellipsis.
    expect(words.filter((word) => word.text.endsWith('…'))).toEqual([]);
    expect(words.some((word) => word.text === 'sooner')).toBe(true);
    // The definition takes three lines of about 10 points, so the next row starts below it.
    expect(top('sooner') - top('DSO')).toBeGreaterThan(15);
    expect(top('CEI')).toBeGreaterThan(top('sooner'));
  });

  it('invalid cell removes the partial file', async () => {
    const dir = temp.folder();
    const out = join(dir, 'broken.pdf');
    function* rows(): Generator<ReportRow> {
      yield* invoiceRows(499);
      yield { client: 'Ørsted A/S', invoice: 'INV-0500', balance: '12.00', currency: 'USD' };
      yield* invoiceRows(10);
    }
    const table: ReportTable = { ...invoiceTable(0), rows: rows(), rowCount: 510 };
    await expect(writeReportPdf(reportDocument([table]), out)).rejects.toThrow(
      'Invalid value "12.00" in the money column "balance": expected a number.',
    );
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dirname(out)).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('rejects more rows than a PDF takes', async () => {
    const folder = temp.folder();
    const out = join(folder, 'long.pdf');
    // A streamed table, whose length is known only once the limit is passed.
    const unknown = { ...invoiceTable(30), rowCount: null };
    await expect(writeReportPdf(reportDocument([unknown]), out, { maxRows: 25 })).rejects.toThrow(
      'The report has more than 25 rows, too many for a PDF: save it as CSV',
    );
    // A counted table fails before the file is opened.
    await expect(
      writeReportPdf(reportDocument([invoiceTable(30)]), out, { maxRows: 25 }),
    ).rejects.toBeInstanceOf(PdfTooLongError);
    expect(readdirSync(folder)).toEqual([]);
  });

  it.skipIf(skipPdfReading)('lays out 10,000 rows', async () => {
    const out = join(temp.folder(), 'large.pdf');
    const started = performance.now();
    const written = await writeReportPdf(reportDocument([invoiceTable(10_000)]), out);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `report PDF of 10,000 rows: ${written.pages} pages in ${seconds.toFixed(2)} s ` +
        `on this machine`,
    );
    expect(written.rows).toBe(10_000);
    expect(pdfPages(out)).toHaveLength(written.pages);
    expect(readdirSync(dirname(out)).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });
});

describe('report chart PNG', () => {
  it('draws bars at the requested size', async () => {
    const png = await renderChartPng(monthlyChart, { width: 800, height: 400 });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // The IHDR chunk follows the signature: width and height as 4-byte big-endian integers.
    expect(png.readUInt32BE(16)).toBe(800);
    expect(png.readUInt32BE(20)).toBe(400);

    const image = await loadImage(png);
    const canvas = createCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    const pixel = (x: number, y: number) => [
      ...data.subarray((y * 800 + x) * 4, (y * 800 + x) * 4 + 4),
    ];
    expect(pixel(0, 0)).toEqual([255, 255, 255, 255]);
    expect(pixel(799, 399)).toEqual([255, 255, 255, 255]);
    let firstSeries = 0;
    let secondSeries = 0;
    for (let offset = 0; offset < data.length; offset += 4) {
      const rgb = `${data[offset]},${data[offset + 1]},${data[offset + 2]}`;
      if (rgb === '0,114,178') firstSeries += 1;
      if (rgb === '230,159,0') secondSeries += 1;
    }
    // Both stacked series show as solid bars: thousands of pixels each, not a stray line.
    expect(firstSeries).toBeGreaterThan(5000);
    expect(secondSeries).toBeGreaterThan(5000);
  });

  it('rejects a series missing values', async () => {
    const chart: ReportChart = {
      ...monthlyChart,
      series: [{ label: 'Short', values: [1, 2] }],
    };
    await expect(renderChartPng(chart)).rejects.toThrow(
      'The series "Short" of the chart "Overdue balance by month" has 2 values for 3 labels',
    );
  });
});
