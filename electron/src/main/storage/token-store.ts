import { readFile, unlink } from 'node:fs/promises';
import { safeStorage } from 'electron';
import { createLogger } from '../logger';
import { isMissingFile, writeFileAtomic } from './atomic-write';

const log = createLogger('token-store');

/**
 * Whether the OS keychain can protect the token. On Linux without a secret
 * service, Electron falls back to `basic_text`, which encrypts with a fixed
 * key: that is obfuscation, not protection, so it counts as unavailable.
 */
async function isKeychainAvailable(): Promise<boolean> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
  return !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
}

/**
 * The refresh token, encrypted with safeStorage in a file under userData. When
 * the keychain is unavailable it lives in memory only, so the user signs in
 * again after a restart rather than having a readable token on disk.
 */
export class TokenStore {
  private memoryToken: string | null = null;
  private secure: Promise<boolean> | null = null;

  constructor(private readonly file: string) {}

  /** Decided once per run, and said once in the log when the answer is no. */
  isSecure(): Promise<boolean> {
    this.secure ??= isKeychainAvailable().then((available) => {
      if (!available) {
        log.warn(
          'Secure storage (the OS keychain) is unavailable: the refresh token is kept in memory only, ' +
            'so you will need to sign in again after restarting the app.',
        );
      }
      return available;
    });
    return this.secure;
  }

  async get(): Promise<string | null> {
    if (!(await this.isSecure())) return this.memoryToken;
    let encrypted: Buffer;
    try {
      encrypted = await readFile(this.file);
    } catch (error) {
      if (isMissingFile(error)) return null;
      throw error;
    }
    try {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(encrypted);
      if (shouldReEncrypt) await this.set(result);
      return result;
    } catch (error) {
      // A token we cannot decrypt (keychain reset, copied profile) is useless: drop it and sign in again.
      log.warn('get() | stored token cannot be decrypted; discarding it', error);
      await this.clear();
      return null;
    }
  }

  async set(token: string): Promise<void> {
    if (!(await this.isSecure())) {
      this.memoryToken = token;
      return;
    }
    await writeFileAtomic(this.file, await safeStorage.encryptStringAsync(token));
  }

  async clear(): Promise<void> {
    this.memoryToken = null;
    // Removed even when the keychain is unavailable now: a file from an earlier run is still a credential.
    await unlink(this.file).catch((error: unknown) => {
      if (!isMissingFile(error)) throw error;
    });
  }
}
