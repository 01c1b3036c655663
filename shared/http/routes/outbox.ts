import { Hono } from 'hono/quick';
import * as z from 'zod/mini';
import { AppError } from '../../errors';
import { sentMailSchema, type Mailer, type Outbox } from '../../platform/mailer';
import type { AppDeps, AppEnv } from '../deps';
import { describe } from '../openapi/describe';
import { commonErrors, errorResponse } from '../schemas';

const isOutbox = (mail: Mailer): mail is Outbox => typeof (mail as Partial<Outbox>).list === 'function';

/**
 * Local mode only: the e-mails the platform "sent" (they went to the outbox), newest first, so a
 * person trying the platform can open the confirmation and invitation links. 404 in the cloud.
 */
export const outboxRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().get(
    '/api/dev/outbox',
    describe({
      summary: 'Local mode: the outbox of sent e-mails (404 in the cloud)',
      operationId: 'listOutbox',
      tags: ['platform'],
      responses: {
        200: { description: 'Sent e-mails', schema: z.object({ items: z.array(sentMailSchema) }) },
        404: errorResponse('Not in local mode'),
        ...commonErrors,
      },
    }),
    async (c) => {
      if (deps.settings.mode !== 'local' || !isOutbox(deps.mail))
        throw new AppError('NOT_FOUND', 'The outbox exists in local mode only');
      c.header('Cache-Control', 'no-store');
      return c.json({ items: (await deps.mail.list()).slice(0, 100) }, 200);
    },
  );
