import { AppError } from '../errors';
import type { AppDeps } from '../http/deps';
import { verifyUploadToken } from '../platform/uploads';

/**
 * Local stand-in for the presigned S3 PUT: the token names the key, type and exact size; anything
 * else (another size, an expired or forged token) is refused before a byte is stored.
 */
export async function receiveUpload(
  deps: AppDeps,
  token: string,
  body: Uint8Array,
  contentType: string | undefined,
): Promise<void> {
  if (deps.settings.mode !== 'local') throw new AppError('NOT_FOUND', 'Uploads go to S3 in the cloud');
  const claims = await verifyUploadToken(deps.keyRing, token, deps.clock.now());
  if (!claims) throw new AppError('FORBIDDEN', 'Invalid or expired upload link');
  if (body.length !== claims.size) {
    throw new AppError('VALIDATION_FAILED', 'Size differs from the declared one', {
      fields: {
        body: { pl: 'Rozmiar pliku różni się od zgłoszonego.', en: 'The file size differs from the declared one.' },
      },
    });
  }
  if ((contentType ?? '').split(';')[0]?.trim() !== claims.contentType)
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Content type differs from the signed one');
  await deps.blobs.documents.put(claims.key, body, claims.contentType);
}
