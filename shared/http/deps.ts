import type { CertificateJob } from '../certificates/certificate-job';
import type { Store } from '../store/store';
import type { BlobStore } from '../platform/blob-store';
import type { Clock } from '../platform/clock';
import type { IdGenerator } from '../platform/ids';
import type { Logger } from '../platform/logger';
import type { Mailer } from '../platform/mailer';
import type { JobQueue } from '../platform/queue';
import type { Principal } from '../access/principal';
import type { Language } from './language';
import type { PrincipalResolver } from './middleware/authorize';
import type { KeyRing } from '../platform/secrets';
import type { Context } from 'hono';
import type { UploadTarget } from '../platform/uploads';
import type { ExportJob } from '../exports/export-job';
import type { DatabaseOutage } from '../health/check-health';

/** Everything the app needs from the outside world; built by functions/ (cloud) or infra/local (laptop). */
export interface AppDeps {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  blobs: { documents: BlobStore; certificates: BlobStore };
  /** Where browsers upload attachments (presigned S3 PUT, or the local upload route). */
  uploads: UploadTarget;
  mail: Mailer;
  certificateJobs: JobQueue<CertificateJob>;
  /** Exports (CSV, XLSX, attachments ZIP) are built by the worker, off the request path. */
  exportJobs: JobQueue<ExportJob>;
  settings: AppSettings;
  /** Purpose keys (session signing, cursors) derived from the root secret. */
  keyRing: KeyRing;
  /** Who is calling: the session cookie's account (sessionPrincipals), or a test double. */
  principals: PrincipalResolver;
  /** The client's address as the platform sees it (API Gateway's source IP, the socket locally). */
  clientAddress: (c: Context) => string;
  /** Locally: why the database is down while DynamoDB Local is being restarted (for /api/health). */
  databaseOutage?: DatabaseOutage;
}

export interface AppSettings {
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

export interface AppEnv {
  Variables: { requestId: string; lang: Language; principal: Principal };
}
