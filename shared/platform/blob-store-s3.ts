import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { AppError } from '../errors';
import { callAws } from './aws-errors';
import { assertSafeBlobKey, type BlobStore } from './blob-store';

/** `s3` is called on first use, so a cold start that touches no file does not build an S3 client. */
export function s3BlobStore(s3: () => S3Client, bucket: string): BlobStore {
  return {
    async put(key, body, contentType, options = {}) {
      assertSafeBlobKey(key);
      try {
        await callAws('File storage', () =>
          s3().send(
            new PutObjectCommand({
              Bucket: bucket,
              Key: key,
              Body: body,
              ContentType: contentType,
              ...(options.ifAbsent ? { IfNoneMatch: '*' } : {}),
            }),
          ),
        );
      } catch (error) {
        // 412: the conditional write found an object there already.
        if (error instanceof Error && (error.name === 'PreconditionFailed' || statusOf(error) === 412)) {
          throw new AppError('CONFLICT', 'The blob exists already', { cause: error });
        }
        throw error;
      }
    },
    async get(key) {
      assertSafeBlobKey(key);
      try {
        return await callAws('File storage', async () => {
          const out = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
          if (!out.Body) return null;
          return {
            body: await out.Body.transformToByteArray(),
            contentType: out.ContentType ?? 'application/octet-stream',
          };
        });
      } catch (error) {
        if (error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound')) return null;
        throw error;
      }
    },
    async delete(key) {
      assertSafeBlobKey(key);
      await callAws('File storage', () => s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: key })));
    },
  };
}

const statusOf = (error: Error) => (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
