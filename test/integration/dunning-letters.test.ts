import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import {
  defaultDunningConfig,
  saveDunningConfig,
} from '../../electron/collections/dunning-store.ts';
import { runReminderPass } from '../../electron/collections/reminder-pass.ts';
import { runCli } from '../../electron/cli/main.ts';
import { importFile } from '../../electron/import/import-file.ts';
import { openLedger, type Ledger } from '../../electron/ledger/database.ts';
import { updateSettings } from '../../electron/ledger/settings-store.ts';
import { writeDunningLetter } from '../../electron/letters/dunning-letter.ts';
import { printLetterBatch } from '../../electron/letters/letter-batch.ts';
import type { DunningStage } from '../../shared/dunning/dunning-ladder.ts';
import { useTempFolder } from '../support/temp-ledger.ts';

const temp = useTempFolder();

// Reading the PDF back needs poppler-utils; CI installs it, so there a missing tool fails.
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
const skipPdfReading = !hasPdftotext && !process.env.CI;

const company = {
  name: 'Duedesk Démo Ltd',
  address: "12 Rue de l'Église\n75001 Paris",
  email: 'accounts@demo.test',
  phone: '+33 1 23 45 67 89',
};

const letterStage: DunningStage = {
  id: 'final-notice',
  name: 'Final notice',
  offsetDays: 30,
  channel: 'letter',
  templateId: 'final-notice',
  fee: null,
  automatic: false,
};

interface Client {
  readonly code: string;
  readonly name: string;
  readonly address: string;
}

/** Invoices dated 2026-01-01 and due 2026-01-31, each [number, amount, currency]. */
type InvoiceRow = readonly [string, string, string];

/**
 * Creates a ledger whose clients each owe `invoices`, with a letter stage 30 days after the due
 * date and one reminder pass on 2026-03-10, which leaves one letter per client in review.
 */
async function ledgerWithLetters(
  clients: readonly { client: Client; invoices: readonly InvoiceRow[] }[],
): Promise<{ db: Ledger; dir: string }> {
  const { db, dir } = temp.ledger();
  const rows = clients.flatMap(({ client, invoices }) =>
    invoices.map(
      ([number, amount, currency]) =>
        `2026-01-01,2026-01-31,${number},${client.code},"${client.name}",${amount},${currency}`,
    ),
  );
  const csv = temp.file(
    'invoices.csv',
    `Date,Due date,Invoice,Customer ID,Customer,Amount,Currency\n${rows.join('\n')}\n`,
  );
  expect((await importFile(db, csv)).status).toBe('imported');
  const setAddress = db.prepare('UPDATE clients SET address = ? WHERE code = ?');
  for (const { client } of clients) setAddress.run(client.address, client.code);
  updateSettings(db, { company });
  const stages = [letterStage];
  saveDunningConfig(db, {
    ...defaultDunningConfig(),
    ladders: { low: stages, medium: stages, high: stages, unscored: stages },
  });
  const pass = runReminderPass(db, '2026-03-10', new Date('2026-03-10T08:00:00Z'));
  expect(pass.queued.map((reminder) => reminder.status)).toEqual(clients.map(() => 'review'));
  return { db, dir };
}

/** Reads the PDF's text as poppler lays it out, one string per page. */
function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
  });
  // pdftotext ends every page with a form feed, the last one included.
  return text.split('\f').slice(0, -1);
}

function reminderStates(db: Ledger) {
  return db
    .prepare(
      `SELECT r.id, c.code, r.status, r.status_reason AS reason
       FROM reminders r JOIN clients c ON c.id = r.client_id ORDER BY r.id`,
    )
    .all() as { id: number; code: string; status: string; reason: string | null }[];
}

function interactionCount(db: Ledger): number {
  return db.prepare('SELECT COUNT(*) FROM interactions').pluck().get() as number;
}

const societe: Client = {
  code: 'SGE',
  name: "Société Générale d'Électricité",
  address: 'Königstraße 5, 70173 Stuttgart, Deutschland',
};
const muller: Client = {
  code: 'MUL',
  name: 'Müller & Søn ApS',
  address: 'Åboulevard 12\n2200 København N',
};
const zofia: Client = { code: 'ZOF', name: 'Zofia Łukasiewicz', address: 'ul. Długa 3, Kraków' };

