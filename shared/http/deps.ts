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

/** Everything the app needs from the outside world; built by functions/ (cloud) or infra/local (laptop). */
export interface AppDeps {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  blobs: { documents: BlobStore; certificates: BlobStore };
  mail: Mailer;
  certificateJobs: JobQueue<CertificateJob>;
  settings: AppSettings;
  /** Who is calling; anonymous for everyone until sessions exist (issue 3). */
  principals: PrincipalResolver;
}

export interface AppSettings {
  mode: 'cloud' | 'local';
  /** Requests with larger bodies are refused with 413 before they are read whole. */
  maxBodyBytes: number;
  /** False only when served over plain http on localhost. */
  secureCookies: boolean;
  /** Origins a browser may send state-changing requests from (the CloudFront URL; localhost locally). */
  trustedOrigins: readonly string[];
}

export interface AppEnv {
  Variables: { requestId: string; lang: Language; principal: Principal };
}
