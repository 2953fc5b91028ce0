import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { log } from '../log.ts';

const lastLedgerSchema = z.object({ path: z.string().min(1) });

/** The ledger the desktop app opens when the user has never opened another one. */
export function defaultLedgerPath(userData: string): string {
  return join(userData, 'ledger.sqlite');
}

function lastLedgerFile(userData: string): string {
  return join(userData, 'last-ledger.json');
}

/**
 * Returns the ledger to open at start-up: the one the user opened last, while it still
 * exists, otherwise the default ledger in `userData`. A missing or unreadable record of the
 * last ledger is not an error, because the default ledger is always a valid choice.
 */
export async function startupLedgerPath(userData: string): Promise<string> {
  const fallback = defaultLedgerPath(userData);
  let text: string;
  try {
    text = await readFile(lastLedgerFile(userData), 'utf8');
  } catch {
    return fallback;
  }
  let remembered: string;
  try {
    remembered = lastLedgerSchema.parse(JSON.parse(text)).path;
  } catch (error) {
    log.warn(`[ledger-choice] ignoring invalid ${lastLedgerFile(userData)}`, error);
    return fallback;
  }
  if (!isAbsolute(remembered) || !existsSync(remembered)) {
    log.warn(`[ledger-choice] last ledger ${remembered} is missing; opening ${fallback}`);
    return fallback;
  }
  return remembered;
}

/** Records `ledgerPath` as the ledger to reopen next time; the write is atomic. */
export async function rememberLedgerPath(userData: string, ledgerPath: string): Promise<void> {
  const target = lastLedgerFile(userData);
  const partial = `${target}.partial`;
  await writeFile(partial, `${JSON.stringify({ path: ledgerPath }, null, 2)}\n`, 'utf8');
  await rename(partial, target);
}
