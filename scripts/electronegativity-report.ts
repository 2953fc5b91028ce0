import { parse } from 'csv-parse/sync';

/** One row of electronegativity's CSV output. */
export interface Finding {
  readonly id: string;
  readonly severity: string;
  readonly confidence: string;
  readonly file: string;
  readonly location: string;
  readonly sample: string;
  readonly description: string;
}

/**
 * Parses electronegativity's CSV output. Version 1.10.3 writes the header and the rows with
 * two unordered asynchronous writes, so the header may follow rows; it is dropped wherever
 * it is. Unfilled cells read "N/A".
 */
export function parseFindings(csv: string): Finding[] {
  const rows = parse(csv, {
    relax_column_count: true,
    // Samples are written unescaped, so a CSP such as script-src 'self' breaks strict quoting.
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
  }) as string[][];
  return rows
    .filter((row) => row[0] !== 'issue')
    .map((row) => ({
      id: row[0] ?? '',
      severity: row[1] ?? '',
      confidence: row[2] ?? '',
      file: row[3] ?? '',
      location: row[4] ?? '',
      sample: row[5] ?? '',
      description: row[6] ?? '',
    }));
}

/** Tells whether a finding fails the check: any HIGH severity, whatever its confidence. */
export function isBlocking(finding: Finding): boolean {
  return finding.severity.toUpperCase() === 'HIGH';
}

/** Formats a finding as one line for the console. */
export function formatFinding(finding: Finding): string {
  const where = finding.file === 'N/A' ? 'global' : `${finding.file}:${finding.location}`;
  return `${finding.severity} ${finding.confidence} ${finding.id} ${where} ${finding.description}`;
}
