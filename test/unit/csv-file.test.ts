import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import {
  inspectCsvFile,
  readCsvRows,
  type CsvInspection,
  type CsvRow,
} from '../../electron/import/csv-file.ts';
import { findHeaderRow } from '../../shared/import-format/table-region.ts';

const directory = mkdtempSync(join(tmpdir(), 'duedesk-csv-'));
let fileCount = 0;

afterAll(() => rmSync(directory, { recursive: true, force: true }));

function writeCsv(content: string | Buffer): string {
  fileCount += 1;
  const path = join(directory, `file-${fileCount}.csv`);
  writeFileSync(path, content);
  return path;
}

async function readAll(
  path: string,
  inspection: CsvInspection,
): Promise<{ rows: CsvRow[]; rowCount: number }> {
  const rows: CsvRow[] = [];
  const { rowCount } = await readCsvRows(path, inspection, (row) => rows.push(row));
  return { rows, rowCount };
}

/** Inspects and reads a file, checking that the sample and the full read agree. */
async function load(
  content: string | Buffer,
): Promise<{ inspection: CsvInspection; rows: CsvRow[] }> {
  const path = writeCsv(content);
  const inspection = await inspectCsvFile(path);
  const { rows, rowCount } = await readAll(path, inspection);
  expect(inspection.truncated).toBe(false);
  expect(rows).toEqual(inspection.rows);
  expect(rowCount).toBe(rows.length);
  return { inspection, rows };
}

