import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../electron/ledger/database.ts';
import { insertSentReminder } from '../support/collection-ledger.ts';
import { useTempFolder } from '../support/temp-ledger.ts';
import { cli } from '../support/cli-run.ts';

const temp = useTempFolder();

async function ledgerFile(): Promise<string> {
  const db = join(temp.folder(), 'ledger.sqlite');
  const invoices = temp.file(
    'invoices.csv',
    'Date,Due date,Invoice,Customer,Amount\n2026-02-01,2026-03-03,A-1,acme,400.00\n',
  );
  expect((await cli('import', invoices, '--db', db, '--currency', 'USD')).code).toBe(0);
  return db;
}

describe('duedesk contact, promise and timeline', () => {
  it('logs a call and a promise and lists them', async () => {
    const db = await ledgerFile();
    const ledger = openLedger(db);
    const reminderId = insertSentReminder(ledger, {
      client: 'acme',
      invoices: ['A-1'],
      sentOn: '2026-03-10',
    });
    ledger.close();

    const call = await cli(
      'contact',
      '--db',
      db,
      'acme',
      '--kind',
      'call',
      '--direction',
      'inbound',
      '--date',
      '2026-03-12',
      '--minutes',
      '15',
      '--outcome',
      'promised to pay',
      '--summary',
      'Will pay the whole invoice next week',
      '--replies-to',
      String(reminderId),
    );
    expect(call).toEqual({
      code: 0,
      out:
        'Logged call 2 with acme on 2026-03-12 (inbound, 15 minutes).\n' +
        `Reminder ${reminderId} is answered.`,
      err: '',
    });
    const promise = await cli(
      'promise',
      '--db',
      db,
      'acme',
      '--amount',
      '400',
      '--currency',
      'usd',
      '--date',
      '2026-03-20',
      '--made-on',
      '2026-03-12',
      '--interaction',
      '2',
    );
    expect(promise.out).toBe(
      'Recorded promise 1: acme to pay $400.00 by 2026-03-20 (made on 2026-03-12).',
    );

    const text = await cli('timeline', '--db', db, 'acme');
    expect(text.code).toBe(0);
    expect(text.out.split('\n')).toEqual([
      'Timeline of acme',
      '',
      'date        id  kind   direction  auto  min  outcome          summary',
      '----------  --  -----  ---------  ----  ---  ---------------  ' +
        '------------------------------',
      '2026-03-12   2  call   inbound           15  promised to pay  ' +
        're reminder 1: Will pay the w…',
      '2026-03-10   1  email  outbound   yes        sent             reminder',
      '',
      'promised for  id   amount  made on     status  followed up',
      '------------  --  -------  ----------  ------  -----------',
      '2026-03-20     1  $400.00  2026-03-12  open',
      '',
      'queued on   reminder  stage                   channel  answered',
      '----------  --------  ----------------------  -------  --------',
      `2026-03-10         ${reminderId}  Stage stage-2026-03-10  email    yes`,
    ]);
    for (const line of text.out.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
    const json = JSON.parse((await cli('timeline', '--db', db, 'acme', '--json')).out);
    expect(json.promises[0]).toMatchObject({
      amountCents: 40_000,
      currency: 'USD',
      status: 'open',
    });
    expect(json.interactions[0]).toMatchObject({ minutes: 15, repliesToReminderId: reminderId });
  });

  it('explains bad options and writes nothing', async () => {
    const db = await ledgerFile();
    const base = ['contact', '--db', db, 'acme', '--date', '2026-03-12'];
    const kind = await cli(...base, '--kind', 'fax', '--direction', 'outbound');
    expect(kind.code).toBe(2);
    expect(kind.err).toMatch(
      /^duedesk contact: Invalid --kind "fax": use one of call, email, letter, meeting, note\./,
    );
    const note = await cli(...base, '--kind', 'note', '--direction', 'outbound');
    expect(note.code).toBe(1);
    expect(note.err).toBe(
      'duedesk contact: A note is an internal record, not outbound: give direction internal, ' +
        'or log a call, e-mail, letter or meeting.',
    );
    const client = await cli('timeline', '--db', db, 'nobody');
    expect(client.err).toBe(
      'duedesk timeline: No client with code "nobody": check the code in duedesk aging.',
    );
    const amount = await cli(
      'promise',
      '--db',
      db,
      'acme',
      '--amount',
      '12x',
      '--currency',
      'USD',
      '--date',
      '2026-03-20',
    );
    expect(amount.code).toBe(2);
    expect(amount.err).toMatch(/^duedesk promise: Invalid --amount "12x": not a number/);
    const timeline = await cli('timeline', '--db', db, 'acme', '--json');
    expect(JSON.parse(timeline.out)).toMatchObject({ interactions: [], promises: [] });
  });

  it('adds collection activity to duedesk metrics', async () => {
    const db = await ledgerFile();
    await cli(
      'contact',
      '--db',
      db,
      'acme',
      '--kind',
      'call',
      '--direction',
      'outbound',
      '--date',
      '2026-03-05',
      '--minutes',
      '20',
    );
    const json = JSON.parse(
      (
        await cli(
          'metrics',
          '--db',
          db,
          '--from',
          '2026-03-01',
          '--to',
          '2026-03-31',
          '--by',
          'client',
          '--json',
        )
      ).out,
    );
    expect(json.collectionActivity.groups).toEqual([
      {
        clientId: 1,
        code: 'acme',
        name: 'acme',
        tier: 'unscored',
        currency: 'USD',
        clients: 1,
        collectionSuccessRate: null,
        timeToFirstContact: 2,
        communicationResponseRate: null,
        automatedReminderSuccessRate: null,
        manualCollectionMinutes: 20,
        automatedCollectionMinutes: 0,
        manualInteractions: 1,
        automatedInteractions: 0,
        dsoBeforeReminders: null,
        dsoAfterReminders: null,
      },
    ]);
    const text = await cli('metrics', '--db', db, '--from', '2026-03-01', '--to', '2026-03-31');
    expect(text.out).toContain('Collection activity by portfolio 2026-03-01 to 2026-03-31');
    expect(text.out).toMatch(/^Time to first contact\s+2\.00 days$/m);
    expect(text.out).toMatch(/^Time spent on collections, manual\s+20 min$/m);
    for (const line of text.out.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
  });
});
