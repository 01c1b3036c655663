/**
 * `npm run create-organizer -- --email anna@example.org [--name "Anna Nowak"] [--language pl|en]`
 *
 * Creates an organizer account (invited: the person sets a password through the link, which is both
 * e-mailed and printed here). Where it writes:
 *  - cloud: when TABLE_NAME is set (with AWS_REGION, MAIL_FROM and PUBLIC_ORIGIN, and credentials
 *    allowed to write the table and send mail) — run it from an operator's shell;
 *  - local: the `.data/` of `npm start` — through the running platform's DynamoDB Local if one is
 *    running, or by starting DynamoDB Local on `.data/` for the moment the command runs.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { createOrganizer } from '../../shared/accounts/create-organizer';
import { AppError } from '../../shared/errors';
import { emailAddress } from '../../shared/institutions/institution';
import { systemClock } from '../../shared/platform/clock';
import { ulidGenerator } from '../../shared/platform/ids';
import { lazy } from '../../shared/platform/lazy';
import { outboxMailer } from '../../shared/platform/mailer-outbox';
import { sesMailer } from '../../shared/platform/mailer-ses';
import type { Mailer } from '../../shared/platform/mailer';
import { KeyRing, staticSecret } from '../../shared/platform/secrets';
import { CursorCodec } from '../../shared/store/cursor';
import { Store } from '../../shared/store/store';
import {
  localCredentials,
  localRegion,
  runningEndpoint,
  startDynamoDbLocal,
  type DynamoDbLocal,
} from '../local/dynamodb-local';
import { ensureTable } from '../local/ensure-table';
import { LOCAL_TABLE_NAME } from '../local/local-deps';
import { isLanguage } from '../../shared/language';

const usage = 'Usage: npm run create-organizer -- --email anna@example.org [--name "Anna Nowak"] [--language pl|en]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      language: { type: 'string', default: 'pl' },
      data: { type: 'string', default: '.data' },
    },
  });
  const email = emailAddress.safeParse(values.email ?? '');
  if (!values.email || !email.success) {
    console.error(`${values.email ? `Not an e-mail address: ${values.email}\n` : ''}${usage}`);
    return 2;
  }
  if (!isLanguage(values.language)) {
    console.error(`--language must be pl or en\n${usage}`);
    return 2;
  }
  const clock = systemClock;
  const ids = ulidGenerator(clock);
  // No pagination happens here, so the cursor key need not be the platform's.
  const cursors = new CursorCodec(() => new KeyRing(staticSecret(randomBytes(48).toString('base64url'))).key('cursor'));
  let db: DynamoDbLocal | undefined;
  let dynamo: DynamoDBClient;
  let tableName: string;
  let mail: Mailer;
  let publicOrigin: string;
  if (process.env.TABLE_NAME) {
    const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
    const missing = ['MAIL_FROM', 'PUBLIC_ORIGIN'].filter((v) => !process.env[v]);
    if (!region) missing.push('AWS_REGION');
    if (missing.length > 0) {
      console.error(`With TABLE_NAME set (cloud), also set: ${missing.join(', ')}`);
      return 2;
    }
    dynamo = new DynamoDBClient({ region });
    tableName = process.env.TABLE_NAME;
    mail = sesMailer(
      lazy(() => new SESv2Client({ region })),
      process.env.MAIL_FROM ?? '',
    );
    publicOrigin = process.env.PUBLIC_ORIGIN ?? '';
  } else {
    const dataDir = resolve(values.data);
    mkdirSync(dataDir, { recursive: true });
    const pidFile = join(dataDir, 'dynamodb.pid');
    let endpoint = runningEndpoint(pidFile);
    if (!endpoint) {
      db = await startDynamoDbLocal({ dbPath: join(dataDir, 'dynamodb'), pidFile });
      endpoint = db.endpoint;
    }
    dynamo = new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials });
    tableName = LOCAL_TABLE_NAME;
    await ensureTable(dynamo, tableName);
    mail = outboxMailer(clock, ids, join(dataDir, 'outbox'));
    publicOrigin = `http://localhost:${process.env.PORT ?? 3000}`;
  }
  try {
    const store = new Store(tableName, dynamo, cursors);
    const { user, link } = await createOrganizer(
      {
        store,
        clock,
        ids,
        mail,
        settings: {
          mode: process.env.TABLE_NAME ? 'cloud' : 'local',
          maxBodyBytes: 0,
          secureCookies: true,
          trustedOrigins: [],
          publicOrigin,
        },
      },
      {
        email: email.data,
        displayName: values.name ?? email.data,
        language: values.language,
        operator: `create-organizer (${userInfo().username})`,
      },
    );
    console.log(
      `Organizer ${user.email} created (user id ${user.userId}).\nThe invitation was e-mailed; the link to set the password (valid 7 days):\n\n  ${link}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === 'ALREADY_EXISTS') {
      console.error(`An account with the e-mail ${email.data} already exists.`);
      return 1;
    }
    throw error;
  } finally {
    dynamo.destroy();
    await db?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
