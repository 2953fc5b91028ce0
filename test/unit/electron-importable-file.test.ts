import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  hasImportableExtension,
  importablePathProblem,
  importPathFromArgs,
} from '../../electron/main/importable-file.ts';

const folder = mkdtempSync(join(tmpdir(), 'duedesk-dropped-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function file(name: string, content = 'number,amount\nA-1,10\n'): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

describe('importablePathProblem', () => {
  it('accepts an existing .csv file', async () => {
    expect(await importablePathProblem(file('invoices.csv'))).toBeNull();
  });

  it('accepts .txt and upper-case extensions', async () => {
    expect(await importablePathProblem(file('payments.txt'))).toBeNull();
    expect(await importablePathProblem(file('EXPORT.CSV'))).toBeNull();
  });

  it('accepts an empty .csv file', async () => {
    expect(await importablePathProblem(file('empty.csv', ''))).toBeNull();
  });

  // Creating symbolic links on Windows needs a privilege that test machines rarely have.
  it.skipIf(process.platform === 'win32')('accepts a symbolic link to a .csv file', async () => {
    const link = join(folder, 'link.csv');
    symlinkSync(file('target.csv'), link);
    expect(await importablePathProblem(link)).toBeNull();
  });

  it('rejects a directory named like a CSV file', async () => {
    const directory = join(folder, 'folder.csv');
    mkdirSync(directory);
    expect(await importablePathProblem(directory)).toMatch(/is not a regular file/);
  });

  it('rejects a missing file', async () => {
    expect(await importablePathProblem(join(folder, 'missing.csv'))).toMatch(/does not exist/);
  });

  it('rejects a path through a file', async () => {
    const path = join(file('plain.csv'), 'inner.csv');
    expect(await importablePathProblem(path)).toMatch(/does not exist/);
  });

  it.skipIf(process.platform === 'win32')('rejects a dangling symbolic link', async () => {
    const link = join(folder, 'dangling.csv');
    symlinkSync(join(folder, 'gone.csv'), link);
    expect(await importablePathProblem(link)).toMatch(/does not exist/);
  });

  it.each(['setup.exe', 'ledger.sqlite', 'invoices.csv.exe', 'invoices', '.csv.bak'])(
    'rejects %s by its extension',
    async (name) => {
      expect(await importablePathProblem(file(name))).toMatch(/is not a CSV or text file/);
    },
  );

  it('rejects a relative path', async () => {
    expect(await importablePathProblem('invoices.csv')).toMatch(/is not an absolute path/);
  });

  it.each([undefined, null, 42, '', { path: '/tmp/a.csv' }])('rejects %j', async (value) => {
    expect(await importablePathProblem(value)).toBe('No file path was given.');
  });
});

describe('hasImportableExtension', () => {
  it('reads only the last extension', () => {
    expect(hasImportableExtension('/data/report.csv')).toBe(true);
    expect(hasImportableExtension('/data/report.csv.zip')).toBe(false);
  });

  it('does not take a dot file name for an extension', () => {
    expect(hasImportableExtension('/data/.csv')).toBe(false);
  });
});

describe('importPathFromArgs', () => {
  const cwd = resolve('/home/ana/work');

  it('finds a relative CSV path and resolves it', () => {
    const args = ['/opt/Duedesk/duedesk', 'march.csv'];
    expect(importPathFromArgs(args, cwd)).toBe(join(cwd, 'march.csv'));
  });

  it('keeps an absolute path', () => {
    const path = resolve('/data/april.TXT');
    expect(importPathFromArgs(['electron', 'dist/app/main.mjs', path], cwd)).toBe(path);
  });

  it('skips switches that Chromium adds', () => {
    const args = ['duedesk', 'may.csv', '--allow-file-access-from-files', '--x=a.csv'];
    expect(importPathFromArgs(args, cwd)).toBe(join(cwd, 'may.csv'));
  });

  it('takes the last of several files', () => {
    expect(importPathFromArgs(['duedesk', 'a.csv', 'b.csv'], cwd)).toBe(join(cwd, 'b.csv'));
  });

  it('returns null without an importable file', () => {
    expect(importPathFromArgs(['duedesk', 'ledger.sqlite', '--inspect'], cwd)).toBeNull();
  });
});
