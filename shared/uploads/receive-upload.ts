import { createHash } from 'node:crypto';
import { AppError } from '../errors';
import { verifyUploadToken } from '../platform/uploads';
import type { Deps } from '../deps';
import { claimUploadByKey } from './upload-claims';

export type ReceiveUploadDeps = Pick<Deps, 'store' | 'clock' | 'blobs' | 'keyRing' | 'settings'>;

export interface ReceiveUploadInput {
  /** The signed upload token of the link (it names the key, type, size and SHA-256). */
  token: string;
  body: Uint8Array;
  /** The request's Content-Type header. */
  contentType: string | undefined;
}

const refused = () => new AppError('FORBIDDEN', 'Invalid or expired upload link');

/**
 * Local stand-in for the presigned S3 PUT: the token names the key, type, exact size and SHA-256;
 * anything else (another size or content, an expired or forged token) is refused before a byte is
 * stored. The link is single use: its record (an attachment, or a score sheet's evidence file) is
 * claimed in the database first (refused once used, once the file is complete, or once the
 * application or sheet can no longer be changed), and the bytes are written only where none exist yet.
 */
export async function receiveUpload(deps: ReceiveUploadDeps, input: ReceiveUploadInput): Promise<void> {
  const { token, body, contentType } = input;
  if (deps.settings.mode !== 'local') throw new AppError('NOT_FOUND', 'Uploads go to S3 in the cloud');
  const claims = await verifyUploadToken(deps.keyRing, token, deps.clock.now());
  if (!claims) throw refused();
  if (body.length !== claims.size) {
    throw new AppError('VALIDATION_FAILED', 'Size differs from the declared one', {
      fields: {
        body: { pl: 'Rozmiar pliku różni się od zgłoszonego.', en: 'The file size differs from the declared one.' },
      },
    });
  }
  if ((contentType ?? '').split(';')[0]?.trim() !== claims.contentType)
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Content type differs from the signed one');
  if (createHash('sha256').update(body).digest('hex') !== claims.sha256) {
    throw new AppError('VALIDATION_FAILED', 'Content differs from the declared checksum', {
      fields: {
        body: {
          pl: 'Zawartość pliku różni się od zgłoszonej (suma kontrolna SHA-256). Wyślij plik ponownie.',
          en: 'The file’s content differs from the declared one (SHA-256 checksum). Upload it again.',
        },
      },
    });
  }
  if (!(await claimUploadByKey(deps.store, claims.key, deps.clock.now().toISOString()))) throw refused();
  await deps.blobs.documents.put(claims.key, body, claims.contentType, { ifAbsent: true });
}
