/**
 * Turns report cells into text: plain values for CSV, formatted values for people (the PDF
 * and the preview). Both read the same typed cells, so a figure cannot differ between them.
 */

import { formatDecimal, formatMoney } from '../money.ts';
import { spreadsheetSafeText } from '../spreadsheet-text.ts';
import type { ReportCell, ReportColumn, ReportRow } from './report-document.ts';

/** Returns the currency of a money cell: the column's own, else the row's `currency` cell. */
export function cellCurrency(column: ReportColumn, row: ReportRow): string {
  const currency = column.currency ?? row['currency'];
  if (typeof currency !== 'string' || currency === '') {
    throw new RangeError(
      `The money column "${column.key}" has no currency: give the column a currency or the ` +
        'row a currency cell.',
    );
  }
  return currency;
}

/**
 * Formats a cell as CSV text. Money is a plain decimal (`-15.00`), so a spreadsheet reads it
 * as a number, negative amounts included. Text that a spreadsheet would run as a formula is
 * written so that it shows as typed.
 */
export function csvCell(column: ReportColumn, row: ReportRow): string {
  const value = row[column.key] ?? null;
  if (value === null) return '';
  switch (column.kind) {
    case 'money':
      return formatDecimal(numberCell(column, value), cellCurrency(column, row));
    case 'count':
    case 'days':
    case 'percent':
      return String(numberCell(column, value));
    case 'decimal':
      return typeof value === 'string' && DECIMAL_TEXT.test(value)
        ? value
        : String(numberCell(column, value));
    case 'date':
      return String(value);
    case 'text':
      return spreadsheetSafeText(String(value));
  }
}

/** A plain decimal such as `-761.90`: a decimal cell may hold one to keep its trailing zeros. */
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/** Formats a cell for people: money in its currency's format, percentages with a sign. */
export function displayCell(column: ReportColumn, row: ReportRow): string {
  const value = row[column.key] ?? null;
  if (value === null) return '';
  switch (column.kind) {
    case 'money':
      return formatMoney(numberCell(column, value), cellCurrency(column, row));
    case 'count':
    case 'days':
      return numberCell(column, value).toLocaleString('en-US');
    case 'percent':
      return `${numberCell(column, value).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
    case 'decimal': {
      const number = typeof value === 'string' && DECIMAL_TEXT.test(value) ? Number(value) : value;
      return numberCell(column, number).toLocaleString('en-US', { maximumFractionDigits: 2 });
    }
    case 'date':
    case 'text':
      return String(value);
  }
}

/**
 * Tells whether a column is right-aligned: numbers, and text columns of formatted figures
 * marked `align: 'right'`. Other text and dates are left-aligned.
 */
export function isRightAligned(column: ReportColumn): boolean {
  return column.align === 'right' || (column.kind !== 'text' && column.kind !== 'date');
}

function numberCell(column: ReportColumn, value: ReportCell): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(
      `Invalid value ${JSON.stringify(value)} in the ${column.kind} column "${column.key}": ` +
        'expected a number.',
    );
  }
  return value;
}
