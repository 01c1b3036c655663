import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { AppError } from '../errors';
import { assertSafeBlobKey, type BlobStore } from './blob-store';

/** `s3` is called on first use, so a cold start that touches no file does not build an S3 client. */
export function s3BlobStore(s3: () => S3Client, bucket: string): BlobStore {
  return {
    async put(key, body, contentType) {
      assertSafeBlobKey(key);
      await wrap(() => s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType })));
    },
    async get(key) {
      assertSafeBlobKey(key);
      try {
        const out = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!out.Body) return null;
        return { body: await out.Body.transformToByteArray(), contentType: out.ContentType ?? 'application/octet-stream' };
      } catch (error) {
        if (error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound')) return null;
        throw translate(error);
      }
    },
    async delete(key) {
      assertSafeBlobKey(key);
      await wrap(() => s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: key })));
    },
  };
}

async function wrap<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (error) {
    throw translate(error);
  }
}

function translate(error: unknown): unknown {
  if (error instanceof Error && (error.name === 'SlowDown' || error.name === 'ServiceUnavailable' || error.name === 'InternalError')) {
    return new AppError('SERVICE_UNAVAILABLE', 'File storage is busy', { cause: error, retryAfterSeconds: 2 });
  }
  return error;
}
