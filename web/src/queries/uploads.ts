import { ApiError, errorDetailsOf } from '../api';

/** Where to PUT the bytes of a started upload, as the API hands it out (single use). */
export interface UploadTarget {
  url: string;
  method: string;
  headers: Record<string, string>;
}

/** Hex SHA-256 of a file: the upload link the server hands out accepts exactly these bytes. */
export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The middle step of every upload: PUT the bytes to the ticket's link (same origin locally, a
 * presigned S3 address in the cloud, which needs no cookie). A network failure or a refusal becomes
 * an ApiError with the server's words when it sent any, else `failed`.
 */
export async function putBytes(target: UploadTarget, file: Blob, failed: () => string): Promise<void> {
  let put: Response;
  try {
    put = await fetch(target.url, { method: target.method, headers: target.headers, body: file });
  } catch {
    throw new ApiError(0, 'NETWORK', failed());
  }
  if (!put.ok) {
    const details = errorDetailsOf(await put.json().catch(() => null));
    throw new ApiError(put.status, details?.code ?? 'UPLOAD', details?.message ?? failed());
  }
}
