import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/**
 * Reading PDFs back needs poppler-utils. CI installs it, so a missing tool fails the tests
 * there. Elsewhere the tests that need it skip.
 */
export const skipPdfReading =
  spawnSync('pdftotext', ['-v']).error !== undefined && !process.env['CI'];

const imageDir = fileURLToPath(new URL('../../test-artifacts/reports/', import.meta.url));

/** Reads the PDF's text as poppler lays it out, one string per page. */
export function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  // pdftotext ends every page with a form feed, the last one included.
  return text.split('\f').slice(0, -1);
}

/**
 * Renders the PDF's first page to test-artifacts/reports/NAME.png, kept after the run so a
 * person can look at the layout, and returns the image's path.
 */
export function firstPageImage(file: string, name: string): string {
  mkdirSync(imageDir, { recursive: true });
  const stem = `${imageDir}${name}`;
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, stem]);
  return `${stem}.png`;
}

/**
 * Checks that a page image made by `firstPageImage` is A4 upright: 595 by 842 points, which
 * poppler renders at 60 dpi as 702 pixels high and 496 or 497 wide, by its rounding.
 */
export function expectA4Portrait(image: string): void {
  const bytes = readFileSync(image);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect(height).toBe(702);
  expect([496, 497]).toContain(width);
}
