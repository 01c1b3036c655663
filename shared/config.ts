/**
 * Configuration is read from the environment once, through getters that fail with the name of
 * the missing variable (never a bare `undefined` deep inside a handler).
 */
export class MissingConfigError extends Error {
  constructor(readonly variable: string) {
    super(`Missing required environment variable ${variable}`);
    this.name = 'MissingConfigError';
  }
}

export type Env = Record<string, string | undefined>;

export function required(env: Env, name: string): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') throw new MissingConfigError(name);
  return value;
}

function optional(env: Env, name: string, fallback: string): string {
  const value = env[name];
  return value === undefined || value.trim() === '' ? fallback : value;
}

/** An optional setting: undefined when unset or blank. */
function maybe(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

function positiveInt(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`Environment variable ${name} must be a positive integer, got "${raw}"`);
  return n;
}

/** Settings shared by the cloud and the local runtime. Each getter reads the variable when first used. */
export function readConfig(env: Env = process.env) {
  const cache = new Map<string, unknown>();
  const once = <T>(key: string, read: () => T): T => {
    if (!cache.has(key)) cache.set(key, read());
    return cache.get(key) as T;
  };
  return {
    get tableName() {
      return once('tableName', () => required(env, 'TABLE_NAME'));
    },
    get region() {
      return once('region', () => optional(env, 'AWS_REGION', 'eu-central-1'));
    },
    get documentsBucket() {
      return once('documentsBucket', () => required(env, 'DOCUMENTS_BUCKET'));
    },
    get certificatesBucket() {
      return once('certificatesBucket', () => required(env, 'CERTIFICATES_BUCKET'));
    },
    get jobsQueueUrl() {
      return once('jobsQueueUrl', () => required(env, 'JOBS_QUEUE_URL'));
    },
    get mailFrom() {
      return once('mailFrom', () => required(env, 'MAIL_FROM'));
    },
    /** The SES configuration set every mail names (set by CDK); unset locally, where mail goes to the outbox. */
    get mailConfigurationSet(): string | undefined {
      return once('mailConfigurationSet', () => maybe(env, 'MAIL_CONFIGURATION_SET'));
    },
    /** The SNS topic SES publishes bounces and complaints to (the worker accepts feedback from it only). */
    get mailFeedbackTopicArn(): string | undefined {
      return once('mailFeedbackTopicArn', () => maybe(env, 'MAIL_FEEDBACK_TOPIC_ARN'));
    },
    get appSecretArn() {
      return once('appSecretArn', () => required(env, 'APP_SECRET_ARN'));
    },
    /**
     * The KMS key (ARN) that signs Open Badges credentials; set on the jobs worker only. Unset, the
     * signer is the local key file (`npm start`), so the API, which never signs, does not need it.
     */
    get credentialKeyId(): string | undefined {
      return once('credentialKeyId', () => maybe(env, 'CREDENTIAL_KEY_ID'));
    },
    get publicOrigin() {
      return once('publicOrigin', () => optional(env, 'PUBLIC_ORIGIN', 'http://localhost:3000'));
    },
    get maxBodyBytes() {
      return once('maxBodyBytes', () => positiveInt(env, 'MAX_BODY_BYTES', 1024 * 1024));
    },
    get logLevel() {
      return once('logLevel', () => optional(env, 'LOG_LEVEL', 'info'));
    },
    /** Local server only (`npm start`). */
    get port() {
      return once('port', () => positiveInt(env, 'PORT', 3000));
    },
  };
}

export type Config = ReturnType<typeof readConfig>;
