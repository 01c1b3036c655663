import { Hono } from 'hono/quick';
import * as z from 'zod/mini';
import { listMyAssignments } from '../../assignment/list-my-assignments';
import { bidValues } from '../../chapter/chapter';
import { longText } from '../../institutions/institution';
import type { AppDeps, AppEnv } from '../deps';
import { describe, validate } from '../openapi/describe';
import { MyAssignments, MyChapters } from '../responses/assignment';
import { Bid as BidAnswer, BiddingPage, Conflict } from '../responses/chapter';
import { commonErrors, errorResponse, Id, OffsetQuery } from '../schemas';
import { callerOf } from '../session-cookie';
import { lazyImport } from '../../platform/lazy';
// The assignment list, an expert's most frequent request, reads the membership and the assignment
// (chapter/member-store, assignment-store) and nothing of the edition. The other routes' use cases load
// on their first call, so that list does not load the edition's schemas (~500 zod schemas built on
// load), the chapter and application stores or, for a declared conflict, the scoring store (its sheets
// of that application are discarded).
const listMyChapters = lazyImport(() => import('../../assignment/list-my-chapters').then((m) => m.listMyChapters));
const listBidding = lazyImport(() => import('../../chapter/list-bidding').then((m) => m.listBidding));
const placeBid = lazyImport(() => import('../../chapter/place-bid').then((m) => m.placeBid));
const declareConflict = lazyImport(() => import('../../chapter/declare-conflict').then((m) => m.declareConflict));

const Bid = z.object({
  value: z.number().check(
    z.int(),
    z.refine((v) => (bidValues as readonly number[]).includes(v), 'bid'),
  ),
});
const Declare = z.object({
  applicationId: Id,
  reason: longText(500),
});

const tags = ['expert'];

export const expertRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get(
      '/api/expert/editions',
      describe({
        summary: 'Editions whose chapter the caller sits on, with their load',
        operationId: 'listMyChapters',
        tags,
        responses: { 200: { description: 'Editions', schema: MyChapters }, ...commonErrors },
      }),
      async (c) => c.json(await listMyChapters(deps, { caller: callerOf(c, deps) }), 200),
    )
    .get(
      '/api/expert/editions/:editionId/assignments',
      describe({
        summary: 'The caller’s own assignments (never other experts)',
        operationId: 'listMyAssignments',
        tags,
        responses: { 200: { description: 'Assignments', schema: MyAssignments }, ...commonErrors },
      }),
      async (c) =>
        c.json(
          await listMyAssignments(deps, {
            editionId: c.req.param('editionId'),
            caller: callerOf(c, deps),
            member: c.get('loaded').member,
          }),
          200,
        ),
    )
    .get(
      '/api/expert/editions/:editionId/bidding',
      describe({
        summary: 'Applications to bid on, with the caller’s bids, conflicts and the window',
        operationId: 'listBidding',
        tags,
        responses: { 200: { description: 'A page', schema: BiddingPage }, ...commonErrors },
      }),
      validate('query', z.object(OffsetQuery)),
      async (c) =>
        c.json(
          await listBidding(deps, {
            ...c.req.valid('query'),
            editionId: c.req.param('editionId'),
            caller: callerOf(c, deps),
            member: c.get('loaded').member,
          }),
          200,
        ),
    )
    .put(
      '/api/expert/editions/:editionId/bids/:applicationId',
      describe({
        summary: 'Bid −2…+2 on an application (0 removes the bid) while bidding is open',
        operationId: 'placeBid',
        tags,
        responses: {
          200: { description: 'Saved', schema: BidAnswer },

          409: errorResponse('Bidding not open (INVALID_STATE) or closed (DEADLINE_PASSED)'),
          ...commonErrors,
        },
      }),
      validate('json', Bid),
      async (c) =>
        c.json(
          await placeBid(deps, {
            ...c.req.valid('json'),
            editionId: c.req.param('editionId'),
            applicationId: c.req.param('applicationId'),
            caller: callerOf(c, deps),
          }),
          200,
        ),
    )
    .post(
      '/api/expert/editions/:editionId/conflicts',
      describe({
        summary:
          'Declare a conflict of interest with an application’s institution (an assigned pair is flagged for replacement)',
        operationId: 'declareConflict',
        tags,
        responses: { 201: { description: 'Declared', schema: Conflict }, ...commonErrors },
      }),
      validate('json', Declare),
      async (c) =>
        c.json(
          await declareConflict(deps, {
            ...c.req.valid('json'),
            editionId: c.req.param('editionId'),
            caller: callerOf(c, deps),
          }),
          201,
        ),
    );
