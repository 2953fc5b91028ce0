import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startLoopbackHost, type LoopbackHost } from '../../electron/host/loopback-host.ts';
import { openLedger } from '../../electron/ledger/database.ts';
import { useTempFolder } from '../support/temp-ledger.ts';

const temp = useTempFolder();
const hosts: LoopbackHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

async function start() {
  const dir = temp.folder();
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Duedesk</title>');
  writeFileSync(join(dir, 'secret.txt'), 'not for the browser');
  const dbPath = join(dir, 'ledger.sqlite');
  openLedger(dbPath).close();
  const host = await startLoopbackHost({ dbPath, rendererDir });
  hosts.push(host);
  const call = async (channel: string, body: unknown) => {
    const response = await fetch(`${host.origin}/ipc/${channel}`, {
      method: 'POST',
      headers: { 'x-duedesk-token': host.token, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as { ok: boolean; value?: any; error?: any };
  };
  return { host, dbPath, call };
}

describe('loopback host', () => {
  it('listens on 127.0.0.1 only', async () => {
    const { host } = await start();
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('demands the per-run token', async () => {
    const { host } = await start();
    expect((await fetch(`${host.origin}/`)).status).toBe(403);
    const wrong = await fetch(`${host.origin}/ipc/ledger/summary`, {
      method: 'POST',
      headers: { 'x-duedesk-token': 'guess' },
      body: '{}',
    });
    expect(wrong.status).toBe(403);
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toMatch(/duedesk_token=.*HttpOnly; SameSite=Strict/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect((await fetch(`${host.origin}/index.html`, { headers: { cookie } })).status).toBe(200);
  });

  it('serves nothing outside the renderer', async () => {
    const { host } = await start();
    const headers = { 'x-duedesk-token': host.token };
    const escaped = await fetch(`${host.origin}/%2e%2e/secret.txt`, { headers });
    expect(escaped.status).toBe(404);
  });

  it('rejects cross-origin posts', async () => {
    const { host } = await start();
    const response = await fetch(`${host.origin}/ipc/ledger/summary`, {
      method: 'POST',
      headers: { 'x-duedesk-token': host.token, origin: 'http://evil.example' },
      body: '{}',
    });
    expect(response.status).toBe(403);
  });

  it('answers malformed payloads with errors', async () => {
    const { call, host } = await start();
    const badDate = await call('aging/summary', { asOf: '2026-02-30' });
    expect(badDate.ok).toBe(false);
    expect(badDate.error.code).toBe('invalid-request');
    expect(badDate.error.issues[0]).toMatch(/asOf/);
    const unknown = await call('ledger/drop', {});
    expect(unknown.error.code).toBe('invalid-request');
    const notJson = await fetch(`${host.origin}/ipc/ledger/summary`, {
      method: 'POST',
      headers: { 'x-duedesk-token': host.token },
      body: '{not json',
    });
    expect(((await notJson.json()) as any).error.message).toMatch(/not valid JSON/);
    const missing = await call('clients/get', { clientId: 99, asOf: '2026-01-01' });
    expect(missing.error.code).toBe('not-found');
    // The host still serves requests after all of these.
    expect((await call('ledger/summary', {})).ok).toBe(true);
  });

  it('imports an uploaded file with progress', async () => {
    const { host, call, dbPath } = await start();
    const csv = 'Date,Due date,Invoice,Customer,Amount\n2026-01-02,2026-02-01,I-1,Acme,100.00\n';
    const events: string[] = [];
    const controller = new AbortController();
    const stream = fetch(`${host.origin}/events`, {
      headers: { 'x-duedesk-token': host.token },
      signal: controller.signal,
    }).then(async (response) => {
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        events.push(decoder.decode(value));
      }
    });
    const upload = await fetch(`${host.origin}/files`, {
      method: 'POST',
      headers: { 'x-duedesk-token': host.token, 'x-file-name': encodeURIComponent('jan.csv') },
      body: csv,
    });
    const file = ((await upload.json()) as any).value;
    expect(file.name).toBe('jan.csv');
    const request = { file: { token: file.token }, preset: 'generic', kind: 'invoices', map: [] };
    const preview = await call('import/preview', { ...request, currency: 'USD' });
    expect(preview.value.header).toEqual(['Date', 'Due date', 'Invoice', 'Customer', 'Amount']);
    expect(preview.value.columns.amount).toBe('Amount');
    const jobId = crypto.randomUUID();
    const run = await call('import/run', { ...request, currency: 'USD', dryRun: false, jobId });
    expect(run.value.status).toBe('imported');
    expect(run.value.counts.invoices).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    controller.abort();
    await stream.catch(() => undefined);
    const text = events.join('');
    expect(text).toMatch(/event: import\/progress\ndata: \{"jobId":"[^"]+","fraction":1\}/);
    expect(text).toMatch(/event: ledger\/changed/);
    const db = openLedger(dbPath, { readOnly: true });
    expect(db.prepare('SELECT COUNT(*) FROM invoices').pluck().get()).toBe(1);
    db.close();
    const aging = await call('aging/summary', { asOf: '2026-03-02' });
    expect(aging.value.currencies.USD.buckets['1-30']).toBe(10000);
  });
});
