import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/**
 * Reads a report CSV as a checker would: the byte-order mark must be there, then RFC 4180
 * records keyed by the header row.
 */
export function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(file, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return parse(text.slice(1), { columns: true }) as Record<string, string>[];
}

/** Collapses the runs of spaces that `pdftotext -layout` puts between columns. */
export function squeeze(text: string): string {
  return text.replace(/[ \t]+/g, ' ');
}

/** Joins `pdftotext -layout` text into one line, so that wrapped prose can be matched. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}