describe('inspectCsvFile and readCsvRows', () => {
  it('reads UTF-8 with BOM and title lines', async () => {
    const text =
      '\ufeffAcme Corporation\r\nOpen invoices as of 31/12/2026\r\n' +
      'Date;Invoice;Customer;Amount\r\n' +
      '03/12/2026;F-001;Société Générale;1.250,00\r\n' +
      '04/12/2026;F-002;Müller GmbH;80,50\r\n';
    const { inspection, rows } = await load(text);

    expect(inspection.encoding).toBe('utf-8');
    expect(inspection.bom).toBe(true);
    expect(inspection.delimiter).toBe(';');
    expect(inspection.lineEnding).toBe('\r\n');
    expect(rows[0]).toEqual({ line: 1, cells: ['Acme Corporation'] });
    expect(rows[2]).toEqual({ line: 3, cells: ['Date', 'Invoice', 'Customer', 'Amount'] });
    expect(rows[3]).toEqual({
      line: 4,
      cells: ['03/12/2026', 'F-001', 'Société Générale', '1.250,00'],
    });
    expect(findHeaderRow(rows)).toBe(2);
  });

  it('decodes Windows-1252 bytes', async () => {
    const text = 'Customer,Amount,Note\nSociété Générale,€1.00,naïve\nCafé Müller,2.00,“quoted”\n';
    const { inspection, rows } = await load(iconv.encode(text, 'win1252'));

    expect(inspection.encoding).toBe('windows-1252');
    expect(inspection.bom).toBe(false);
    expect(rows[1]?.cells).toEqual(['Société Générale', '€1.00', 'naïve']);
    expect(rows[2]?.cells).toEqual(['Café Müller', '2.00', '“quoted”']);
  });

  it('reads UTF-8 accents without BOM', async () => {
    const { inspection, rows } = await load('Client,Ville\nÉlodie Dupré,Zürich\n');
    expect(inspection.encoding).toBe('utf-8');
    expect(inspection.bom).toBe(false);
    expect(rows[1]?.cells).toEqual(['Élodie Dupré', 'Zürich']);
  });

  it('falls back to Windows-1252 for late invalid bytes', async () => {
    const valid = 'Customer,Amount\n' + 'Acme,1.00\n'.repeat(200);
    const content = Buffer.concat([Buffer.from(valid), iconv.encode('Crédit,2.00\n', 'win1252')]);
    const path = writeCsv(content);
    const inspection = await inspectCsvFile(path, { sampleBytes: 64 });

    expect(inspection.truncated).toBe(true);
    expect(inspection.encoding).toBe('windows-1252');
    const { rows } = await readAll(path, inspection);
    expect(rows.at(-1)?.cells).toEqual(['Crédit', '2.00']);
  });

  it('keeps UTF-8 split across read chunks', async () => {
    const row = 'Dupré,Müller,€5.00\n';
    const content = 'Name,City,Amount\n' + row.repeat(Math.ceil((3 * 1024 * 1024) / row.length));
    const path = writeCsv(content);
    const inspection = await inspectCsvFile(path);
    expect(inspection.encoding).toBe('utf-8');

    const { rows } = await readAll(path, inspection);
    const damaged = rows.filter(
      (parsed) => parsed.line > 1 && parsed.cells.join(',') !== row.trim(),
    );
    expect(damaged).toEqual([]);
  });

  it('decodes UTF-16 with BOM', async () => {
    const text = 'Customer\tAmount\r\nSociété\t1,00\r\n';
    const littleBytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
    const little = await load(littleBytes);
    expect(little.inspection.encoding).toBe('utf-16le');
    expect(little.inspection.bom).toBe(true);
    expect(little.inspection.delimiter).toBe('\t');
    expect(little.rows[1]?.cells).toEqual(['Société', '1,00']);

    const bigBytes = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]);
    const big = await load(bigBytes);
    expect(big.inspection.encoding).toBe('utf-16be');
    expect(big.rows[0]?.cells).toEqual(['Customer', 'Amount']);
    expect(big.rows[1]?.cells).toEqual(['Société', '1,00']);
  });

  it('finds a BOM with a tiny sample', async () => {
    const path = writeCsv('\ufeffa;b\n1;2\n');
    const inspection = await inspectCsvFile(path, { sampleBytes: 1 });
    expect(inspection.bom).toBe(true);
    expect(inspection.encoding).toBe('utf-8');

    const { rows } = await readAll(path, inspection);
    expect(rows[0]?.cells).toEqual(['a;b']);
    expect(rows[1]).toEqual({ line: 2, cells: ['1;2'] });
  });

  it('detects tab delimiters', async () => {
    const { inspection, rows } = await load('Date\tInvoice\tAmount\n2026-01-05\tINV-1\t1,000.00\n');
    expect(inspection.delimiter).toBe('\t');
    expect(rows[1]?.cells).toEqual(['2026-01-05', 'INV-1', '1,000.00']);
  });

  it('detects pipe delimiters', async () => {
    const { inspection, rows } = await load('Date|Invoice|Amount\n2026-01-05|INV-1|1,000.00\n');
    expect(inspection.delimiter).toBe('|');
    expect(rows[1]?.cells).toEqual(['2026-01-05', 'INV-1', '1,000.00']);
  });

  it('detects semicolons despite decimal commas', async () => {
    const { inspection } = await load('Date;Amount\n2026-01-05;1,50\n2026-01-06;2,50\n');
    expect(inspection.delimiter).toBe(';');
  });

  it('ignores delimiters inside quotes', async () => {
    const text = 'Customer,Amount\n"Acme; Inc",1.00\n"Globex; Ltd",2.00\n"Initech; SA",3.00\n';
    const { inspection, rows } = await load(text);
    expect(inspection.delimiter).toBe(',');
    expect(rows[1]?.cells).toEqual(['Acme; Inc', '1.00']);
  });

  it('defaults to comma for one column', async () => {
    const { inspection, rows } = await load('Amount\n1.00\n2.00\n');
    expect(inspection.delimiter).toBe(',');
    expect(rows.map((row) => row.cells)).toEqual([['Amount'], ['1.00'], ['2.00']]);
  });

  it('numbers CRLF lines', async () => {
    const { inspection, rows } = await load('a,b\r\n1,2\r\n3,4\r\n');
    expect(inspection.lineEnding).toBe('\r\n');
    expect(rows.map((row) => row.line)).toEqual([1, 2, 3]);
    expect(rows[2]?.cells).toEqual(['3', '4']);
  });

  it('numbers LF lines', async () => {
    const { inspection, rows } = await load('a,b\n1,2\n3,4\n');
    expect(inspection.lineEnding).toBe('\n');
    expect(rows.map((row) => row.line)).toEqual([1, 2, 3]);
  });

  it('numbers CR lines', async () => {
    const { inspection, rows } = await load('a,b\r1,2\r3,4\r');
    expect(inspection.lineEnding).toBe('\r');
    expect(rows.map((row) => row.line)).toEqual([1, 2, 3]);
    expect(rows[2]?.cells).toEqual(['3', '4']);
  });

  it('numbers mixed line endings', async () => {
    const { rows } = await load('a,b\r\n1,2\n3,4\r5,6\r\n');
    expect(rows.map((row) => row.line)).toEqual([1, 2, 3, 4]);
    expect(rows.map((row) => row.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('reads a last line without newline', async () => {
    const { rows } = await load('a,b\n1,2\n3,4');
    expect(rows.at(-1)).toEqual({ line: 3, cells: ['3', '4'] });
  });

  it('skips blank rows but counts their lines', async () => {
    const { rows } = await load('\n\na,b\n\n1,2\n , \n;\n3,4\n\n');
    expect(rows).toEqual([
      { line: 3, cells: ['a', 'b'] },
      { line: 5, cells: ['1', '2'] },
      { line: 7, cells: [';'] },
      { line: 8, cells: ['3', '4'] },
    ]);
  });

  it('trims cells including no-break spaces', async () => {
    const { rows } = await load('a,b,c\n  x ,\u00a0y\u00a0,"  z  "\n\tq\t,\u202fr,s\n');
    expect(rows[1]?.cells).toEqual(['x', 'y', 'z']);
    expect(rows[2]?.cells).toEqual(['q', 'r', 's']);
  });

  it('keeps commas inside quoted cells', async () => {
    const { rows } = await load('Customer,Amount\n"Acme, Inc.","1,250.00"\n"Say ""hi""",2\n');
    expect(rows[1]?.cells).toEqual(['Acme, Inc.', '1,250.00']);
    expect(rows[2]?.cells).toEqual(['Say "hi"', '2']);
  });

  it('numbers rows after embedded newlines', async () => {
    const text = 'Customer,Memo,Amount\nAcme,"first\nsecond\nthird",1.00\nGlobex,plain,2.00\n';
    const { rows } = await load(text);
    expect(rows[1]).toEqual({ line: 2, cells: ['Acme', 'first\nsecond\nthird', '1.00'] });
    expect(rows[2]).toEqual({ line: 5, cells: ['Globex', 'plain', '2.00'] });
  });

  it('numbers rows after embedded CRLF', async () => {
    const text = 'Customer,Memo,Amount\r\nAcme,"first\r\nsecond",1.00\r\nGlobex,plain,2.00\r\n';
    const { rows } = await load(text);
    expect(rows[1]).toEqual({ line: 2, cells: ['Acme', 'first\r\nsecond', '1.00'] });
    expect(rows[2]).toEqual({ line: 4, cells: ['Globex', 'plain', '2.00'] });
  });

  it('keeps stray quotes inside cells', async () => {
    const { rows } = await load('Customer,Size\nAcme,12" pipe\n"Globex" Ltd,3\n');
    expect(rows[1]?.cells).toEqual(['Acme', '12" pipe']);
    expect(rows[2]?.cells).toEqual(['"Globex" Ltd', '3']);
  });

  it('rejects an unclosed quote naming its line', async () => {
    const text = 'Customer,Amount\nAcme,1.00\n"Globex,2.00\nInitech,3.00\n';
    const path = writeCsv(text);
    await expect(inspectCsvFile(path)).rejects.toThrow(
      /record starting on line 3 has a quoted cell that is never closed\. Add the missing/,
    );

    const inspection = await inspectCsvFile(path, { sampleBytes: 20 });
    const rows: CsvRow[] = [];
    const reading = readCsvRows(path, inspection, (row) => rows.push(row));
    await expect(reading).rejects.toThrow(/line 3 has a quoted cell that is never closed/);
    await expect(reading).rejects.toThrow(path);
    expect(rows.map((row) => row.line)).toEqual([1, 2]);
  });

  it('rejects an unclosed quote after embedded newlines', async () => {
    const text = 'a,b\r\n"x\r\ny",1\r\nc,2\r\nd,"oops\r\ne,3\r\n';
    const path = writeCsv(text);
    await expect(inspectCsvFile(path)).rejects.toThrow(/line 5 has a quoted cell/);
  });

  it('bounds a runaway quoted cell', async () => {
    const text = 'a,b\n1,"never closed\n' + 'filler,row\n'.repeat(120_000);
    const path = writeCsv(text);
    const inspection = await inspectCsvFile(path, { sampleBytes: 8 });
    const reading = readCsvRows(path, inspection, () => {});
    await expect(reading).rejects.toThrow(/record starting on line 2 is longer than 1048576 bytes/);
  });

  it('hashes the whole file', async () => {
    const content = iconv.encode('Name,Amount\nCafé,1.00\n'.repeat(5000), 'win1252');
    const path = writeCsv(content);
    const inspection = await inspectCsvFile(path, { sampleBytes: 100 });
    expect(inspection.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect(inspection.sizeBytes).toBe(content.length);
  });

  it('streams every row past the sample', async () => {
    const lines = ['Invoice,Amount'];
    for (let index = 1; index <= 5000; index += 1) lines.push(`INV-${index},${index}.00`);
    const path = writeCsv(lines.join('\n') + '\n');
    const inspection = await inspectCsvFile(path, { sampleBytes: 1000 });

    expect(inspection.truncated).toBe(true);
    expect(inspection.rows.length).toBeGreaterThan(10);
    expect(inspection.rows.length).toBeLessThan(100);
    const lastInvoice = inspection.rows.length - 1;
    expect(inspection.rows.at(-1)?.cells).toEqual([`INV-${lastInvoice}`, `${lastInvoice}.00`]);

    const { rows, rowCount } = await readAll(path, inspection);
    expect(rowCount).toBe(5001);
    expect(rows.at(-1)).toEqual({ line: 5001, cells: ['INV-5000', '5000.00'] });
    expect(rows.slice(0, inspection.rows.length)).toEqual(inspection.rows);
  });

  it('keeps a sample cut inside quotes', async () => {
    const text = 'Customer,Memo\nAcme,"line one\nline two"\nGlobex,x\n';
    const path = writeCsv(text);
    const inspection = await inspectCsvFile(path, { sampleBytes: 30 });
    expect(inspection.truncated).toBe(true);
    expect(inspection.rows).toEqual([{ line: 1, cells: ['Customer', 'Memo'] }]);
  });

  it('reads an empty file', async () => {
    const { inspection, rows } = await load('');
    expect(inspection.sizeBytes).toBe(0);
    expect(inspection.delimiter).toBe(',');
    expect(inspection.lineEnding).toBe('\n');
    expect(rows).toEqual([]);
  });

  it('reports progress up to the file size', async () => {
    const content = '\ufeffa,b\n' + '1,2\n'.repeat(1000);
    const path = writeCsv(content);
    const inspection = await inspectCsvFile(path);
    const progress: number[] = [];
    await readCsvRows(path, inspection, () => {}, { onProgress: (bytes) => progress.push(bytes) });
    expect(progress.at(-1)).toBe(inspection.sizeBytes);
  });

  it('stops when the signal aborts', async () => {
    const path = writeCsv('a,b\n' + '1,2\n'.repeat(500_000));
    const inspection = await inspectCsvFile(path, { sampleBytes: 100 });
    const controller = new AbortController();
    let seen = 0;
    const reading = readCsvRows(
      path,
      inspection,
      () => {
        seen += 1;
        if (seen === 10) controller.abort();
      },
      { signal: controller.signal },
    );
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toBe(10);
  });

  it('rejects an already aborted signal', async () => {
    const path = writeCsv('a,b\n1,2\n');
    const inspection = await inspectCsvFile(path);
    const rows: CsvRow[] = [];
    const reading = readCsvRows(path, inspection, (row) => rows.push(row), {
      signal: AbortSignal.abort(),
    });
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(rows).toEqual([]);
  });

  it('rejects with the error onRow throws', async () => {
    const path = writeCsv('a,b\n' + '1,2\n'.repeat(1000));
    const inspection = await inspectCsvFile(path);
    let calls = 0;
    const failure = new Error('ledger is full');
    const reading = readCsvRows(path, inspection, () => {
      calls += 1;
      if (calls === 3) throw failure;
    });
    await expect(reading).rejects.toBe(failure);
    expect(calls).toBe(3);
  });

  it('rejects a missing file', async () => {
    await expect(inspectCsvFile(join(directory, 'missing.csv'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
