import { AppError } from '../errors';

/** Documents and certificates: S3 in the cloud, files under `.data/blobs/` locally. */
export interface StoredBlob {
  body: Uint8Array;
  contentType: string;
}

export interface BlobStore {
  /**
   * Stores the bytes. With `ifAbsent` an existing blob is never replaced: the put fails with
   * CONFLICT instead (S3's conditional `If-None-Match: *`, an exclusive link locally).
   */
  put(key: string, body: Uint8Array, contentType: string, options?: { ifAbsent?: boolean }): Promise<void>;
  /** `null` when there is no such blob. */
  get(key: string): Promise<StoredBlob | null>;
  delete(key: string): Promise<void>;
}

/**
 * Blob keys are built by the platform from ids (`applications/<id>/<attachmentId>`), never from a
 * user's file name; anything else is refused as bad input (400), never as a 500.
 */
export function assertSafeBlobKey(key: string): void {
  const ok =
    /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,511}$/.test(key) &&
    key.split('/').every((p) => p !== '' && p !== '.' && p !== '..');
  if (!ok) throw new AppError('VALIDATION_FAILED', `Unsafe blob key: ${key}`, { fields: { key: 'invalid' } });
}
