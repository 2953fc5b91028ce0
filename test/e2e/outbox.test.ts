import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultDunningConfig,
  readDunningConfig,
  saveDunningConfig,
} from '../../electron/collections/dunning-store.ts';
import { runReminderPass } from '../../electron/collections/reminder-pass.ts';
import { openLedger, type Ledger } from '../../electron/ledger/database.ts';
import { startSmtpRecorder, type SmtpRecorder } from '../support/smtp-recorder.ts';
import { hasChromium, type BrowserSession } from './browser-session.ts';
import { openCsvLedgerSession, type CsvLedgerSession } from './csv-ledger-session.ts';

const editedSubject = 'Invoice A-1 from Example Ltd';
const editedText =
  'Dear Acme,\n\nInvoice A-1 for $400.00 is a week late. Could you pay it by Friday?';

// The steps build on each other: the reminder approved first is the one edited and sent.
describe.skipIf(!hasChromium).sequential('outbox, SMTP settings and dunning ladders', () => {
  let opened: CsvLedgerSession;
  let session: BrowserSession;
  let smtp: SmtpRecorder;

  /** Runs `read` on a connection of the test's own, as another process would. */
  function inLedger<T>(read: (db: Ledger) => T): T {
    const db = openLedger(opened.dbPath);
    try {
      return read(db);
    } finally {
      db.close();
    }
  }

  beforeAll(async () => {
    smtp = await startSmtpRecorder();
    opened = await openCsvLedgerSession(
      'Date,Due date,Invoice,Customer,Amount\n' +
        '2026-01-30,2026-03-01,A-1,acme,400.00\n2026-01-30,2026-03-01,B-1,bolt,250.00\n',
    );
    session = opened.session;
    inLedger((db) => {
      db.prepare(`UPDATE clients SET email = code || '@client.test'`).run();
      // Both clients are unscored; their friendly reminder waits for review.
      const config = structuredClone(defaultDunningConfig());
      config.ladders.unscored[1]!.automatic = false;
      saveDunningConfig(db, config);
      runReminderPass(db, '2026-03-08', new Date('2026-03-08T09:00:00Z'));
    });
  }, 60_000);

  afterAll(async () => {
    await opened?.close();
    await smtp?.close();
  });

  const panel = () => session.page.getByRole('region', { name: 'Friendly reminder to acme' });
  const status = (name: string) =>
    inLedger((db) =>
      db
        .prepare(
          `SELECT r.status FROM reminders r JOIN clients c ON c.id = r.client_id
           WHERE c.code = ? AND r.stage_id = 'friendly'`,
        )
        .pluck()
        .get(name),
    );

  it('lists the reminders and approves one waiting for review', async () => {
    await session.open('#/outbox');
    const page = session.page;
    await page.getByRole('radio', { name: /^Waiting for review \(2\)/ }).check();
    await expect.poll(() => page.getByRole('row').count()).toBe(3);
    const row = page.getByRole('row', { name: /acme/ });
    await expect.poll(() => row.innerText()).toContain('this stage waits for review');
    await row.getByRole('button', { name: 'Open Friendly reminder to acme' }).click();
    await expect.poll(() => panel().getByText('Invoice A-1, due 2026-03-01').count()).toBe(1);
    await panel().getByText('HTML version (source)').click();
    await expect
      .poll(() => panel().locator('.reminder-html-source').innerText())
      .toContain('<td>Invoice A-1</td>');
    await panel().getByRole('button', { name: 'Approve' }).click();
    await expect
      .poll(() => panel().getByRole('status').innerText())
      .toBe('Approved: it goes out with the next delivery.');
    expect(status('acme')).toBe('queued');
    expect(status('bolt')).toBe('review');
  });

  it('edits the approved reminder, which waits while no SMTP server is set', async () => {
    await panel().getByRole('button', { name: 'Edit' }).click();
    await panel().getByLabel('Subject', { exact: true }).fill(editedSubject);
    await panel().getByLabel('Message', { exact: true }).fill(editedText);
    await panel().getByRole('button', { name: 'Save the changes' }).click();
    await expect.poll(() => panel().locator('.reminder-subject').innerText()).toBe(editedSubject);
    await panel().getByRole('button', { name: 'Send now' }).click();
    await expect
      .poll(() => panel().getByRole('status').innerText())
      .toBe('Queued: it goes out once an SMTP server is set in Settings.');
    expect(smtp.mails).toEqual([]);
  });

  it('sets the SMTP server in Settings and sends the edited reminder to it', async () => {
    await session.open('#/settings');
    const form = session.page.getByRole('region', { name: 'E-mail server (SMTP)' });
    await form.getByLabel('Server', { exact: true }).fill('127.0.0.1');
    await form.getByLabel('Port', { exact: true }).fill(String(smtp.port));
    await form.getByLabel('Security', { exact: true }).selectOption('none');
    await form.getByLabel('From name', { exact: true }).fill('Example Ltd');
    await form.getByLabel('From address', { exact: true }).fill('accounts@example.test');
    await form.getByRole('button', { name: 'Save the SMTP settings' }).click();
    await expect
      .poll(() => form.getByRole('status').last().innerText())
      .toBe('Saved the SMTP settings.');

    await session.open('#/outbox');
    const row = session.page.getByRole('row', { name: /acme/ });
    await row.getByRole('button', { name: 'Open Friendly reminder to acme' }).click();
    await panel().getByRole('button', { name: 'Send now' }).click();
    await expect
      .poll(() => panel().getByRole('status').innerText())
      .toBe('Sent to acme@client.test.');
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail?.to).toEqual(['acme@client.test']);
    expect(mail?.subject).toBe(editedSubject);
    const textPart =
      /Content-Type: text\/plain[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n([\s\S]*?)\r?\n--/.exec(
        mail?.raw ?? '',
      )?.[1];
    expect(textPart?.replace(/\r\n/g, '\n')).toBe(editedText);
    expect(status('acme')).toBe('sent');
    expect(status('bolt')).toBe('review');
    expect(session.pageErrors).toEqual([]);
    await session.screenshot('outbox');
  });

  it('saves a changed stage offset from the ladder editor', async () => {
    await session.open('#/settings');
    const section = session.page.getByRole('region', { name: 'Dunning ladders' });
    const days = section.getByLabel('Days after the due date, Medium risk, Friendly reminder', {
      exact: true,
    });
    await days.fill('9');
    await days.scrollIntoViewIfNeeded();
    await session.screenshot('dunning-ladders');
    await section.getByRole('button', { name: 'Save the ladders' }).click();
    await expect
      .poll(() => section.getByRole('status').last().innerText())
      .toBe('Saved the ladders and templates.');
    const saved = inLedger((db) => readDunningConfig(db));
    expect(saved.ladders.medium.map((stage) => stage.offsetDays)).toEqual([-5, 9, 15, 30, 45]);
    expect(saved.ladders.unscored[1]?.automatic).toBe(false);
    expect(session.pageErrors).toEqual([]);
  });
});