describe.skipIf(skipPdfReading)('a dunning letter', () => {
  it('shows company, client, invoices and totals', async () => {
    const { db, dir } = await ledgerWithLetters([
      {
        client: societe,
        invoices: [
          ['INV-E1', '1234.56', 'EUR'],
          ['INV-G1', '987.65', 'GBP'],
        ],
      },
    ]);
    const [reminder] = reminderStates(db);
    const out = join(dir, 'letter.pdf');
    const result = await writeDunningLetter(db, reminder!.id, { out });
    expect(result).toEqual({ kind: 'written', file: out, pages: 1 });

    const pages = pdfPages(out);
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    for (const line of [
      'Duedesk Démo Ltd',
      "12 Rue de l'Église",
      '75001 Paris',
      'accounts@demo.test',
      '+33 1 23 45 67 89',
      "Société Générale d'Électricité",
      'Königstraße 5',
      '70173 Stuttgart',
      'Final notice: overdue invoices from Duedesk Démo Ltd',
      "Dear Société Générale d'Électricité,",
      'Page 1 of 1',
    ]) {
      expect(text).toContain(line);
    }
    // Dated the day the reminder was queued, as no print date was given.
    expect(text).toContain('2026-03-10');
    expect(text).toMatch(/Item\s+Due date\s+Amount due/);
    expect(text).toMatch(/Invoice INV-E1\s+2026-01-31\s+€1,234\.56/);
    expect(text).toMatch(/Invoice INV-G1\s+2026-01-31\s+£987\.65/);
    expect(text).toMatch(/Total due in EUR\s+€1,234\.56/);
    expect(text).toMatch(/Total due in GBP\s+£987\.65/);
    expect(text).toContain('Total due: €1,234.56 and £987.65');
    expect(text).toMatch(/You can pay by \w/);
    // Writing a letter on its own records nothing.
    expect(reminderStates(db).map((row) => row.status)).toEqual(['review']);
    expect(interactionCount(db)).toBe(0);
  });

  it('repeats the table header on each page', async () => {
    const invoices: InvoiceRow[] = Array.from({ length: 60 }, (_, index) => [
      `LONG-${String(index + 1).padStart(3, '0')}`,
      `${100 + index}.25`,
      'EUR',
    ]);
    const { db, dir } = await ledgerWithLetters([{ client: zofia, invoices }]);
    const [reminder] = reminderStates(db);
    const out = join(dir, 'long.pdf');
    const result = await writeDunningLetter(db, reminder!.id, { out, date: '2026-03-12' });
    expect(result.kind).toBe('written');

    const pages = pdfPages(out);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(result).toMatchObject({ pages: pages.length });
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      if (index > 0) expect(page).toContain('Zofia Łukasiewicz, 2026-03-12 (continued)');
    });
    // Every page the table reaches starts it with the header, and it reaches more than one.
    const tablePages = pages.filter((page) => /Invoice LONG-/.test(page));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const page of tablePages) {
      expect(page).toMatch(/Item\s+Due date\s+Amount due\s+Invoice LONG-/);
    }
    const all = pages.join('\n');
    expect(all).toContain('2026-03-12');
    for (const [number, amount] of [
      ['LONG-001', '€100.25'],
      ['LONG-030', '€129.25'],
      ['LONG-060', '€159.25'],
    ]) {
      expect(all).toMatch(new RegExp(`Invoice ${number}\\s+2026-01-31\\s+${amount}`));
    }
    expect(all.match(/Invoice LONG-\d{3}/g)).toHaveLength(60);
    // 60 × 100.25 + (0 + 1 + … + 59) = 6,015.00 + 1,770.00
    expect(all).toMatch(/Total due in EUR\s+€7,785\.00/);
  });
});

