import { afterEach, describe, expect, it } from 'vitest';

import { saveSmtpSettings } from '../../electron/collections/smtp-store.ts';
import { importFile } from '../../electron/import/import-file.ts';
import { startSmtpRecorder, type SmtpRecorder } from '../support/smtp-recorder.ts';
import { useTempFolder } from '../support/temp-ledger.ts';
import { cli } from '../support/cli-run.ts';

const temp = useTempFolder();
const servers: SmtpRecorder[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

describe('duedesk remind and outbox', () => {
  it('dry-runs, then queues and sends through the ledger’s SMTP server', async () => {
    const { db, path } = temp.ledger();
    const file = temp.file(
      'invoices.csv',
      'Date,Due date,Invoice,Customer,Amount\n2026-01-30,2026-03-01,A-1,acme,400.00\n',
    );
    expect((await importFile(db, file, { currency: 'USD' })).status).toBe('imported');
    db.prepare(`UPDATE clients SET email = 'ap@acme.test'`).run();
    const smtp = await startSmtpRecorder();
    servers.push(smtp);
    saveSmtpSettings(db, {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      user: '',
      fromAddress: 'ar@example.test',
      fromName: 'Example Ltd',
      replyTo: '',
    });
    db.close();

    const dry = await cli('remind', '--db', path, '--as-of', '2026-03-10', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(
      'Reminder pass as of 2026-03-10 (dry run: nothing written or sent): 1 reminder queued, ' +
        '1 invoice stage superseded.',
    );
    expect((await cli('outbox', '--db', path)).out).toBe('The outbox is empty.');
    expect(smtp.mails).toHaveLength(0);

    const real = await cli('remind', '--db', path, '--as-of', '2026-03-10');
    expect(real.code).toBe(0);
    expect(real.out).toContain(
      'Sent 1, failed 0 (retried later), cancelled 0 (paid before sending).',
    );
    expect(smtp.mails.map((mail) => [mail.to, mail.subject])).toEqual([
      [['ap@acme.test'], 'Payment reminder from Example Ltd'],
    ]);
    expect(smtp.mails[0]?.raw).toMatch(/^From: Example Ltd <ar@example\.test>\r?$/m);

    const outbox = await cli('outbox', '--db', path, '--json');
    const rows = JSON.parse(outbox.out) as { stageId: string; status: string; totals: object }[];
    expect(rows.map(({ stageId, status, totals }) => ({ stageId, status, totals }))).toEqual([
      { stageId: 'friendly', status: 'sent', totals: { USD: 40_000 } },
      // The invoice was past due at the first pass, so the courtesy stage was passed over.
      { stageId: 'courtesy', status: 'superseded', totals: {} },
    ]);
    expect((await cli('remind', '--db', path, '--as-of', '2026-03-10')).out).toContain(
      '0 reminders queued, 0 invoice stages superseded',
    );
    expect(smtp.mails).toHaveLength(1);
  });
});
