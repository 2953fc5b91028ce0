/**
 * File names from client codes. The statement report, the statement batch and the dunning
 * letter all name their files after a client, so the code is made file-safe in one place.
 */

import type { IsoDate } from '../../../../shared/calendar-date.ts';

/**
 * Turns a client code into a file-name part: ASCII letters, digits and hyphens are kept,
 * accents are dropped and anything else (a slash, a space, a dot) becomes `_`. Codes are
 * unique, but two may map to one name here or differ only in case, which Windows and macOS
 * file systems treat as one name. The statement batch resolves such clashes.
 */
export function fileSafeCode(code: string): string {
  const safe = code
    // Accented letters lose their accents (é → e) rather than the whole letter.
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9-]/g, '_')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 60);
  return safe === '' ? 'client' : safe;
}

/** Returns the statement's file name without extension, such as `statement-ACME-2026-03-31`. */
export function statementFileStem(code: string, to: IsoDate): string {
  return `statement-${fileSafeCode(code)}-${to}`;
}
