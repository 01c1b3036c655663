import { Hono } from 'hono/quick';
import * as z from 'zod/mini';
import { emailAddress, InstitutionProfile, text } from '../../institutions/institution';
import { getInstitution } from '../../institutions/get-institution';
import { inviteMember } from '../../institutions/invite-member';
import { listMembers } from '../../institutions/list-members';
import { registerInstitution } from '../../institutions/register-institution';
import { Registration } from '../../institutions/registration';
import { updateInstitution } from '../../institutions/update-institution';
import type { AppDeps, AppEnv } from '../deps';
import { describe, validate } from '../openapi/describe';
import { Institution, Members } from '../responses/accounts';
import { Accepted } from '../responses/common';
import { commonErrors, errorResponse, PublicUserSchema } from '../schemas';
import { callerOf } from '../session-cookie';
import { languages } from '../../language';

const ProfileEdit = z.extend(InstitutionProfile, { version: z.number().check(z.int()) });
const Colleague = z.object({ email: emailAddress, displayName: text(200), language: z.optional(z.enum(languages)) });
const tags = ['institutions'];

export const institutionRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .post(
      '/api/institutions',
      describe({
        summary:
          'Register an institution with its first member (one transaction); mails the confirmation link. The same 202 for an e-mail that already has an account (its owner is told by mail instead)',
        operationId: 'registerInstitution',
        tags,
        responses: {
          202: { description: 'Accepted: confirm by the e-mailed link', schema: Accepted },
          409: errorResponse('NIP already registered (`fields` names institution.nip)'),
          429: errorResponse('Too many registrations from this address: wait Retry-After seconds'),
          ...commonErrors,
        },
      }),
      validate('json', Registration),
      async (c) => {
        const { institution, account } = c.req.valid('json');
        await registerInstitution(deps, {
          institution,
          account: { ...account, language: account.language ?? c.get('lang') },
          caller: callerOf(c, deps),
        });
        return c.json({ accepted: true as const }, 202);
      },
    )
    .get(
      '/api/institutions/:institutionId',
      describe({
        summary: 'The institution’s profile',
        operationId: 'getInstitution',
        tags,
        responses: { 200: { description: 'Profile', schema: Institution }, ...commonErrors },
      }),
      async (c) => c.json(await getInstitution(deps, { institutionId: c.req.param('institutionId') }), 200),
    )
    .put(
      '/api/institutions/:institutionId',
      describe({
        summary: 'Edit the profile (optimistic locking: send the version you started from)',
        operationId: 'updateInstitution',
        tags,
        responses: {
          200: { description: 'Saved', schema: Institution },

          409: errorResponse('Changed meanwhile; nothing was overwritten'),
          ...commonErrors,
        },
      }),
      validate('json', ProfileEdit),
      async (c) =>
        c.json(
          await updateInstitution(deps, {
            ...c.req.valid('json'),
            institutionId: c.req.param('institutionId'),
            caller: callerOf(c, deps),
          }),
          200,
        ),
    )
    .get(
      '/api/institutions/:institutionId/members',
      describe({
        summary: 'Members of the institution',
        operationId: 'listMembers',
        tags,
        responses: {
          200: { description: 'Members', schema: Members },

          ...commonErrors,
        },
      }),
      async (c) => c.json({ items: await listMembers(deps, { institutionId: c.req.param('institutionId') }) }, 200),
    )
    .post(
      '/api/institutions/:institutionId/members',
      describe({
        summary: 'Invite a colleague by e-mail',
        operationId: 'inviteMember',
        tags,
        responses: {
          201: { description: 'Invited', schema: PublicUserSchema },

          409: errorResponse('E-mail already has an account'),
          ...commonErrors,
        },
      }),
      validate('json', Colleague),
      async (c) => {
        const input = c.req.valid('json');
        const user = await inviteMember(deps, {
          ...input,
          language: input.language ?? c.get('lang'),
          institutionId: c.req.param('institutionId'),
          caller: callerOf(c, deps),
        });
        return c.json(user, 201);
      },
    );
