import { hkdfSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * The platform's one root secret (Secrets Manager in the cloud, a generated file under `.data/`
 * locally). Purpose keys (cursor signing, sessions…) are derived from it with HKDF, so one
 * secret rotates them all. It is fetched lazily: a cold start that needs no key pays nothing.
 */
export interface SecretSource {
  rootSecret(): Promise<string>;
}

export type KeyPurpose = 'cursor' | 'token' | 'upload' | 'device' | 'certificate' | 'respondent';

export class KeyRing {
  private root: Promise<string> | undefined;
  private readonly derived = new Map<KeyPurpose, Uint8Array>();

  constructor(private readonly source: SecretSource) {}

  async key(purpose: KeyPurpose): Promise<Uint8Array> {
    const known = this.derived.get(purpose);
    if (known) return known;
    this.root ??= this.source.rootSecret().catch((error: unknown) => {
      this.root = undefined; // a failed fetch is retried by the next caller
      throw error;
    });
    const root = await this.root;
    if (root.length < 32) throw new Error('The root secret must be at least 32 characters');
    const key = new Uint8Array(hkdfSync('sha256', root, 'przyjazny-urzad', purpose, 32));
    this.derived.set(purpose, key);
    return key;
  }
}

export const staticSecret = (value: string): SecretSource => ({ rootSecret: async () => value });

/** Local mode: the secret lives in a file created on first start (mode 0600), so sessions survive restarts. */
export function fileSecret(path: string): SecretSource {
  return {
    async rootSecret() {
      try {
        return (await readFile(path, 'utf8')).trim();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        const value = randomBytes(48).toString('base64url');
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, value, { mode: 0o600, flag: 'wx' }).catch(async (e: NodeJS.ErrnoException) => {
          if (e.code !== 'EEXIST') throw e; // another process won the race: use its secret
        });
        return (await readFile(path, 'utf8')).trim();
      }
    },
  };
}
