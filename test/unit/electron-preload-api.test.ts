import { describe, expect, it, vi } from 'vitest';
import { bridgeChannels } from '../../electron/main/bridge-channels.ts';
import {
  createDuedeskApi,
  remoteErrorMessage,
  type RendererIpc,
} from '../../electron/preload/duedesk-api.ts';
import type { IpcChannel } from '../../shared/ipc/contract.ts';
import type { IpcEventName } from '../../shared/ipc/events.ts';

type MainListener = (event: unknown, ...args: unknown[]) => void;

/** Creates an ipcRenderer stand-in that records invocations and emits main's events. */
function fakeIpc(answer: unknown = { ok: true, value: {} }) {
  const listeners = new Map<string, MainListener[]>();
  const invoke = vi.fn(async (..._args: unknown[]) => answer);
  const ipc: RendererIpc = {
    invoke,
    on(channel, listener) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
    },
  };
  const emit = (name: unknown, payload: unknown) => {
    const electronEvent = { sender: 'ipcRenderer must not leak' };
    for (const listener of listeners.get(bridgeChannels.event) ?? []) {
      listener(electronEvent, name, payload);
    }
  };
  return { ipc, invoke, emit, listeners };
}

const noPath = () => '';

describe('createDuedeskApi invoke', () => {
  it('sends a contract channel through the invoke bridge', async () => {
    const { ipc, invoke } = fakeIpc({ ok: true, value: { path: '/l.sqlite' } });
    const api = createDuedeskApi(ipc, noPath);
    const result = await api.invoke('ledger/summary', {});
    expect(invoke).toHaveBeenCalledWith(bridgeChannels.invoke, 'ledger/summary', {});
    expect(result).toEqual({ ok: true, value: { path: '/l.sqlite' } });
  });

  it('sends the management metrics channel through the invoke bridge', async () => {
    const { ipc, invoke } = fakeIpc();
    const api = createDuedeskApi(ipc, noPath);
    const request = { from: '2026-01-01', to: '2026-03-31', clientId: 2 };
    await api.invoke('metrics/management', request);
    expect(invoke).toHaveBeenCalledWith(bridgeChannels.invoke, 'metrics/management', request);
  });

  it.each(['ledger/delete', 'duedesk:invoke', '__proto__', 'toString', ''])(
    'rejects the channel %j without sending it',
    async (channel) => {
      const { ipc, invoke } = fakeIpc();
      const api = createDuedeskApi(ipc, noPath);
      const result = await api.invoke(channel as IpcChannel, {} as never);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      expect(invoke).not.toHaveBeenCalled();
    },
  );
});

