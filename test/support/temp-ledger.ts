import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openLedger, type Ledger } from '../../electron/ledger/database.ts';

/** A scratch folder per test, removed afterwards, with helpers for ledgers and files. */
export function useTempFolder() {
  const folders: string[] = [];
  const ledgers: Ledger[] = [];
  afterEach(() => {
    for (const db of ledgers.splice(0)) if (db.open) db.close();
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  const folder = () => {
    const created = mkdtempSync(join(tmpdir(), 'duedesk-test-'));
    folders.push(created);
    return created;
  };
  return {
    folder,
    /** Opens a fresh ledger file in its own folder. */
    ledger(): { db: Ledger; path: string; dir: string } {
      const dir = folder();
      const path = join(dir, 'ledger.sqlite');
      const db = openLedger(path);
      ledgers.push(db);
      return { db, path, dir };
    },
    /** Writes `content` (text as UTF-8, or raw bytes) to a new file and returns its path. */
    file(name: string, content: string | Uint8Array): string {
      const path = join(folder(), name);
      writeFileSync(path, content);
      return path;
    },
  };
}
