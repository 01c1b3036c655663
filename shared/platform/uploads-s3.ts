import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { assertSafeBlobKey } from './blob-store';
import type { Clock } from './clock';
import { UPLOAD_TTL_SECONDS, type UploadTarget } from './uploads';

/** Presigned S3 PUT: content type and exact length are signed, so S3 refuses any other body. */
export function s3UploadTarget(s3: () => S3Client, bucket: string, clock: Clock): UploadTarget {
  return {
    async presign({ key, contentType, size }) {
      assertSafeBlobKey(key);
      const url = await getSignedUrl(
        s3(),
        new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType, ContentLength: size }),
        {
          expiresIn: UPLOAD_TTL_SECONDS,
          signableHeaders: new Set(['content-type', 'content-length']),
        },
      );
      return {
        url,
        method: 'PUT',
        headers: { 'content-type': contentType },
        expiresAt: new Date(clock.now().getTime() + UPLOAD_TTL_SECONDS * 1000).toISOString(),
      };
    },
  };
}