describe('createDuedeskApi on', () => {
  it('listens on the event bridge only', () => {
    const { ipc, listeners } = fakeIpc();
    createDuedeskApi(ipc, noPath);
    expect([...listeners.keys()]).toEqual([bridgeChannels.event]);
  });

  it('passes the payload without Electron’s event object', () => {
    const { ipc, emit } = fakeIpc();
    const api = createDuedeskApi(ipc, noPath);
    const listener = vi.fn();
    api.on('ledger/changed', listener);
    emit('ledger/changed', { reason: 'import' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith({ reason: 'import' });
  });

  it('delivers only the event subscribed to', () => {
    const { ipc, emit } = fakeIpc();
    const api = createDuedeskApi(ipc, noPath);
    const listener = vi.fn();
    api.on('import/progress', listener);
    emit('ledger/changed', { reason: 'import' });
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops after unsubscribing, and a second call is harmless', () => {
    const { ipc, emit } = fakeIpc();
    const api = createDuedeskApi(ipc, noPath);
    const listener = vi.fn();
    const unsubscribe = api.on('ledger/changed', listener);
    unsubscribe();
    unsubscribe();
    emit('ledger/changed', { reason: 'import' });
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps two subscriptions of one function apart', () => {
    const { ipc, emit } = fakeIpc();
    const api = createDuedeskApi(ipc, noPath);
    const listener = vi.fn();
    const first = api.on('ledger/changed', listener);
    api.on('ledger/changed', listener);
    first();
    emit('ledger/changed', { reason: 'import' });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps delivering when one listener raises', () => {
    const { ipc, emit } = fakeIpc();
    const api = createDuedeskApi(ipc, noPath);
    const after = vi.fn();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    api.on('ledger/changed', () => {
      throw new Error('broken view');
    });
    api.on('ledger/changed', after);
    emit('ledger/changed', { reason: 'import' });
    expect(after).toHaveBeenCalledTimes(1);
    expect(consoleError).toHaveBeenCalledTimes(1);
    consoleError.mockRestore();
  });

  it('ignores events outside the contract', () => {
    const { ipc, emit } = fakeIpc();
    const api = createDuedeskApi(ipc, noPath);
    const listener = vi.fn();
    api.on('ledger/changed', listener);
    emit('constructor', {});
    emit(42, {});
    expect(listener).not.toHaveBeenCalled();
  });

  it.each(['app/quit', 'hasOwnProperty', ''])('rejects subscribing to %j', (name) => {
    const api = createDuedeskApi(fakeIpc().ipc, noPath);
    expect(() => api.on(name as IpcEventName, () => undefined)).toThrow(/Unknown event/);
  });
});

describe('createDuedeskApi files', () => {
  it('asks the main process to show the CSV picker', async () => {
    const fileRef = { token: 'a'.repeat(24), name: 'march.csv', sizeBytes: 10 };
    const { ipc, invoke } = fakeIpc(fileRef);
    const api = createDuedeskApi(ipc, noPath);
    expect(await api.pickCsvFile()).toEqual(fileRef);
    expect(invoke).toHaveBeenCalledWith(bridgeChannels.pickCsv);
  });

  it('requests a save target with its name and format', async () => {
    const target = { token: 'c'.repeat(24), name: 'aging.pdf', folder: '/home/ana/Documents' };
    const { ipc, invoke } = fakeIpc(target);
    const api = createDuedeskApi(ipc, noPath);
    const options = { suggestedName: 'aging.pdf', format: 'pdf' as const };
    expect(await api.chooseSaveTarget(options)).toEqual(target);
    expect(invoke).toHaveBeenCalledWith(bridgeChannels.chooseSaveTarget, options);
  });

  it('returns null for a cancelled folder choice', async () => {
    const { ipc, invoke } = fakeIpc(null);
    const api = createDuedeskApi(ipc, noPath);
    expect(await api.chooseFolder({ suggestedName: 'statements-2026-11-30' })).toBeNull();
    expect(invoke).toHaveBeenCalledWith(bridgeChannels.chooseFolder, {
      suggestedName: 'statements-2026-11-30',
    });
  });

  it('sends a dropped file’s path, never the File', async () => {
    const { ipc, invoke } = fakeIpc({ token: 'b'.repeat(24), name: 'a.csv', sizeBytes: 1 });
    const api = createDuedeskApi(ipc, () => '/home/ana/a.csv');
    await api.registerDroppedFile(new File(['x'], 'a.csv'));
    expect(invoke).toHaveBeenCalledWith(bridgeChannels.registerDropped, '/home/ana/a.csv');
  });

  it('rejects a File that is not on disk', async () => {
    const { ipc, invoke } = fakeIpc();
    const api = createDuedeskApi(ipc, noPath);
    await expect(api.registerDroppedFile(new File(['x'], 'made.csv'))).rejects.toThrow(
      /"made.csv" is not a file on disk/,
    );
    expect(invoke).not.toHaveBeenCalled();
  });
});

describe('createDuedeskApi surface', () => {
  it('exposes exactly the DuedeskApi methods', () => {
    const api = createDuedeskApi(fakeIpc().ipc, noPath);
    expect(Object.keys(api).sort()).toEqual(
      [
        'chooseFolder',
        'chooseSaveTarget',
        'invoke',
        'on',
        'pickCsvFile',
        'registerDroppedFile',
      ].sort(),
    );
  });
});

describe('createDuedeskApi errors', () => {
  it('shows the main process’s own message', async () => {
    const { ipc } = fakeIpc();
    ipc.invoke = async () => {
      throw new Error(
        'Error invoking remote method \'duedesk:register-dropped\': Error: "/a.exe" is not a CSV',
      );
    };
    const api = createDuedeskApi(ipc, () => '/a.exe');
    await expect(api.registerDroppedFile(new File(['x'], 'a.exe'))).rejects.toThrow(
      /^"\/a.exe" is not a CSV$/,
    );
  });
});

describe('remoteErrorMessage', () => {
  it.each([
    [
      "Error invoking remote method 'duedesk:pick-csv': Error: No ledger is open.",
      'No ledger is open.',
    ],
    ["Error invoking remote method 'x': TypeError: bad", 'bad'],
    ['A plain message', 'A plain message'],
  ])('turns %j into %j', (message, expected) => {
    expect(remoteErrorMessage(message)).toBe(expected);
  });
});
