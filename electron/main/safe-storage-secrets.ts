import { safeStorage } from 'electron';
import type { SecretStore } from '../collections/secret-store.ts';

/**
 * The desktop app's secret store: the SMTP password encrypted by the operating system's
 * keychain through Electron's safeStorage, kept in the ledger as base64. It runs on the main
 * thread, where safeStorage lives; the ledger worker reaches it through the secret relay.
 * NOTE: type-checked against Electron 45's typings only; it has never run in Electron, so the
 * async safeStorage calls and the keychain check are unverified on a real desktop.
 */
export const safeStorageSecrets: SecretStore = {
  async encrypt(plain) {
    await requireKeychain();
    return (await safeStorage.encryptStringAsync(plain)).toString('base64');
  },
  async decrypt(stored) {
    // Without a saved password, one given in the environment still works, as elsewhere.
    if (stored === null) return process.env.DUEDESK_SMTP_PASSWORD ?? null;
    await requireKeychain();
    const { result } = await safeStorage.decryptStringAsync(Buffer.from(stored, 'base64'));
    return result;
  },
};

/**
 * Refuses when there is no keychain. On Linux without a secret service Electron falls back to
 * `basic_text`, a key written in its own source, which protects nothing: refused too.
 */
async function requireKeychain(): Promise<void> {
  const available = await safeStorage.isAsyncEncryptionAvailable();
  const plainText =
    process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (!available || plainText) {
    throw new RangeError(
      'This computer offers no keychain to encrypt the SMTP password (on Linux, install and ' +
        'unlock GNOME Keyring or KWallet). Until then, start Duedesk with ' +
        'DUEDESK_SMTP_PASSWORD set in the environment.',
    );
  }
}
