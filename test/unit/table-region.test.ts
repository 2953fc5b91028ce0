import { describe, expect, it } from 'vitest';
import { findHeaderRow, isTotalRow } from '../../shared/import-format/table-region.ts';

function rows(...lines: string[][]): { cells: string[] }[] {
  return lines.map((cells) => ({ cells }));
}

describe('findHeaderRow', () => {
  it('finds a header on the first row', () => {
    const table = rows(
      ['Date', 'Invoice', 'Customer', 'Amount'],
      ['2026-01-05', 'INV-1', 'Acme', '100.00'],
      ['2026-01-06', 'INV-2', 'Globex', '250.00'],
    );
    expect(findHeaderRow(table)).toBe(0);
  });

  it('skips title lines above the table', () => {
    const table = rows(
      ['Acme Corporation', '', '', ''],
      ['Open Invoices Report', '', '', ''],
      ['As of Dec 31', ' 2026', '', ''],
      ['Date', 'Invoice', 'Customer', 'Amount'],
      ['2026-01-05', 'INV-1', 'Acme', '100.00'],
      ['2026-01-06', 'INV-2', 'Globex', '250.00'],
      ['2026-01-07', 'INV-3', 'Initech', '75.00'],
      ['Total', '', '', '425.00'],
    );
    expect(findHeaderRow(table)).toBe(3);
  });

  it('tolerates empty optional cells in data', () => {
    const table = rows(
      ['Report', ''],
      ['Date', 'Invoice', 'Customer', 'Amount', 'Memo', 'Terms'],
      ['2026-01-05', 'INV-1', 'Acme', '100.00', '', 'Net 30'],
      ['2026-01-06', 'INV-2', 'Globex', '250.00', 'rush', ''],
      ['2026-01-07', 'INV-3', 'Initech', '75.00', '', ''],
    );
    expect(findHeaderRow(table)).toBe(1);
  });

  it('rejects a short title above wider rows', () => {
    const table = rows(
      ['Aged Receivables', 'Acme Corp', 'As of 2026-12-31'],
      ['Date', 'Invoice', 'Customer', 'Amount'],
      ['2026-01-05', 'INV-1', 'Acme', '100.00'],
    );
    expect(findHeaderRow(table)).toBe(1);
  });

  it('accepts a header without data rows', () => {
    expect(findHeaderRow(rows(['Title'], ['Date', 'Invoice', 'Amount']))).toBe(1);
  });

  it('prefers the known-header callback', () => {
    const table = rows(
      ['Company', 'Acme'],
      ['Period', '2026'],
      ['Invoice', 'Amount'],
      ['INV-1', '10.00'],
    );
    expect(findHeaderRow(table)).toBe(0);
    expect(findHeaderRow(table, (cells) => cells.includes('Invoice'))).toBe(2);
  });

  it('falls back when the callback matches nothing', () => {
    const table = rows(['Title'], ['Date', 'Amount'], ['2026-01-05', '1.00']);
    expect(findHeaderRow(table, () => false)).toBe(1);
  });

  it('falls back to the first wide row', () => {
    const table = rows(['Title'], ['Date', 'Amount', 'Memo'], ['x', '', ''], ['y', '', '']);
    expect(findHeaderRow(table)).toBe(1);
  });

  it('returns -1 without a two-cell row', () => {
    expect(findHeaderRow([])).toBe(-1);
    expect(findHeaderRow(rows(['Only'], ['one', ''], ['column']))).toBe(-1);
  });
});

describe('isTotalRow', () => {
  it('recognises total labels', () => {
    expect(isTotalRow(['Total', '', '', '425.00'])).toBe(true);
    expect(isTotalRow(['TOTAL', '425.00'])).toBe(true);
    expect(isTotalRow(['Totals', '425.00'])).toBe(true);
    expect(isTotalRow(['Grand Total', '425.00'])).toBe(true);
    expect(isTotalRow(['grand  totals:', '425.00'])).toBe(true);
    expect(isTotalRow(['Total AR', '425.00'])).toBe(true);
    expect(isTotalRow(['Sum', '425.00'])).toBe(true);
    expect(isTotalRow(['Subtotal', '425.00'])).toBe(true);
    expect(isTotalRow(['', '', 'Total', '425.00'])).toBe(true);
    expect(isTotalRow(['  Total  ', '425.00'])).toBe(true);
  });

  it('recognises per-customer subtotals', () => {
    expect(isTotalRow(['Total Acme Corp', '', '', '425.00'])).toBe(true);
    expect(isTotalRow(['', 'Total for Globex', '', '80.00'])).toBe(true);
  });

  it('keeps customers named Total as data', () => {
    expect(isTotalRow(['Total Wine & More', 'INV-7', '2026-01-05', '100.00'])).toBe(false);
    expect(isTotalRow(['2026-01-05', 'INV-7', 'Total Wine & More', '100.00'])).toBe(false);
  });

  it('ignores words that only start like total', () => {
    expect(isTotalRow(['TotalEnergies', 'INV-8', '100.00'])).toBe(false);
    expect(isTotalRow(['Summit Ltd', 'INV-9', '100.00'])).toBe(false);
  });

  it('never compares sums', () => {
    expect(isTotalRow(['2026-01-05', 'INV-1', 'Acme', '100.00'])).toBe(false);
    expect(isTotalRow(['2026-01-06', 'INV-2', 'Globex', '100.00'])).toBe(false);
  });

  it('returns false for blank rows', () => {
    expect(isTotalRow([])).toBe(false);
    expect(isTotalRow(['', ''])).toBe(false);
  });
});
