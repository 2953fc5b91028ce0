/**
 * The store of the SMTP password. The desktop app encrypts it with Electron's safeStorage (the
 * operating system's keychain); the ledger holds only the encrypted form.
 */
export interface SecretStore {
  /** Returns the encrypted form of `plain`, to store; raises when no encryption is available. */
  encrypt(plain: string): Promise<string>;
  /** Returns the plain text of a stored secret, or of the environment's fallback. */
  decrypt(stored: string | null): Promise<string | null>;
}

/**
 * The secret store of the command line and the loopback host, which have no keychain: the
 * password comes from DUEDESK_SMTP_PASSWORD and is never stored.
 */
export const environmentSecretStore: SecretStore = {
  encrypt() {
    return Promise.reject(
      new RangeError(
        'Only the desktop app can save the SMTP password, encrypted by the system keychain. ' +
          'Here, set DUEDESK_SMTP_PASSWORD in the environment instead.',
      ),
    );
  },
  decrypt() {
    return Promise.resolve(process.env.DUEDESK_SMTP_PASSWORD ?? null);
  },
};