describe.skipIf(skipPdfReading)('a batch of letters', () => {
  it('prints three letters and marks them sent', async () => {
    const { db, dir } = await ledgerWithLetters([
      { client: societe, invoices: [['S-1', '500.00', 'EUR']] },
      {
        client: muller,
        invoices: [
          ['M-1', '1000.00', 'EUR'],
          ['M-2', '250.50', 'EUR'],
        ],
      },
      { client: zofia, invoices: [['Z-1', '75.00', 'GBP']] },
    ]);
    const out = join(dir, 'batch.pdf');
    const result = await printLetterBatch(db, {
      asOf: '2026-03-11',
      out,
      now: new Date('2026-03-11T09:00:00Z'),
    });
    expect(result).toMatchObject({
      file: out,
      printed: 3,
      cancelled: 0,
      skipped: 0,
      changedMeanwhile: 0,
      dryRun: false,
    });
    const pages = pdfPages(out);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(result.pages).toBe(pages.length);
    for (const [index, client] of [societe, muller, zofia].entries()) {
      const letter = result.letters[index]!;
      expect(letter.clientCode).toBe(client.code);
      const first = pages[letter.firstPage - 1]!;
      expect(first).toContain(`Dear ${client.name},`);
      expect(first).toContain(`Page 1 of ${letter.pages}`);
      expect(first).toContain('2026-03-11');
    }
    const mullerPage = pages[result.letters[1]!.firstPage - 1]!;
    expect(mullerPage).toContain('Åboulevard 12');
    expect(mullerPage).toContain('2200 København N');
    expect(mullerPage).toMatch(/Total due in EUR\s+€1,250\.50/);
    expect(pages[result.letters[2]!.firstPage - 1]).toMatch(/Total due in GBP\s+£75\.00/);

    expect(reminderStates(db).map((row) => row.status)).toEqual(['sent', 'sent', 'sent']);
    const logged = db
      .prepare(
        `SELECT c.code, i.kind, i.direction, i.occurred_on AS day, i.automated, i.minutes,
                i.reminder_id AS reminderId
         FROM interactions i JOIN clients c ON c.id = i.client_id ORDER BY i.id`,
      )
      .all();
    expect(logged).toEqual(
      result.letters.map((letter) => ({
        code: letter.clientCode,
        kind: 'letter',
        direction: 'outbound',
        day: '2026-03-11',
        automated: 0,
        minutes: null,
        reminderId: letter.reminderId,
      })),
    );

    // Printed letters are no longer waiting: a second batch has nothing to print.
    const again = await printLetterBatch(db, { asOf: '2026-03-11', out: join(dir, 'again.pdf') });
    expect(again).toMatchObject({ file: null, printed: 0, pages: 0 });
    expect(existsSync(join(dir, 'again.pdf'))).toBe(false);
    expect(interactionCount(db)).toBe(3);
  });

  it('cancels a fully paid letter', async () => {
    const { db, dir } = await ledgerWithLetters([
      { client: societe, invoices: [['S-1', '500.00', 'EUR']] },
      { client: muller, invoices: [['M-1', '1000.00', 'EUR']] },
    ]);
    const payments = temp.file(
      'payments.csv',
      'Date,Customer ID,Invoice,Amount,Currency\n2026-03-11,MUL,M-1,1000.00,EUR\n',
    );
    expect((await importFile(db, payments, { kind: 'payments' })).status).toBe('imported');

    const out = join(dir, 'batch.pdf');
    const result = await printLetterBatch(db, { asOf: '2026-03-12', out });
    expect(result).toMatchObject({ printed: 1, cancelled: 1, pages: 1 });
    const text = pdfPages(out).join('\n');
    expect(text).toContain(societe.name);
    expect(text).not.toContain('Müller');
    expect(text).not.toContain('M-1');
    expect(reminderStates(db)).toEqual([
      expect.objectContaining({ code: 'SGE', status: 'sent', reason: null }),
      expect.objectContaining({
        code: 'MUL',
        status: 'cancelled',
        reason: 'paid before it was printed',
      }),
    ]);
    expect(interactionCount(db)).toBe(1);
  });

  it('records nothing on a dry run', async () => {
    const { db, dir } = await ledgerWithLetters([
      { client: societe, invoices: [['S-1', '500.00', 'EUR']] },
    ]);
    const out = join(dir, 'dry.pdf');
    const result = await printLetterBatch(db, { asOf: '2026-03-11', out, dryRun: true });
    expect(result).toMatchObject({ printed: 1, dryRun: true, file: out });
    expect(pdfPages(out)[0]).toMatch(/Invoice S-1\s+2026-01-31\s+€500\.00/);
    expect(reminderStates(db).map((row) => row.status)).toEqual(['review']);
    expect(interactionCount(db)).toBe(0);
  });

  it('prints letters from the command line', async () => {
    const { db, dir } = await ledgerWithLetters([
      { client: societe, invoices: [['S-1', '500.00', 'EUR']] },
      { client: zofia, invoices: [['Z-1', '75.00', 'GBP']] },
    ]);
    const ledgerPath = db.name;
    db.close();
    const out = join(dir, 'cli.pdf');
    const output: string[] = [];
    const io = {
      out: (text: string) => output.push(text),
      err: (text: string) => output.push(text),
    };
    const args = ['letters', '--db', ledgerPath, '--as-of', '2026-03-11', '--out', out];

    expect(await runCli([...args, '--dry-run'], io)).toBe(0);
    expect(output.join('\n')).toContain('Would mark 2 letters sent');
    expect(pdfPages(out).join('\n')).toContain('Zofia Łukasiewicz');

    output.length = 0;
    expect(await runCli(args, io)).toBe(0);
    expect(output.join('\n')).toContain(`Printed 2 letters on 2 pages to ${out}`);
    expect(output.join('\n')).toContain('marked them sent');
    const reopened = openLedger(ledgerPath, { readOnly: true });
    try {
      expect(reminderStates(reopened).map((row) => row.status)).toEqual(['sent', 'sent']);
    } finally {
      reopened.close();
    }
  });
});

describe('a batch that cannot be written', () => {
  it('leaves no file and no change', async () => {
    const { db, dir } = await ledgerWithLetters([
      { client: societe, invoices: [['S-1', '500.00', 'EUR']] },
      { client: muller, invoices: [['M-1', '1000.00', 'EUR']] },
    ]);
    const payments = temp.file(
      'payments.csv',
      'Date,Customer ID,Invoice,Amount,Currency\n2026-03-11,MUL,M-1,1000.00,EUR\n',
    );
    expect((await importFile(db, payments, { kind: 'payments' })).status).toBe('imported');
    const before = reminderStates(db);
    const audit = db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get();

    const out = join(dir, 'missing-folder', 'letters.pdf');
    await expect(printLetterBatch(db, { asOf: '2026-03-12', out })).rejects.toThrow(/ENOENT/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes('.partial'))).toEqual([]);
    // The paid letter is not cancelled either: the batch records all of it or nothing.
    expect(reminderStates(db)).toEqual(before);
    expect(before.map((row) => row.status)).toEqual(['review', 'review']);
    expect(interactionCount(db)).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(audit);
  });
});
