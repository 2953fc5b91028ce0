import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';

import type { SecretStore } from '../../electron/collections/secret-store.ts';
import { startLedgerWorker, type LedgerWorker } from '../../electron/ipc/ledger-worker-client.ts';
import type { SecretRequest, SecretResponse } from '../../electron/ipc/ledger-worker-protocol.ts';
import { answerSecretRequest, relaySecrets } from '../../electron/ipc/secret-relay.ts';
import { openLedger } from '../../electron/ledger/database.ts';
import { useTempFolder } from '../support/temp-ledger.ts';

/**
 * A stand-in for the keychain, which only Electron's main process has: it "encrypts" by
 * reversing and tagging, so a test can tell the stored form from the password.
 */
function reversingStore(calls: string[] = []): SecretStore {
  return {
    encrypt(plain) {
      calls.push('encrypt');
      if (plain === 'refuse me') return Promise.reject(new RangeError('No keychain here.'));
      return Promise.resolve(`cipher:${[...plain].reverse().join('')}`);
    },
    decrypt(stored) {
      calls.push('decrypt');
      if (stored === null) return Promise.resolve(null);
      return Promise.resolve([...stored.slice('cipher:'.length)].reverse().join(''));
    },
  };
}

describe('secret relay over a message port', () => {
  const channels: MessageChannel[] = [];
  afterEach(() => {
    for (const channel of channels.splice(0)) channel.port1.close();
  });

  /** The worker's store on port1, answered by `store` on port2, as the two threads do. */
  function relayed(store: SecretStore) {
    const channel = new MessageChannel();
    channels.push(channel);
    const relay = relaySecrets((request) => channel.port1.postMessage(request));
    channel.port1.on('message', (response: SecretResponse) => relay.receive(response));
    channel.port2.on('message', (request: SecretRequest) => {
      void answerSecretRequest(store, request).then((response) =>
        channel.port2.postMessage(response),
      );
    });
    return relay.store;
  }

  it('encrypts and decrypts through the other side, several requests at once', async () => {
    const calls: string[] = [];
    const store = relayed(reversingStore(calls));
    const ciphers = await Promise.all([store.encrypt('abc'), store.encrypt('xyz')]);
    expect(ciphers).toEqual(['cipher:cba', 'cipher:zyx']);
    expect(await store.decrypt('cipher:cba')).toBe('abc');
    expect(await store.decrypt(null)).toBeNull();
    expect(calls).toEqual(['encrypt', 'encrypt', 'decrypt', 'decrypt']);
  });

  it('keeps a refusal a RangeError with its message, and other failures plain errors', async () => {
    const store = relayed({
      ...reversingStore(),
      decrypt: () => Promise.reject(new Error('The keychain is locked.')),
    });
    const refusal = await store.encrypt('refuse me').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RangeError);
    expect(refusal).toHaveProperty('message', 'No keychain here.');
    const failure = await store.decrypt('cipher:x').catch((error: unknown) => error);
    expect(failure).not.toBeInstanceOf(RangeError);
    expect(failure).toHaveProperty('message', 'The keychain is locked.');
  });
});

describe('ledger worker with the main thread keeping the secrets', () => {
  const temp = useTempFolder();
  const workers: LedgerWorker[] = [];
  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.close();
  });

  const settings = {
    host: '127.0.0.1',
    port: 2525,
    security: 'none',
    user: 'accounts',
    fromAddress: 'accounts@example.test',
    fromName: '',
    replyTo: '',
  } as const;

  async function worker(secrets?: SecretStore) {
    const { path, db } = temp.ledger();
    db.close();
    const started = startLedgerWorker({ dbPath: path, onEvent: () => undefined, secrets });
    workers.push(started);
    await started.ready;
    return { path, handlers: started.handlers };
  }

  it('saves only the encrypted password, asking this thread to encrypt it', async () => {
    const calls: string[] = [];
    const { path, handlers } = await worker(reversingStore(calls));
    const saved = await handlers['smtp/save']({ settings, password: 'hunter2' });
    expect(saved).toEqual({ settings, hasPassword: true });
    expect(calls).toEqual(['encrypt']);
    const db = openLedger(path, { readOnly: true });
    const stored = db.prepare(`SELECT value FROM settings WHERE key = 'smtp'`).pluck().get();
    db.close();
    expect(JSON.parse(stored as string)).toMatchObject({ passwordCipher: 'cipher:2retnuh' });
  });

  it('refuses a password without a keychain on this thread', async () => {
    const { handlers } = await worker();
    await expect(handlers['smtp/save']({ settings, password: 'hunter2' })).rejects.toMatchObject({
      code: 'rejected',
      message: expect.stringContaining('set DUEDESK_SMTP_PASSWORD in the environment'),
    });
  });
});
