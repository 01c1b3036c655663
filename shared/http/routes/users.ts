import { Hono } from 'hono/quick';
import * as z from 'zod/mini';
import { deactivateUser } from '../../accounts/deactivate-user';
import { reactivateUser } from '../../accounts/reactivate-user';
import { inviteExpert } from '../../accounts/invite-expert';
import { listUsers } from '../../accounts/list-users';
import { roles } from '../../access/principal';
import { auditActionGroupNames, auditSubjectTypes } from '../../audit/audit';
import { listAudit } from '../../audit/list-audit';
import { emailAddress, text, voivodeships } from '../../institutions/institution';
import type { AppDeps, AppEnv } from '../deps';
import { describe, validate } from '../openapi/describe';
import { AuditPage, UserPage } from '../responses/accounts';
import { commonErrors, errorResponse, PageQuery, PublicUserSchema } from '../schemas';
import { callerOf } from '../session-cookie';
import { languages } from '../../language';

const UsersQuery = z.object({ role: z.enum(roles), ...PageQuery });
const NewExpert = z.object({
  email: emailAddress,
  displayName: text(200),
  language: z.optional(z.enum(languages)),
  affiliation: text(300),
  voivodeship: z.enum(voivodeships),
  expertise: z.array(text(100)).check(z.maxLength(20)),
});
const AuditQuery = z.object({
  day: z.optional(
    z.string().check(z.refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), 'day')),
  ),
  subjectType: z.optional(z.enum(auditSubjectTypes)),
  // An id, or the e-mail a failed-login burst on an unknown address is recorded under (subject type email).
  subjectId: z.optional(
    z
      .string()
      .check(
        z.refine(
          (v) => /^[0-9A-Za-z_-]{1,64}$/.test(v) || (v.length <= 254 && /^[^\s@#]+@[^\s@#]+\.[^\s@#]+$/.test(v)),
          'id',
        ),
      ),
  ),
  group: z.optional(z.enum(auditActionGroupNames)),
  ...PageQuery,
});
const tags = ['organizer'];

export const userRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get(
      '/api/users',
      describe({
        summary: 'Accounts of one role, by e-mail, paginated',
        operationId: 'listUsers',
        tags,
        responses: { 200: { description: 'A page', schema: UserPage }, ...commonErrors },
      }),
      validate('query', UsersQuery),
      async (c) => {
        const { role, cursor, limit } = c.req.valid('query');
        return c.json(await listUsers(deps, { role, cursor, limit: limit ?? 25 }), 200);
      },
    )
    .post(
      '/api/experts',
      describe({
        summary: 'Invite a chapter expert (mails the invitation link)',
        operationId: 'inviteExpert',
        tags,
        responses: {
          201: { description: 'Invited', schema: PublicUserSchema },

          409: errorResponse('E-mail already has an account'),
          ...commonErrors,
        },
      }),
      validate('json', NewExpert),
      async (c) => {
        const input = c.req.valid('json');
        return c.json(
          await inviteExpert(deps, { ...input, language: input.language ?? c.get('lang'), caller: callerOf(c, deps) }),
          201,
        );
      },
    )
    .post(
      '/api/users/:userId/deactivate',
      describe({
        summary: 'Deactivate an account; its sessions end at once',
        operationId: 'deactivateUser',
        tags,
        responses: {
          200: { description: 'Deactivated', schema: PublicUserSchema },

          ...commonErrors,
        },
      }),
      async (c) =>
        c.json(await deactivateUser(deps, { userId: c.req.param('userId'), caller: callerOf(c, deps) }), 200),
    )
    .post(
      '/api/users/:userId/reactivate',
      describe({
        summary: 'Reactivate an account',
        operationId: 'reactivateUser',
        tags,
        responses: {
          200: { description: 'Reactivated', schema: PublicUserSchema },

          ...commonErrors,
        },
      }),
      async (c) =>
        c.json(await reactivateUser(deps, { userId: c.req.param('userId'), caller: callerOf(c, deps) }), 200),
    )
    .get(
      '/api/audit',
      describe({
        summary:
          'The audit trail: one Polish calendar day (`day`, midnight to midnight in Warsaw; today in Poland by default) or one subject (`subjectType` + `subjectId`), optionally one kind of event (`group`), newest first, paginated; actors carry `actorName` (one BatchGet per page)',
        operationId: 'listAudit',
        tags,
        responses: { 200: { description: 'A page of entries', schema: AuditPage }, ...commonErrors },
      }),
      validate('query', AuditQuery),
      async (c) => c.json(await listAudit(deps, c.req.valid('query')), 200),
    );
