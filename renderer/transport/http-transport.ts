import type { DuedeskApi, FileRef } from '../../shared/ipc/api.ts';
import type { IpcChannel, IpcRequest, IpcResponse } from '../../shared/ipc/contract.ts';
import type { IpcEventName, IpcEventPayload } from '../../shared/ipc/events.ts';
import type { IpcResult } from '../../shared/ipc/ipc-error.ts';
import type { SaveTarget } from '../../shared/ipc/report-contract.ts';
import { pickLocalFile } from './file-input.ts';

/**
 * Creates the DuedeskApi that talks to the loopback HTTP host, for development and end-to-end
 * tests in a plain browser. The host set an HttpOnly cookie when the page was first loaded
 * with its token, so every same-origin request below is authorised without the renderer
 * seeing the token. `onEventsLost` runs when the event stream closes for good.
 */
export function createHttpTransport(onEventsLost: (message: string) => void): DuedeskApi {
  const events = new EventStream('/events', onEventsLost);
  return {
    invoke: (channel, request) => postJson(`/ipc/${channel}`, request),
    on: (event, listener) => events.subscribe(event, listener),
    async pickCsvFile() {
      const file = await pickLocalFile('.csv,.txt');
      return file === null ? null : uploadOrThrow(file);
    },
    registerDroppedFile: uploadOrThrow,
    // The host has no dialog: it picks a file or makes a folder in its exports folder.
    chooseSaveTarget: (options) => postOrThrow<SaveTarget>('/save-target', options),
    chooseFolder: (options) => postOrThrow<SaveTarget>('/save-folder', options),
  };
}

/** Posts `body` to the host and returns the result's value, rejecting with its message. */
async function postOrThrow<T>(path: string, body: unknown): Promise<T> {
  const result = await fetchResult<T>(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function postJson<C extends IpcChannel>(
  path: string,
  request: IpcRequest<C>,
): Promise<IpcResult<IpcResponse<C>>> {
  return fetchResult(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
}

/** Sends the file's bytes to the host, which keeps them and returns a token for them. */
async function uploadOrThrow(file: File): Promise<FileRef> {
  const result = await fetchResult<FileRef>('/files', {
    method: 'POST',
    headers: { 'x-file-name': encodeURIComponent(file.name) },
    body: file,
  });
  // The DuedeskApi signature returns the FileRef itself, as Electron's preload does, so a
  // failed upload can only surface as a rejected promise.
  if (!result.ok) throw new Error(`Upload of ${file.name} failed: ${result.error.message}`);
  return result.value;
}

/**
 * Turns every outcome of a request into an IpcResult, so that a host that is down, or that
 * responds with something other than JSON, reaches the user as a message, not an exception.
 */
async function fetchResult<T>(path: string, init: RequestInit): Promise<IpcResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, credentials: 'same-origin' });
  } catch (error) {
    return transportFailure(`The Duedesk host did not respond to ${path}: ${describe(error)}.`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return transportFailure(
      `The Duedesk host answered ${path} with HTTP ${response.status} and no JSON result.` +
        (response.status === 401 || response.status === 403
          ? ' Open the address the host printed, with its token, to sign in again.'
          : ''),
    );
  }
  if (!isIpcResult(body)) {
    return transportFailure(`The Duedesk host answered ${path} with an unexpected JSON shape.`);
  }
  return body as IpcResult<T>;
}

function isIpcResult(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return value.ok === true ? 'value' in value : 'error' in value;
}

function transportFailure(message: string): {
  ok: false;
  error: { code: 'failed'; message: string };
} {
  return { ok: false, error: { code: 'failed', message } };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type Listener = (payload: unknown) => void;

/**
 * One EventSource shared by every subscriber, opened on the first subscription. EventSource
 * reconnects by itself after a dropped connection. It gives up for good when the host
 * rejects it with an HTTP error status, and only then does `onLost` report the loss.
 */
class EventStream {
  private source: EventSource | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(
    private readonly url: string,
    private readonly onLost: (message: string) => void,
  ) {}

  subscribe<E extends IpcEventName>(
    event: E,
    listener: (payload: IpcEventPayload<E>) => void,
  ): () => void {
    const source = this.open();
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
      source.addEventListener(event, (message) => this.deliver(event, message));
    }
    set.add(listener as Listener);
    return () => {
      set.delete(listener as Listener);
    };
  }

  private open(): EventSource {
    if (this.source === null) {
      const source = new EventSource(this.url);
      source.addEventListener('error', () => {
        if (source.readyState !== EventSource.CLOSED) return;
        this.onLost(
          'Live updates from the Duedesk host stopped, so views will not refresh after ' +
            'changes. Reload the page to reconnect.',
        );
      });
      this.source = source;
    }
    return this.source;
  }

  private deliver(event: string, message: MessageEvent): void {
    let payload: unknown;
    try {
      payload = JSON.parse(String(message.data));
    } catch {
      console.error(`[transport] ignored ${event} event whose data is not JSON`, message.data);
      return;
    }
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }
}
