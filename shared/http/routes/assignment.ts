import { Hono } from 'hono/quick';
import * as z from 'zod/mini';
import { addPair } from '../../assignment/add-pair';
import { commitAssignment } from '../../assignment/commit-assignment';
import { getAssignment } from '../../assignment/get-assignment';
import { lockPair } from '../../assignment/lock-pair';
import { previewAssignment } from '../../assignment/preview-assignment';
import { removePair } from '../../assignment/remove-pair';
import { swapPair } from '../../assignment/swap-pair';
import type { AppDeps, AppEnv } from '../deps';
import { describe, validate } from '../openapi/describe';
import { Assignment, AssignmentProposal, CommitResult, Pair } from '../responses/assignment';
import { commonErrors, errorResponse, Id } from '../schemas';
import { callerOf } from '../session-cookie';

const mode = z.enum(['incremental', 'full']);
const Preview = z.object({ mode });
const Commit = z.object({ mode, previewId: z.string().check(z.minLength(1), z.maxLength(64)) });
const PairInput = z.object({ applicationId: Id, userId: Id });
const Swap = z.object({ applicationId: Id, fromUserId: Id, toUserId: Id });
const Lock = z.object({ locked: z.boolean() });

const tags = ['assignment'];
const checks = {
  409: errorResponse('A conflict of interest, a load bound, k reached, or changed meanwhile (STALE_VERSION)'),
};

export const assignmentRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get(
      '/api/editions/:editionId/assignment',
      describe({
        summary: 'The committed assignment: loads, experts per application, flagged pairs, applications short of k',
        operationId: 'getAssignment',
        tags,
        responses: { 200: { description: 'The assignment', schema: Assignment }, ...commonErrors },
      }),
      async (c) => c.json(await getAssignment(deps, { editionId: c.req.param('editionId') }), 200),
    )
    .post(
      '/api/editions/:editionId/assignment/preview',
      describe({
        summary:
          'Compute the optimal assignment without writing it (incremental keeps current pairs; full keeps locked ones)',
        operationId: 'previewAssignment',
        tags,
        responses: {
          200: { description: 'The proposal', schema: AssignmentProposal },

          409: errorResponse('Edition not open or in review'),
          422: errorResponse('No assignment exists: `explanation` names applications, rules and the smallest fix'),
          ...commonErrors,
        },
      }),
      validate('json', Preview),
      async (c) =>
        c.json(await previewAssignment(deps, { ...c.req.valid('json'), editionId: c.req.param('editionId') }), 200),
    )
    .post(
      '/api/editions/:editionId/assignment/commit',
      describe({
        summary: 'Commit the previewed assignment (idempotent; all or nothing; experts get one digest mail)',
        operationId: 'commitAssignment',
        tags,
        responses: {
          200: { description: 'Committed', schema: CommitResult },

          409: errorResponse('Something changed since the preview'),
          422: errorResponse('No assignment exists'),
          ...commonErrors,
        },
      }),
      validate('json', Commit),
      async (c) =>
        c.json(
          await commitAssignment(deps, {
            ...c.req.valid('json'),
            editionId: c.req.param('editionId'),
            caller: callerOf(c, deps),
          }),
          200,
        ),
    )
    .post(
      '/api/editions/:editionId/assignment/pairs',
      describe({
        summary: 'Assign an expert to an application by hand (locked; same checks as the solver; audited)',
        operationId: 'addPair',
        tags,
        responses: { 201: { description: 'Assigned', schema: Pair }, ...checks, ...commonErrors },
      }),
      validate('json', PairInput),
      async (c) =>
        c.json(
          await addPair(deps, {
            ...c.req.valid('json'),
            editionId: c.req.param('editionId'),
            caller: callerOf(c, deps),
          }),
          201,
        ),
    )
    .delete(
      '/api/editions/:editionId/assignment/pairs/:applicationId/:userId',
      describe({
        summary: 'Take an expert off an application (audited)',
        operationId: 'removePair',
        tags,
        responses: { 204: { description: 'Removed' }, ...checks, ...commonErrors },
      }),
      async (c) => {
        await removePair(deps, {
          editionId: c.req.param('editionId'),
          applicationId: c.req.param('applicationId'),
          userId: c.req.param('userId'),
          caller: callerOf(c, deps),
        });
        return c.body(null, 204);
      },
    )
    .put(
      '/api/editions/:editionId/assignment/pairs/:applicationId/:userId/lock',
      describe({
        summary: 'Lock or unlock a pair (a full re-run keeps locked pairs)',
        operationId: 'lockPair',
        tags,
        responses: { 200: { description: 'Saved', schema: Pair }, ...checks, ...commonErrors },
      }),
      validate('json', Lock),
      async (c) =>
        c.json(
          await lockPair(deps, {
            ...c.req.valid('json'),
            editionId: c.req.param('editionId'),
            applicationId: c.req.param('applicationId'),
            userId: c.req.param('userId'),
            caller: callerOf(c, deps),
          }),
          200,
        ),
    )
    .post(
      '/api/editions/:editionId/assignment/swap',
      describe({
        summary: 'Replace one expert of an application by another (one write; audited)',
        operationId: 'swapPair',
        tags,
        responses: { 200: { description: 'Swapped', schema: Pair }, ...checks, ...commonErrors },
      }),
      validate('json', Swap),
      async (c) =>
        c.json(
          await swapPair(deps, {
            ...c.req.valid('json'),
            editionId: c.req.param('editionId'),
            caller: callerOf(c, deps),
          }),
          200,
        ),
    );
