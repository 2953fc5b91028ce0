import { describe, expect, it, vi } from 'vitest';
import type { IpcHandlers } from '../../electron/ipc/dispatch.ts';
import {
  LedgerSession,
  type LedgerWorker,
  type StartLedgerWorker,
} from '../../electron/main/ledger-session.ts';

interface FakeWorker extends LedgerWorker {
  readonly dbPath: string;
  readonly close: ReturnType<typeof vi.fn<() => Promise<void>>>;
}

/** Starts fake workers; a path listed in `failing` fails to open. */
function fakeStarter(failing: string[] = []) {
  const started: FakeWorker[] = [];
  const start: StartLedgerWorker = ({ dbPath }) => {
    const ready = failing.includes(dbPath)
      ? Promise.reject(new Error(`${dbPath} is not a ledger`))
      : Promise.resolve();
    // Handled here so that the rejection is not reported before the session awaits it.
    ready.catch(() => undefined);
    const worker: FakeWorker = {
      dbPath,
      ready,
      handlers: { 'ledger/summary': () => ({ path: dbPath }) } as unknown as IpcHandlers,
      registerFile: (path, name) => ({ token: `token-for-${name}`, name, sizeBytes: path.length }),
      close: vi.fn(async () => undefined),
    };
    started.push(worker);
    return worker;
  };
  return { start, started };
}

async function summaryPath(session: LedgerSession): Promise<string> {
  const handlers = await session.handlers();
  return (await handlers['ledger/summary']({})).path;
}

describe('LedgerSession', () => {
  it('has no ledger before the first open', async () => {
    const session = new LedgerSession(fakeStarter().start, () => undefined);
    expect(session.path).toBeNull();
    await expect(session.handlers()).rejects.toThrow('No ledger is open.');
  });

  it('opens a ledger and forwards to its worker', async () => {
    const session = new LedgerSession(fakeStarter().start, () => undefined);
    await session.open('/data/a.sqlite');
    expect(session.path).toBe('/data/a.sqlite');
    expect(await summaryPath(session)).toBe('/data/a.sqlite');
  });

  it('closes the previous worker after switching', async () => {
    const { start, started } = fakeStarter();
    const session = new LedgerSession(start, () => undefined);
    await session.open('/data/a.sqlite');
    await session.open('/data/b.sqlite');
    expect(started[0]!.close).toHaveBeenCalledTimes(1);
    expect(started[1]!.close).not.toHaveBeenCalled();
    expect(await summaryPath(session)).toBe('/data/b.sqlite');
  });

  it('keeps the current ledger when the new one fails to open', async () => {
    const { start, started } = fakeStarter(['/data/broken.sqlite']);
    const session = new LedgerSession(start, () => undefined);
    await session.open('/data/a.sqlite');
    await expect(session.open('/data/broken.sqlite')).rejects.toThrow(/is not a ledger/);
    expect(session.path).toBe('/data/a.sqlite');
    expect(started[1]!.close).toHaveBeenCalledTimes(1);
    expect(started[0]!.close).not.toHaveBeenCalled();
    expect(await summaryPath(session)).toBe('/data/a.sqlite');
  });

  it('does not restart the ledger already open', async () => {
    const { start, started } = fakeStarter();
    const session = new LedgerSession(start, () => undefined);
    await session.open('/data/a.sqlite');
    await session.open('/data/a.sqlite');
    expect(started).toHaveLength(1);
  });

  it('answers requests made during a switch from the new ledger', async () => {
    const session = new LedgerSession(fakeStarter().start, () => undefined);
    await session.open('/data/a.sqlite');
    const switching = session.open('/data/b.sqlite');
    const during = summaryPath(session);
    await switching;
    expect(await during).toBe('/data/b.sqlite');
  });

  it('registers a file under its base name', async () => {
    const session = new LedgerSession(fakeStarter().start, () => undefined);
    await session.open('/data/a.sqlite');
    const ref = await session.registerFile('/home/ana/exports/march.csv');
    expect(ref.name).toBe('march.csv');
    expect(ref.token).toBe('token-for-march.csv');
  });

  it('passes worker events to its sink', async () => {
    const events: unknown[] = [];
    let emit: (name: string, payload: unknown) => void = () => undefined;
    const start: StartLedgerWorker = (options) => {
      emit = options.onEvent;
      return fakeStarter().start(options);
    };
    const session = new LedgerSession(start, (name, payload) => events.push([name, payload]));
    await session.open('/data/a.sqlite');
    emit('ledger/changed', { reason: 'import' });
    expect(events).toEqual([['ledger/changed', { reason: 'import' }]]);
  });

  it('closes its worker and forgets the ledger', async () => {
    const { start, started } = fakeStarter();
    const session = new LedgerSession(start, () => undefined);
    await session.open('/data/a.sqlite');
    await session.close();
    expect(started[0]!.close).toHaveBeenCalledTimes(1);
    expect(session.path).toBeNull();
  });
});
