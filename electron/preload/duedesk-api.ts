import type { DuedeskApi, FileRef } from '../../shared/ipc/api.ts';
import { isIpcChannel } from '../../shared/ipc/contract.ts';
import { ipcEvents, type IpcEventName } from '../../shared/ipc/events.ts';
import type { IpcResult } from '../../shared/ipc/ipc-error.ts';
import type { SaveTarget } from '../../shared/ipc/report-contract.ts';
import { bridgeChannels } from '../main/bridge-channels.ts';

/** The part of Electron's `ipcRenderer` that the API uses, so tests can pass a fake. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

type EventListener = (payload: unknown) => void;

/** Tells whether `name` is an event the main process may send, listed in `ipcEvents`. */
export function isIpcEventName(name: unknown): name is IpcEventName {
  return typeof name === 'string' && Object.hasOwn(ipcEvents, name);
}

/**
 * Builds `window.duedesk`. Unknown channels and event names are rejected here, before
 * anything reaches the main process, which validates every payload again. Listeners never
 * receive Electron's event object, because it would expose `ipcRenderer` to the page.
 */
export function createDuedeskApi(
  ipc: RendererIpc,
  pathForFile: (file: File) => string,
): DuedeskApi {
  // One entry object per subscription, so that subscribing the same function twice gives
  // two subscriptions, each with its own unsubscribe.
  const listeners = new Map<IpcEventName, Set<{ listener: EventListener }>>();
  ipc.on(bridgeChannels.event, (_event, name, payload) => {
    if (!isIpcEventName(name)) return;
    for (const entry of listeners.get(name) ?? []) {
      try {
        entry.listener(payload);
      } catch (error) {
        console.error(`A listener of ${name} failed`, error);
      }
    }
  });

  return {
    invoke(channel, request) {
      if (!isIpcChannel(channel)) {
        const message = `Unknown channel ${JSON.stringify(channel)}.`;
        return Promise.resolve({ ok: false, error: { code: 'invalid-request', message } });
      }
      return ipc.invoke(bridgeChannels.invoke, channel, request) as Promise<IpcResult<never>>;
    },

    on(event, listener) {
      if (!isIpcEventName(event)) {
        throw new TypeError(`Unknown event ${JSON.stringify(event)}.`);
      }
      const entry = { listener: listener as EventListener };
      let entries = listeners.get(event);
      if (!entries) {
        entries = new Set();
        listeners.set(event, entries);
      }
      entries.add(entry);
      return () => {
        entries.delete(entry);
      };
    },

    async pickCsvFile() {
      return (await invokeMain(ipc, bridgeChannels.pickCsv)) as FileRef | null;
    },

    async registerDroppedFile(file) {
      // The path is empty for a File that the page built in memory rather than one the user
      // dropped or picked, and the main process only opens files on disk.
      const path = pathForFile(file);
      if (path === '') {
        throw new Error(
          `"${file.name}" is not a file on disk. Choose a file saved on this computer.`,
        );
      }
      return (await invokeMain(ipc, bridgeChannels.registerDropped, path)) as FileRef;
    },

    async chooseSaveTarget(options) {
      return (await invokeMain(ipc, bridgeChannels.chooseSaveTarget, options)) as SaveTarget | null;
    },

    async chooseFolder(options) {
      return (await invokeMain(ipc, bridgeChannels.chooseFolder, options)) as SaveTarget | null;
    },
  };
}

/**
 * Calls a main-process handler. Electron prefixes the message of an error raised there with
 * "Error invoking remote method '<channel>': Error: ", which is removed so that the page can
 * show the main process's own message to the user.
 */
async function invokeMain(ipc: RendererIpc, channel: string, ...args: unknown[]) {
  try {
    return await ipc.invoke(channel, ...args);
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    throw new Error(remoteErrorMessage(error.message));
  }
}

/** Strips the prefix Electron adds to the message of an error raised by a main handler. */
export function remoteErrorMessage(message: string): string {
  return message.replace(/^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/, '');
}
