import { afterEach, describe, expect, it } from 'vitest';

import {
  defaultDunningConfig,
  readDunningConfig,
} from '../../electron/collections/dunning-store.ts';
import { runReminderPass } from '../../electron/collections/reminder-pass.ts';
import { dispatchIpc } from '../../electron/ipc/dispatch.ts';
import { importFile } from '../../electron/import/import-file.ts';
import { openLedger, type Ledger } from '../../electron/ledger/database.ts';
import type { SmtpSettings } from '../../shared/mail/smtp-settings.ts';
import { handlersFor } from '../support/ledger-handlers.ts';
import { startSmtpRecorder, type SmtpRecorder } from '../support/smtp-recorder.ts';
import { useTempFolder } from '../support/temp-ledger.ts';

const temp = useTempFolder();
const servers: SmtpRecorder[] = [];
const readers: Ledger[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  for (const reader of readers.splice(0)) reader.close();
});

async function recorder(): Promise<SmtpRecorder> {
  const server = await startSmtpRecorder();
  servers.push(server);
  return server;
}

/** Returns a port on 127.0.0.1 that nothing listens on any more. */
async function closedPort(): Promise<number> {
  const server = await startSmtpRecorder();
  await server.close();
  return server.port;
}

function smtpTo(port: number): SmtpSettings {
  return {
    host: '127.0.0.1',
    port,
    security: 'none',
    user: '',
    fromAddress: 'accounts@example.test',
    fromName: 'Example Accounts',
    replyTo: '',
  };
}

/** Builds the IPC handlers over a fresh ledger file, as the worker mounts them. */
function handlers() {
  const { db, path } = temp.ledger();
  const reader = openLedger(path, { readOnly: true });
  readers.push(reader);
  const events: string[] = [];
  const ipc = handlersFor(db, reader, path, (name, payload) => {
    if (name === 'ledger/changed') events.push((payload as { reason: string }).reason);
  });
  const call = (channel: string, payload: unknown) => dispatchIpc(ipc, channel, payload);
  return { db, call, events };
}

describe('SMTP settings channels', () => {
  it('smtp/test sends with typed settings', async () => {
    const { db, call } = handlers();
    const smtp = await recorder();

    const result = await call('smtp/test', { settings: smtpTo(smtp.port), to: 'me@example.test' });
    expect(result).toEqual({ ok: true, value: { to: 'me@example.test' } });
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]).toMatchObject({
      to: ['me@example.test'],
      subject: 'Duedesk test message',
    });
    expect(smtp.mails[0]?.raw).toContain('From: Example Accounts <accounts@example.test>');

    const audited = db.prepare(`SELECT details FROM audit_log WHERE action = 'test'`).pluck().get();
    expect(JSON.parse(audited as string)).toEqual({
      host: '127.0.0.1',
      port: smtp.port,
      to: 'me@example.test',
    });
  });

  it('smtp/test reports a closed port', async () => {
    const { call } = handlers();
    const port = await closedPort();
    const result = await call('smtp/test', { settings: smtpTo(port), to: 'me@example.test' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'rejected',
        message:
          `Nothing accepted a connection at 127.0.0.1:${port}. ` +
          'Check the server name and port, and that the server is running.',
      },
    });
  });

  it('smtp/save rejects password without keychain', async () => {
    const { db, call } = handlers();
    const settings = smtpTo(2525);

    const refused = await call('smtp/save', { settings, password: 'hunter2-secret' });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'rejected',
        message:
          'Only the desktop app can save the SMTP password, encrypted by the system keychain. ' +
          'Here, set DUEDESK_SMTP_PASSWORD in the environment instead.',
      },
    });

    expect(await call('smtp/get', {})).toEqual({
      ok: true,
      value: { settings: null, hasPassword: false },
    });
    expect(await call('smtp/save', { settings })).toEqual({
      ok: true,
      value: { settings, hasPassword: false },
    });

    const stored = db.prepare(`SELECT value FROM settings WHERE key = 'smtp'`).pluck().get();
    const audit = db.prepare('SELECT details FROM audit_log').pluck().all();
    for (const text of [stored, ...audit]) expect(String(text)).not.toContain('hunter2');
  });
});

