import { initialSchema } from './0001-initial.ts';
import { termsAndChargesSchema } from './0002-terms-and-charges.ts';
import { collectionsSchema } from './0003-collections.ts';
import { reminderEditsSchema } from './0004-reminder-edits.ts';

export interface Migration {
  /** Consecutive from 1; stored in SQLite's `user_version` once applied. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial ledger', sql: initialSchema },
  { version: 2, name: 'payment terms, charges and risk assessments', sql: termsAndChargesSchema },
  { version: 3, name: 'reminders, holds, interactions and promises', sql: collectionsSchema },
  { version: 4, name: 'reminder edits', sql: reminderEditsSchema },
];
