/** Documents and certificates: S3 in the cloud, files under `.data/blobs/` locally. */
export interface StoredBlob { body: Uint8Array; contentType: string }

export interface BlobStore {
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** `null` when there is no such blob. */
  get(key: string): Promise<StoredBlob | null>;
  delete(key: string): Promise<void>;
}

/** Blob keys are paths chosen by the platform; refuse anything that could escape its folder. */
export function assertSafeBlobKey(key: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/.test(key) || key.split('/').some((p) => p === '..' || p === '.' || p === '')) {
    throw new Error(`Unsafe blob key: ${key}`);
  }
}
