import type { Ledger } from '../ledger/database.ts';
import { readSettings } from '../ledger/settings-store.ts';

/**
 * Returns a note for documents sent to clients when the ledger lacks the company's name or
 * address, which their letterhead prints, or null when both are set.
 */
export function missingCompanyNote(db: Ledger): string | null {
  const { company } = readSettings(db);
  if (company.name.trim() !== '' && company.address.trim() !== '') return null;
  return (
    "Note: the company's name or address is not set, so the letterhead lacks it. " +
    'Set them on the Settings page.'
  );
}