describe('dunning ladder channels', () => {
  it('dunning/save offset, order and defaults', async () => {
    const { db, call, events } = handlers();
    const defaults = defaultDunningConfig();
    const got = await call('dunning/get', {});
    expect(got).toMatchObject({ ok: true, value: { config: defaults, defaults } });

    const changed = structuredClone(defaults);
    changed.ladders.medium[1]!.offsetDays = 9;
    expect(await call('dunning/save', changed)).toMatchObject({ ok: true });
    expect(readDunningConfig(db).ladders.medium[1]).toMatchObject({
      id: 'friendly',
      offsetDays: 9,
    });

    const disordered = structuredClone(defaults);
    disordered.ladders.high[2]!.offsetDays = -10;
    const refused = await call('dunning/save', disordered);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(readDunningConfig(db).ladders.medium[1]?.offsetDays).toBe(9);

    expect(await call('dunning/save', defaults)).toMatchObject({ ok: true });
    expect(readDunningConfig(db)).toEqual(defaults);
    expect(events).toEqual(['dunning', 'dunning']);
  });
});

describe('outbox channels', () => {
  async function withReminder(db: Ledger) {
    const invoices = temp.file(
      'invoices.csv',
      'Date,Due date,Invoice,Customer,Amount\n2026-01-30,2026-03-01,A-1,acme,400.00\n',
    );
    expect((await importFile(db, invoices, { currency: 'USD' })).status).toBe('imported');
    db.prepare(`UPDATE clients SET email = 'acme@client.test'`).run();
    const pass = runReminderPass(db, '2026-03-08', new Date('2026-03-08T09:00:00Z'));
    return pass.queued[0]!.reminderId;
  }

  it('outbox/send-now sends edited reminder', async () => {
    const { db, call, events } = handlers();
    const reminderId = await withReminder(db);

    const edit = { reminderId, subject: 'Invoice A-1', text: 'Please pay A-1 this week.' };
    expect(await call('outbox/edit', edit)).toMatchObject({
      ok: true,
      value: { reminder: { subject: 'Invoice A-1', status: 'queued' }, delivery: null },
    });

    const waiting = await call('outbox/send-now', { reminderId });
    expect(waiting).toMatchObject({ ok: true, value: { reminder: { status: 'queued' } } });
    expect(waiting.ok).toBe(true);
    if (waiting.ok) expect(waiting.value).toMatchObject({ delivery: null });

    const smtp = await recorder();
    expect(await call('smtp/save', { settings: smtpTo(smtp.port) })).toMatchObject({ ok: true });
    const sent = await call('outbox/send-now', { reminderId });
    expect(sent).toMatchObject({
      ok: true,
      value: {
        reminder: { status: 'sent', attempts: 1 },
        delivery: { sent: [reminderId], failed: [], cancelled: [] },
      },
    });
    expect(smtp.mails.map((mail) => mail.subject)).toEqual(['Invoice A-1']);
    expect(smtp.mails[0]?.raw).toContain('Please pay A-1 this week.');
    expect(events).toContain('outbox');
  });

  it('outbox not-found and rejected errors', async () => {
    const { db, call } = handlers();
    const reminderId = await withReminder(db);

    expect(await call('outbox/approve', { reminderId: 99 })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no reminder 99.' },
    });

    const result = await call('outbox/approve', { reminderId });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'rejected',
        message:
          `Reminder ${reminderId} (Friendly reminder to acme) cannot be approved: it is queued ` +
          'to go out, and only one waiting for review can be approved.',
      },
    });

    expect(await call('outbox/skip', { reminderId, reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });
});
