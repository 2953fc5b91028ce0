import { describe, expect, it } from 'vitest';
import { ipcContract, isIpcChannel } from '../../shared/ipc/contract.ts';

const jobId = '0b7e6c1e-2f0a-4c55-9a8e-1f2d3c4b5a69';
const file = { token: 'abcdefghijklmnopqrstuvwx' };
const importRequest = { file, preset: 'generic', kind: 'invoices', map: [] };
const smtp = {
  host: 'smtp.example.test',
  port: 587,
  security: 'starttls',
  user: 'accounts',
  fromAddress: 'accounts@example.test',
  fromName: 'Example Ltd',
  replyTo: '',
};

describe('IPC contract schemas', () => {
  const valid: [keyof typeof ipcContract, unknown][] = [
    ['ledger/summary', {}],
    ['dashboard/get', { asOf: '2026-03-31', currency: 'USD' }],
    ['aging/summary', { asOf: '2024-02-29' }],
    ['aging/detail', { asOf: '2026-03-31', currency: 'EUR' }],
    ['clients/list', { asOf: '2026-03-31' }],
    ['clients/get', { clientId: 7, asOf: '2026-03-31' }],
    ['risk/report', { asOf: '2013-12-31' }],
    ['risk/segmentation', { asOf: '2026-03-31' }],
    ['risk/settings/get', {}],
    ['risk/settings/update', { tierThresholds: { medium: 30, high: 60 } }],
    ['risk/settings/update', { minimumSettledInvoices: 5 }],
    ['trends/report', { from: '2025-04-01', to: '2026-03-31' }],
    ['trends/report', { from: '2026-03-31', to: '2026-03-31' }],
    ['metrics/management', { from: '2026-01-01', to: '2026-03-31' }],
    ['metrics/management', { from: '2026-01-01', to: '2026-03-31', clientId: 4 }],
    ['trends/report', { from: '2025-04-01', to: '2026-03-31', clientId: 3 }],
    ['import/preview', importRequest],
    ['import/run', { ...importRequest, dryRun: false, jobId }],
    ['import/cancel', { jobId }],
    ['settings/get', {}],
    ['settings/update', { agingBounds: [15, 45, 90], agingBasis: 'invoice' }],
    ['outbox/list', {}],
    ['outbox/list', { status: 'review' }],
    ['outbox/edit', { reminderId: 3, subject: 'Invoice A-1', text: 'Please pay.' }],
    ['outbox/skip', { reminderId: 3, reason: 'Paid by cheque' }],
    ['outbox/mark-done', { reminderId: 3 }],
    ['smtp/save', { settings: smtp, password: null }],
    ['smtp/test', { settings: smtp, to: 'me@example.test' }],
  ];
  it.each(valid)('accepts a valid %s request', (channel, payload) => {
    expect(ipcContract[channel].request.safeParse(payload).success).toBe(true);
  });

  const invalid: [keyof typeof ipcContract, unknown, string][] = [
    ['aging/summary', { asOf: '2026-02-30' }, 'impossible date'],
    ['aging/summary', { asOf: '31/03/2026' }, 'date not ISO'],
    ['aging/summary', {}, 'missing as-of date'],
    ['aging/summary', { asOf: '2026-03-31', sql: 'DROP TABLE invoices' }, 'unknown key'],
    ['aging/summary', null, 'null payload'],
    ['aging/summary', '2026-03-31', 'string payload'],
    ['dashboard/get', { asOf: '2026-03-31', currency: 'XXY' }, 'unknown currency'],
    ['clients/get', { clientId: -1, asOf: '2026-03-31' }, 'negative id'],
    ['clients/get', { clientId: 1.5, asOf: '2026-03-31' }, 'fractional id'],
    ['clients/get', { clientId: '1', asOf: '2026-03-31' }, 'id as text'],
    ['risk/report', {}, 'missing as-of date'],
    ['risk/report', { asOf: '2013-02-29' }, 'impossible date'],
    ['risk/report', { asOf: '2013-12-31', clientId: 3 }, 'unknown key'],
    ['risk/segmentation', { asOf: '2026-02-30' }, 'impossible date'],
    ['risk/settings/get', { key: 'risk' }, 'unknown key'],
    ['risk/settings/update', { tierThresholds: { medium: 60, high: 30 } }, 'medium above high'],
    ['risk/settings/update', { tierThresholds: { medium: 35 } }, 'missing high threshold'],
    ['risk/settings/update', { minimumSettledInvoices: 0 }, 'no invoices needed'],
    ['risk/settings/update', { weights: { daysLate: { pointsPerUnit: 1 } } }, 'partial weights'],
    ['risk/settings/update', { sql: 'DROP TABLE settings' }, 'unknown field'],
    ['trends/report', { from: '2025-04-01' }, 'missing end date'],
    ['trends/report', { from: '2025-02-29', to: '2026-03-31' }, 'impossible date'],
    ['metrics/management', { from: '2026-01-01' }, 'missing end date'],
    ['metrics/management', { from: '2026-01-01', to: '2026-02-30' }, 'impossible date'],
    ['metrics/management', { from: '2026-01-01', to: '2026-03-31', clientId: 0 }, 'zero id'],
    ['metrics/management', { from: '2026-01-01', to: '2026-03-31', by: 'tier' }, 'unknown key'],
    ['trends/report', { from: '2025-04-01', to: '2026-03-31', client: 3 }, 'unknown key'],
    ['trends/report', { from: '2025-04-01', to: '2026-03-31', clientId: 0 }, 'zero id'],
    ['trends/report', { from: '2025-04-01', to: '2026-03-31', clientId: '3' }, 'id as text'],
    ['import/preview', { ...importRequest, file: { token: '../../etc/passwd' } }, 'path as token'],
    ['import/preview', { ...importRequest, preset: 'sage' }, 'unknown preset'],
    [
      'import/preview',
      { ...importRequest, file: { path: '/etc/passwd' } },
      'path instead of token',
    ],
    ['import/run', { ...importRequest, dryRun: false, jobId: 'x' }, 'job id not a UUID'],
    ['settings/update', { agingBounds: [60, 30] }, 'descending bounds'],
    ['settings/update', { agingBounds: [] }, 'no bounds'],
    ['settings/update', { agingBasis: 'posting' }, 'unknown basis'],
    ['settings/update', { homeCurrency: 'usd ' }, 'malformed currency'],
    ['outbox/list', { status: 'deleted' }, 'unknown status'],
    ['outbox/approve', { reminderId: 0 }, 'zero id'],
    ['outbox/edit', { reminderId: 3, subject: 'A\r\nBcc: x@y.test', text: 'x' }, 'header'],
    ['outbox/skip', { reminderId: 3, reason: ' ' }, 'blank reason'],
    ['smtp/save', { settings: { ...smtp, port: 0 } }, 'port 0'],
    ['smtp/save', { settings: smtp, password: '' }, 'empty password'],
    ['smtp/test', { settings: smtp, to: 'not an address' }, 'bad address'],
    ['smtp/get', { password: true }, 'unknown key'],
  ];
  it.each(invalid)('rejects %s with %j (%s)', (channel, payload) => {
    expect(ipcContract[channel].request.safeParse(payload).success).toBe(false);
  });

  it('knows only its own channels', () => {
    expect(isIpcChannel('aging/summary')).toBe(true);
    expect(isIpcChannel('toString')).toBe(false);
    expect(isIpcChannel('__proto__')).toBe(false);
    expect(isIpcChannel('ledger/delete')).toBe(false);
  });
});
