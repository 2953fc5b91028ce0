import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { environmentSecretStore } from '../../electron/collections/secret-store.ts';
import { createLedgerHandlers } from '../../electron/handlers/ledger-handlers.ts';
import type { SaveTargets } from '../../electron/handlers/report-file-handlers.ts';
import { importFile } from '../../electron/import/import-file.ts';
import { dispatchIpc } from '../../electron/ipc/dispatch.ts';
import { openLedger } from '../../electron/ledger/database.ts';
import type { IpcEventName, IpcEventPayload } from '../../shared/ipc/events.ts';
import type { IpcResult } from '../../shared/ipc/ipc-error.ts';
import type { ReportPreview } from '../../shared/reports/report-preview.ts';
import { useTempFolder } from '../support/temp-ledger.ts';
import { reportInvoicesAsOf, reportInvoicesCsv } from '../support/report-invoices.ts';

const temp = useTempFolder();

const asOf = reportInvoicesAsOf;

type ProgressEvent = IpcEventPayload<'reports/progress'>;

/** Returns a new token in the form that `chooseSaveTarget` hands out. */
function newToken(): string {
  return randomUUID().replaceAll('-', '');
}

/** Creates a ledger of the invoices above, with its handlers, save targets and events sent. */
async function reportLedger() {
  const { db, path, dir } = temp.ledger();
  const imported = await importFile(db, temp.file('invoices.csv', reportInvoicesCsv));
  expect(imported.status).toBe('imported');
  db.prepare("UPDATE clients SET account_manager = 'Anne' WHERE code IN ('ACME', 'CEDAR')").run();

  const reader = openLedger(path, { readOnly: true });
  const saveTargets: SaveTargets = new Map();
  const progress: ProgressEvent[] = [];
  const handlers = createLedgerHandlers(
    {
      writer: db,
      reader,
      path,
      files: new Map(),
      jobs: new Map(),
      secrets: environmentSecretStore,
      emit: <E extends IpcEventName>(event: E, payload: IpcEventPayload<E>) => {
        if (event === 'reports/progress') progress.push(payload as ProgressEvent);
      },
    },
    saveTargets,
  );

  const call = (channel: string, payload: unknown) => dispatchIpc(handlers, channel, payload);
  /** Registers a file to save into, as the loopback host does after its checks. */
  const fileTarget = (name: string, format: 'pdf' | 'csv', folder = dir) => {
    const token = newToken();
    saveTargets.set(token, { kind: 'file', path: join(folder, name), format });
    return token;
  };
  const folderTarget = (folder: string) => {
    const token = newToken();
    saveTargets.set(token, { kind: 'folder', path: folder });
    return token;
  };

  return { db, path, dir, reader, saveTargets, progress, call, fileTarget, folderTarget };
}

function failure(result: IpcResult<unknown>) {
  if (result.ok) throw new Error(`Expected a failure, got ${JSON.stringify(result.value)}.`);
  return result.error;
}

function value<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`Expected a value, got ${JSON.stringify(result.error)}.`);
  return result.value as T;
}

const agingRequest = { report: 'aging-summary', asOf };

