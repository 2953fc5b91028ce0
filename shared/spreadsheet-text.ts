/**
 * Text cells that a spreadsheet would read as a formula (`=HYPERLINK(...)`, `@SUM(...)`,
 * `+1`, `-1+1`, or a leading tab or carriage return) can run code or leak data when a CSV
 * export is opened. Prefixing a single quote makes Excel, LibreOffice and Google Sheets show
 * the text as typed. Only text goes through this: amounts are written as plain numbers, so a
 * negative amount stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetSafeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
