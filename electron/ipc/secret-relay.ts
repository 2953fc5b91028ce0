/**
 * Carries the SMTP password's encryption between the ledger worker and the main thread. Only
 * the main thread of the desktop app can reach Electron's safeStorage, while the handlers that
 * save settings and send mail run in the worker. So the worker sends requests and the main
 * thread responds. A rejection (no keychain) stays a RangeError on the worker side, so the
 * window shows its message.
 */

import type { SecretStore } from '../collections/secret-store.ts';
import { log } from '../log.ts';
import type { SecretRequest, SecretResponse } from './ledger-worker-protocol.ts';

export interface SecretRelay {
  /** The worker's secret store: each call becomes a request to the main thread. */
  readonly store: SecretStore;
  /** Settles the pending request that a response from the main thread belongs to. */
  receive(response: SecretResponse): void;
}

/**
 * Creates the worker side, which posts requests with `post`. Feed the main thread's responses
 * to `receive`.
 */
export function relaySecrets(post: (request: SecretRequest) => void): SecretRelay {
  const pending = new Map<number, (response: SecretResponse) => void>();
  let nextId = 1;
  const sendRequest = (op: SecretRequest['op'], value: string | null) =>
    new Promise<string | null>((resolve, reject) => {
      const id = nextId;
      nextId += 1;
      pending.set(id, (response) => {
        if (response.ok) resolve(response.value);
        else
          reject(
            response.rejected ? new RangeError(response.message) : new Error(response.message),
          );
      });
      post({ type: 'secret-request', id, op, value });
    });
  return {
    store: {
      async encrypt(plain) {
        const cipher = await sendRequest('encrypt', plain);
        if (cipher === null) throw new Error('The main thread returned no encrypted password.');
        return cipher;
      },
      decrypt: (stored) => sendRequest('decrypt', stored),
    },
    receive(response) {
      pending.get(response.id)?.(response);
      pending.delete(response.id);
    },
  };
}

/**
 * Responds to one request on the main thread with `store`. Store errors become a response with
 * `ok: false`, so the returned promise does not reject.
 */
export async function answerSecretRequest(
  store: SecretStore,
  request: SecretRequest,
): Promise<SecretResponse> {
  try {
    const value =
      request.op === 'encrypt'
        ? await store.encrypt(request.value ?? '')
        : await store.decrypt(request.value);
    return { type: 'secret-response', id: request.id, ok: true, value };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const name = error instanceof Error ? error.name : 'Error';
    log.warn(`[secret-relay] ${request.op} request ${request.id} failed: ${name}: ${message}`);
    return {
      type: 'secret-response',
      id: request.id,
      ok: false,
      rejected: error instanceof RangeError,
      message,
    };
  }
}
