import { S3Client } from '@aws-sdk/client-s3';
import type { Config } from '../../shared/config';
import type { BlobStore } from '../../shared/platform/blob-store';
import { s3BlobStore } from '../../shared/platform/blob-store-s3';
import { systemClock } from '../../shared/platform/clock';
import { lazy } from '../../shared/platform/lazy';
import { s3UploadTarget } from '../../shared/platform/uploads-s3';
import type { UploadTarget } from '../../shared/platform/uploads';

/** S3 for the api: loaded as its own chunk on the first request that touches a file (functions/cloud-deps.ts). */
export function s3Adapters(config: Config): { documents: BlobStore; certificates: BlobStore; uploads: UploadTarget } {
  const s3 = lazy(() => new S3Client({ region: config.region }));
  return {
    documents: s3BlobStore(s3, config.documentsBucket),
    certificates: s3BlobStore(s3, config.certificatesBucket),
    uploads: s3UploadTarget(s3, config.documentsBucket, systemClock),
  };
}
