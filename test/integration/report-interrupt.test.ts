import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openInvoicesAsOf, writeOpenInvoicesLedger } from '../bench/open-invoices-ledger.ts';
import { useTempFolder } from '../support/temp-ledger.ts';

const temp = useTempFolder();
const bin = fileURLToPath(new URL('../../bin/duedesk.js', import.meta.url));

describe('interrupted report export', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'leaves no file after %s',
    async (signal) => {
      const folder = temp.folder();
      const db = join(folder, 'open.sqlite');
      writeOpenInvoicesLedger(db, 250_000);
      const out = join(folder, 'detail.csv');
      const child = spawn(process.execPath, [
        bin,
        'report',
        'aging-detail',
        '--db',
        db,
        '--as-of',
        openInvoicesAsOf,
        '--out',
        out,
      ]);
      // Stopped once the first progress line shows the export is under way.
      child.stderr.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('100,000 rows written')) child.kill(signal);
      });
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
      // Neither the report nor its temporary file: only the ledger and its WAL files.
      expect(readdirSync(folder).filter((name) => !name.startsWith('open.sqlite'))).toEqual([]);
    },
    60_000,
  );
});
