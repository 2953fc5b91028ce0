import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  defaultLedgerPath,
  rememberLedgerPath,
  startupLedgerPath,
} from '../../electron/main/ledger-choice.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function userData(): string {
  const folder = mkdtempSync(join(tmpdir(), 'duedesk-userdata-'));
  folders.push(folder);
  return folder;
}

describe('startupLedgerPath', () => {
  it('opens the default ledger the first time', async () => {
    const folder = userData();
    expect(await startupLedgerPath(folder)).toBe(join(folder, 'ledger.sqlite'));
    expect(defaultLedgerPath(folder)).toBe(join(folder, 'ledger.sqlite'));
  });

  it('reopens the remembered ledger', async () => {
    const folder = userData();
    const ledger = join(userData(), 'client-a.sqlite');
    writeFileSync(ledger, '');
    await rememberLedgerPath(folder, ledger);
    expect(await startupLedgerPath(folder)).toBe(ledger);
  });

  it('falls back when the remembered ledger is gone', async () => {
    const folder = userData();
    await rememberLedgerPath(folder, join(folder, 'deleted.sqlite'));
    expect(await startupLedgerPath(folder)).toBe(defaultLedgerPath(folder));
  });

  it.each([
    ['invalid JSON', '{"path": '],
    ['a missing path', '{}'],
    ['a path of the wrong type', '{"path": 7}'],
    ['a relative path', '{"path": "ledger.sqlite"}'],
  ])('falls back on %s', async (_case, content) => {
    const folder = userData();
    writeFileSync(join(folder, 'ledger.sqlite'), '');
    writeFileSync(join(folder, 'last-ledger.json'), content);
    expect(await startupLedgerPath(folder)).toBe(defaultLedgerPath(folder));
  });
});

describe('rememberLedgerPath', () => {
  it('writes the path as JSON and leaves no partial file', async () => {
    const folder = userData();
    await rememberLedgerPath(folder, '/srv/ledgers/b.sqlite');
    const text = readFileSync(join(folder, 'last-ledger.json'), 'utf8');
    expect(JSON.parse(text)).toEqual({ path: '/srv/ledgers/b.sqlite' });
    expect(() => readFileSync(join(folder, 'last-ledger.json.partial'))).toThrow(/ENOENT/);
  });

  it('replaces an earlier choice', async () => {
    const folder = userData();
    await rememberLedgerPath(folder, '/a.sqlite');
    await rememberLedgerPath(folder, '/b.sqlite');
    const text = readFileSync(join(folder, 'last-ledger.json'), 'utf8');
    expect(JSON.parse(text)).toEqual({ path: '/b.sqlite' });
  });
});