describe('report handlers', () => {
  it('preview returns the first rows', async () => {
    const { call, reader } = await reportLedger();
    const preview = value<ReportPreview>(await call('reports/preview', agingRequest));
    reader.close();

    expect(preview.header.title).toBe('Aging summary');
    expect(preview.header.scope).toBe(`As of ${asOf}`);
    expect(preview.fileStem).toBe(`aging-summary-${asOf}`);

    const usd = preview.blocks.find(
      (block) => block.kind === 'table' && block.title === 'Receivables in USD',
    );
    if (usd?.kind !== 'table') throw new Error('The preview has no USD table.');
    expect(usd.rows.map((row) => row[0]).sort()).toEqual(['ACME', 'BETA', 'CEDAR']);
    expect(usd.totals[0]?.[8]).toBe('$1,750.49');
    expect(usd.columns[8]).toEqual({ label: 'Total', numeric: true });
    expect(usd.moreRows).toBe(false);
    expect(preview.blocks.filter((block) => block.kind === 'chart')).toHaveLength(2);
  });

  it('preview rejects an unknown client code', async () => {
    const { call, reader } = await reportLedger();
    const result = await call('reports/preview', {
      report: 'dunning-letter',
      asOf,
      filters: { client: 'ZZZ' },
    });
    reader.close();
    expect(failure(result)).toEqual({
      code: 'rejected',
      message:
        'No client with code "ZZZ": give a code as shown on the Clients page or by "duedesk ' +
        'risk".',
    });
  });

  it('export writes CSV and reports progress', async () => {
    const { call, reader, fileTarget, progress, dir } = await reportLedger();
    const jobId = randomUUID();
    const target = fileTarget('aging.csv', 'csv');
    const result = await call('reports/export', {
      request: agingRequest,
      format: 'csv',
      target,
      jobId,
    });
    reader.close();
    expect(value(result)).toEqual({ fileName: 'aging.csv', folder: dir, rows: 4, pages: null });

    const rows = parse(readFileSync(join(dir, 'aging.csv')), { bom: true }) as string[][];
    expect(rows.map((row) => [row[0], row[8], row[10]]).sort()).toEqual([
      ['ACME', '1250.50', 'USD'],
      ['BETA', '400.00', 'USD'],
      ['CEDAR', '99.99', 'USD'],
      ['ECHO', '500.00', 'EUR'],
      ['client_code', 'total', 'currency'],
    ]);

    const ofJob = progress.filter((event) => event.jobId === jobId);
    expect(ofJob.at(-1)).toEqual({ jobId, rows: 4, total: 4, done: true });
    expect(ofJob.filter((event) => event.done)).toHaveLength(1);
    expect(ofJob.slice(0, -1).every((event) => event.rows <= 4)).toBe(true);
  });

  it('export rejects an unknown token', async () => {
    const { call, reader, dir } = await reportLedger();
    const result = await call('reports/export', {
      request: agingRequest,
      format: 'csv',
      target: newToken(),
      jobId: randomUUID(),
    });
    reader.close();
    expect(failure(result)).toEqual({
      code: 'not-found',
      message: 'The chosen file is unknown or was already used: choose where to save again.',
    });
    expect(readdirSync(dir).filter((name) => name.endsWith('.csv'))).toEqual([]);
  });

  it('export token is single-use', async () => {
    const { call, reader, fileTarget, saveTargets, dir } = await reportLedger();
    const target = fileTarget('once.csv', 'csv');
    const payload = { request: agingRequest, format: 'csv', target, jobId: randomUUID() };
    expect((await call('reports/export', payload)).ok).toBe(true);
    expect(saveTargets.has(target)).toBe(false);
    const written = statSync(join(dir, 'once.csv')).mtimeMs;
    const again = await call('reports/export', { ...payload, jobId: randomUUID() });
    reader.close();
    expect(failure(again).code).toBe('not-found');
    expect(statSync(join(dir, 'once.csv')).mtimeMs).toBe(written);
  });

  it('export rejects a format mismatch', async () => {
    const { call, reader, fileTarget, dir } = await reportLedger();
    const target = fileTarget('aging.pdf', 'pdf');
    const result = await call('reports/export', {
      request: agingRequest,
      format: 'csv',
      target,
      jobId: randomUUID(),
    });
    reader.close();
    expect(failure(result)).toEqual({
      code: 'rejected',
      message:
        'aging.pdf was chosen for a PDF file, not CSV: choose where to save the CSV file again.',
    });
    expect(existsSync(join(dir, 'aging.pdf'))).toBe(false);
  });

  it('export rejects a folder token', async () => {
    const { call, reader, folderTarget } = await reportLedger();
    const result = await call('reports/export', {
      request: agingRequest,
      format: 'csv',
      target: folderTarget(temp.folder()),
      jobId: randomUUID(),
    });
    reader.close();
    expect(failure(result).code).toBe('rejected');
  });

  it('export rejects the ledger as target', async () => {
    const { call, reader, saveTargets, path, db } = await reportLedger();
    const before = readFileSync(path);
    for (const file of [path, `${path}-wal`]) {
      const token = newToken();
      saveTargets.set(token, { kind: 'file', path: file, format: 'csv' });
      const result = await call('reports/export', {
        request: agingRequest,
        format: 'csv',
        target: token,
        jobId: randomUUID(),
      });
      expect(failure(result)).toEqual({
        code: 'rejected',
        message: `${file} is the ledger itself: choose another file name for the report.`,
      });
    }

    reader.close();
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(db.prepare('SELECT COUNT(*) FROM invoices').pluck().get()).toBe(6);
  });

  it('export closes progress on missing folder', async () => {
    const { call, reader, fileTarget, dir, progress } = await reportLedger();
    const target = fileTarget('aging.csv', 'csv', join(dir, 'gone'));
    const jobId = randomUUID();
    const result = await call('reports/export', {
      request: agingRequest,
      format: 'csv',
      target,
      jobId,
    });
    reader.close();

    // The page's progress bar ends on a failure too: the last event of the job is done.
    const ofJob = progress.filter((event) => event.jobId === jobId);
    expect(ofJob.at(-1)?.done).toBe(true);
    expect(ofJob.filter((event) => event.done)).toHaveLength(1);

    const error = failure(result);
    expect(error.code).toBe('rejected');
    expect(error.message).toMatch(/^Cannot write .*aging\.csv: the folder .*gone does not exist/);
    expect(error.message).toMatch(/Create it or choose another folder\.$/);
  });

  it('batch writes a file per client', async () => {
    const { call, reader, folderTarget, progress } = await reportLedger();
    const folder = temp.folder();
    const jobId = randomUUID();
    const result = await call('reports/statements', {
      from: '2026-03-01',
      to: asOf,
      format: 'csv',
      target: folderTarget(folder),
      jobId,
    });
    reader.close();

    // ACME, BETA, CEDAR and ECHO owe money at the end of March, but DELTA has nothing to state.
    expect(value(result)).toEqual({ folder, files: 4, skipped: 1 });
    expect(readdirSync(folder).sort()).toEqual(
      ['ACME', 'BETA', 'CEDAR', 'ECHO'].map((code) => `statement-${code}-${asOf}.csv`),
    );

    const ofJob = progress.filter((event) => event.jobId === jobId);
    expect(ofJob.map((event) => event.rows)).toEqual([1, 2, 3, 4, 4]);
    expect(ofJob.map((event) => event.done)).toEqual([false, false, false, false, true]);
    expect(ofJob.every((event) => event.total === 4)).toBe(true);
  });

  it('statements batch follows the filters', async () => {
    const { call, reader, folderTarget } = await reportLedger();
    const byManager = temp.folder();
    const managed = await call('reports/statements', {
      from: '2026-03-01',
      to: asOf,
      format: 'csv',
      filters: { manager: 'ANNE' },
      target: folderTarget(byManager),
      jobId: randomUUID(),
    });
    expect(value(managed)).toEqual({ folder: byManager, files: 2, skipped: 3 });
    expect(readdirSync(byManager).sort()).toEqual([
      `statement-ACME-${asOf}.csv`,
      `statement-CEDAR-${asOf}.csv`,
    ]);

    const oneClient = temp.folder();
    const single = await call('reports/statements', {
      from: '2026-03-01',
      to: asOf,
      format: 'csv',
      filters: { client: 'BETA' },
      target: folderTarget(oneClient),
      jobId: randomUUID(),
    });
    expect(value(single)).toEqual({ folder: oneClient, files: 1, skipped: 0 });

    const unknown = await call('reports/statements', {
      from: '2026-03-01',
      to: asOf,
      format: 'csv',
      filters: { client: 'ZZZ' },
      target: folderTarget(temp.folder()),
      jobId: randomUUID(),
    });
    reader.close();
    expect(failure(unknown).code).toBe('rejected');
  });

  it('statements batch rejects a file token', async () => {
    const { call, reader, fileTarget } = await reportLedger();
    const result = await call('reports/statements', {
      from: '2026-03-01',
      to: asOf,
      format: 'csv',
      target: fileTarget('statement.csv', 'csv'),
      jobId: randomUUID(),
    });
    reader.close();
    expect(failure(result)).toEqual({
      code: 'rejected',
      message: 'The token names a file, but this save needs a folder: choose a folder.',
    });
  });

  it('contract rejects malformed payloads', async () => {
    const { call, reader, fileTarget, folderTarget } = await reportLedger();
    const target = fileTarget('never.csv', 'csv');
    const jobId = randomUUID();
    const cases: [string, string, unknown][] = [
      ['impossible date', 'reports/preview', { report: 'aging-summary', asOf: '2026-02-30' }],
      ['unknown report', 'reports/preview', { report: 'aging-summery', asOf }],
      ['extra key', 'reports/preview', { ...agingRequest, extra: 1 }],
      ['extra filter', 'reports/preview', { ...agingRequest, filters: { region: 'EU' } }],
      ['bad tier', 'reports/preview', { ...agingRequest, filters: { tier: 'severe' } }],
      ['bad currency', 'reports/preview', { ...agingRequest, filters: { currency: 'XYZW' } }],
      ['period for as-of', 'reports/preview', { report: 'aging-summary', from: asOf, to: asOf }],
      [
        'statement without client',
        'reports/preview',
        { report: 'statement', from: asOf, to: asOf },
      ],
      ['period reversed', 'reports/preview', { report: 'metrics', from: '2026-04-01', to: asOf }],
      [
        'path for token',
        'reports/export',
        { request: agingRequest, format: 'csv', target: '/tmp/aging.csv', jobId },
      ],
      [
        'job id not a uuid',
        'reports/export',
        { request: agingRequest, format: 'csv', target, jobId: 'job-1' },
      ],
      [
        'unknown format',
        'reports/export',
        { request: agingRequest, format: 'xlsx', target, jobId },
      ],
      [
        'export extra key',
        'reports/export',
        { request: agingRequest, format: 'csv', target, jobId, path: '/tmp/x.csv' },
      ],
      [
        'batch reversed',
        'reports/statements',
        { from: '2026-04-01', to: asOf, format: 'pdf', target: folderTarget(temp.folder()), jobId },
      ],
      [
        'batch path for token',
        'reports/statements',
        { from: '2026-03-01', to: asOf, format: 'pdf', target: '../../etc', jobId },
      ],
      ['not an object', 'reports/preview', 'aging-summary'],
    ];
    for (const [name, channel, payload] of cases) {
      const error = failure(await call(channel, payload));
      expect({ name, code: error.code }).toEqual({ name, code: 'invalid-request' });
    }
    reader.close();
  });
});
