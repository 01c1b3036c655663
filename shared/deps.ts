import type { Job } from './jobs/job';
import type { BlobStore } from './platform/blob-store';
import type { Clock } from './platform/clock';
import type { IdGenerator } from './platform/ids';
import type { Logger } from './platform/logger';
import type { Mailer } from './platform/mailer';
import type { Metrics } from './platform/metrics';
import type { JobQueue } from './platform/queue';
import type { KeyRing } from './platform/secrets';
import type { UploadTarget } from './platform/uploads';
import type { Store } from './store/store';

/**
 * What the product's use cases may use of the outside world; built by functions/ (cloud) or
 * infra/local (laptop). A use case names the few it needs (`Pick<Deps, 'store' | 'clock'>`), so its
 * signature says what it touches and a test can hand it exactly that. The HTTP layer adds its own
 * (who is calling, from where) in shared/http/deps.ts; nothing here knows about HTTP.
 */
export interface Deps {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  /** Business metrics (EMF in the cloud); counted by the use case that made the event true. */
  metrics: Metrics;
  blobs: { documents: BlobStore; certificates: BlobStore };
  /** Where browsers upload attachments (presigned S3 PUT, or the local upload route). */
  uploads: UploadTarget;
  mail: Mailer;
  /** Background jobs (exports, certificates, mail digests): one queue and one worker, the job's `type` routes it. */
  jobs: JobQueue<Job>;
  settings: Settings;
  /** Purpose keys (session signing, cursors, tokens) derived from the root secret. */
  keyRing: KeyRing;
}

export interface Settings {
  mode: 'cloud' | 'local';
  /** Requests with larger bodies are refused with 413 before they are read whole. */
  maxBodyBytes: number;
  /** False only when served over plain http on localhost. */
  secureCookies: boolean;
  /** Origins a browser may send state-changing requests from (the CloudFront URL; localhost locally). */
  trustedOrigins: readonly string[];
  /** Where the web UI is served; links in e-mails point here. */
  publicOrigin: string;
}
