import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { assertSafeBlobKey } from './blob-store';
import type { Clock } from './clock';
import { checksumHeader, UPLOAD_TTL_SECONDS, type UploadTarget } from './uploads';

/**
 * Presigned S3 PUT. Signed with it, so S3 refuses anything else: the content type, the exact
 * length, the SHA-256 of the declared bytes (S3 checks the body against it) and `If-None-Match: *`
 * (a replayed URL cannot replace the object once it exists: 412).
 */
export function s3UploadTarget(s3: () => S3Client, bucket: string, clock: Clock): UploadTarget {
  return {
    async presign({ key, contentType, size, sha256 }) {
      assertSafeBlobKey(key);
      const checksum = checksumHeader(sha256);
      const url = await getSignedUrl(
        s3(),
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          ContentType: contentType,
          ContentLength: size,
          ChecksumSHA256: checksum,
          IfNoneMatch: '*',
        }),
        {
          expiresIn: UPLOAD_TTL_SECONDS,
          signableHeaders: new Set(['content-type', 'content-length', 'x-amz-checksum-sha256', 'if-none-match']),
          // Kept as headers (not query parameters), so the browser must send them as signed.
          unhoistableHeaders: new Set(['x-amz-checksum-sha256', 'if-none-match']),
        },
      );
      return {
        url,
        method: 'PUT',
        headers: { 'content-type': contentType, 'x-amz-checksum-sha256': checksum, 'if-none-match': '*' },
        expiresAt: new Date(clock.now().getTime() + UPLOAD_TTL_SECONDS * 1000).toISOString(),
      };
    },
  };
}
