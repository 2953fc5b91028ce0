import { afterEach, describe, expect, it } from 'vitest';

import { saveSmtpSettings } from '../../electron/collections/smtp-store.ts';
import { importFile } from '../../electron/import/import-file.ts';
import { startLedgerWorker, type LedgerWorker } from '../../electron/ipc/ledger-worker-client.ts';
import { openLedger } from '../../electron/ledger/database.ts';
import { addDays, localToday } from '../../shared/calendar-date.ts';
import { startSmtpRecorder, type SmtpRecorder } from '../support/smtp-recorder.ts';
import { useTempFolder } from '../support/temp-ledger.ts';

const temp = useTempFolder();
const open: { worker?: LedgerWorker; smtp?: SmtpRecorder } = {};
afterEach(async () => {
  await open.worker?.close();
  await open.smtp?.close();
});

describe('the ledger worker with reminders on', () => {
  it('runs a pass at start-up and sends through the ledger’s SMTP server', async () => {
    const { db, path } = temp.ledger();
    // Due ten days ago: past the unscored ladder's friendly stage (+5), short of the firm one.
    const due = addDays(localToday(), -10);
    const file = temp.file(
      'invoices.csv',
      `Date,Due date,Invoice,Customer,Amount\n${addDays(due, -30)},${due},A-1,acme,400.00\n`,
    );
    expect((await importFile(db, file, { currency: 'USD' })).status).toBe('imported');
    db.prepare(`UPDATE clients SET email = 'ap@acme.test'`).run();
    open.smtp = await startSmtpRecorder();
    saveSmtpSettings(db, {
      host: '127.0.0.1',
      port: open.smtp.port,
      security: 'none',
      user: '',
      fromAddress: 'ar@example.test',
      fromName: 'Example Ltd',
      replyTo: '',
    });
    db.close();

    const events: string[] = [];
    open.worker = startLedgerWorker({
      dbPath: path,
      onEvent: (name, payload) => events.push(`${name} ${JSON.stringify(payload)}`),
      reminders: true,
    });
    await open.worker.ready;
    await expect.poll(() => open.smtp?.mails.length, { timeout: 20_000 }).toBe(1);
    expect(open.smtp.mails[0]?.subject).toBe('Payment reminder from Example Ltd');
    await expect.poll(() => events).toContain('ledger/changed {"reason":"reminders"}');
    await open.worker.close();
    open.worker = undefined;

    const after = openLedger(path, { readOnly: true });
    const statuses = after.prepare('SELECT stage_id, status FROM reminders ORDER BY id').all();
    after.close();
    expect(statuses).toEqual([
      { stage_id: 'courtesy', status: 'superseded' },
      { stage_id: 'friendly', status: 'sent' },
    ]);
  });
});
