import { Hono } from 'hono/quick';
import * as z from 'zod/mini';
import { longText } from '../../institutions/institution';
import { aggregations, bases } from '../../results/aggregate';
import { correctResults } from '../../results/correct-results';
import { decideApplication } from '../../results/decide-application';
import { getOwnResult } from '../../results/get-own-result';
import { getResults } from '../../results/get-results';
import { listInstitutionHistory } from '../../results/list-institution-history';
import { lockDecisions } from '../../results/lock-decisions';
import { outcomes } from '../../results/outcome';
import { publishResults } from '../../results/publish-results';
import { setResultsMethod } from '../../results/set-results-method';
import { unlockDecisions } from '../../results/unlock-decisions';
import type { AppDeps, AppEnv } from '../deps';
import { describe, validate } from '../openapi/describe';
import { Decision, Deliberation, OwnResult, Published, ResultsHistory, ResultsView } from '../responses/results';
import { commonErrors, errorResponse, Id } from '../schemas';
import { callerOf } from '../session-cookie';

const version = z.number().check(z.int(), z.gte(0), z.lte(1_000_000));
const Method = z.object({ aggregation: z.enum(aggregations), basis: z.enum(bases), version });
const DecisionInput = z.object({
  outcome: z.enum(outcomes),
  reason: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
  version,
});
const Versioned = z.object({ version });
const Correction = z.object({
  version,
  reason: longText(2000),
  decisions: z
    .array(
      z.object({
        applicationId: Id,
        outcome: z.enum(outcomes),
        reason: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
      }),
    )
    .check(z.minLength(1), z.maxLength(50)),
});

const organizerTags = ['results'];
const conflict = errorResponse(
  'Not in the state for this (INVALID_STATE: e.g. decisions locked, not locked, already published) or changed meanwhile (STALE_VERSION)',
);

const editionOf = (c: { req: { param: (name: 'editionId') => string } }) => c.req.param('editionId');

/** Results (issue 14): the organizer's deliberation and publication, the public record, each institution's own. */
export const resultsRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get(
      '/api/editions/:editionId/results',
      describe({
        summary:
          'The deliberation table: raw and calibrated results ranked per category, outcomes, decisions, versions',
        operationId: 'getResults',
        tags: organizerTags,
        responses: { 200: { description: 'Results', schema: ResultsView }, ...commonErrors },
      }),
      async (c) => c.json(await getResults(deps, { editionId: editionOf(c) }), 200),
    )
    .put(
      '/api/editions/:editionId/results/method',
      describe({
        summary:
          'Choose which result decides (raw or calibrated; mean or median) before the decisions are locked (audited)',
        operationId: 'setResultsMethod',
        tags: organizerTags,
        responses: { 200: { description: 'Chosen', schema: Deliberation }, 409: conflict, ...commonErrors },
      }),
      validate('json', Method),
      async (c) =>
        c.json(
          await setResultsMethod(deps, { editionId: editionOf(c), ...c.req.valid('json'), caller: callerOf(c, deps) }),
          200,
        ),
    )
    .put(
      '/api/editions/:editionId/results/decisions/:applicationId',
      describe({
        summary:
          'Record the chapter’s decision about an application; overriding the computed outcome needs a reason (audited)',
        operationId: 'decideApplication',
        tags: organizerTags,
        responses: { 200: { description: 'Recorded', schema: Decision }, 409: conflict, ...commonErrors },
      }),
      validate('json', DecisionInput),
      async (c) =>
        c.json(
          await decideApplication(deps, {
            editionId: editionOf(c),
            applicationId: c.req.param('applicationId'),
            ...c.req.valid('json'),
            caller: callerOf(c, deps),
          }),
          200,
        ),
    )
    .post(
      '/api/editions/:editionId/results/lock',
      describe({
        summary: 'Lock the chapter’s decisions (then the results can be published)',
        operationId: 'lockDecisions',
        tags: organizerTags,
        responses: { 200: { description: 'Locked', schema: Deliberation }, 409: conflict, ...commonErrors },
      }),
      validate('json', Versioned),
      async (c) =>
        c.json(
          await lockDecisions(deps, { editionId: editionOf(c), ...c.req.valid('json'), caller: callerOf(c, deps) }),
          200,
        ),
    )
    .post(
      '/api/editions/:editionId/results/unlock',
      describe({
        summary: 'Unlock the decisions before publication (audited)',
        operationId: 'unlockDecisions',
        tags: organizerTags,
        responses: { 200: { description: 'Unlocked', schema: Deliberation }, 409: conflict, ...commonErrors },
      }),
      validate('json', Versioned),
      async (c) =>
        c.json(
          await unlockDecisions(deps, { editionId: editionOf(c), ...c.req.valid('json'), caller: callerOf(c, deps) }),
          200,
        ),
    )
    .post(
      '/api/editions/:editionId/results/publish',
      describe({
        summary:
          'Publish the results as version 1 of an immutable, hashed snapshot (laureates and distinctions only); idempotent',
        operationId: 'publishResults',
        tags: organizerTags,
        responses: {
          200: { description: 'Published (or already published: `created` false)', schema: Published },
          409: errorResponse(
            'Decisions not locked, or the edition is not in deliberation (INVALID_STATE), naming what is missing',
          ),
          ...commonErrors,
        },
      }),
      validate('json', Versioned),
      async (c) =>
        c.json(
          await publishResults(deps, { editionId: editionOf(c), ...c.req.valid('json'), caller: callerOf(c, deps) }),
          200,
        ),
    )
    .post(
      '/api/editions/:editionId/results/corrections',
      describe({
        summary: 'Correct published results: a new version naming the previous one and the reason; both stay readable',
        operationId: 'correctResults',
        tags: organizerTags,
        responses: { 201: { description: 'The new version', schema: Published }, 409: conflict, ...commonErrors },
      }),
      validate('json', Correction),
      async (c) =>
        c.json(
          await correctResults(deps, { editionId: editionOf(c), ...c.req.valid('json'), caller: callerOf(c, deps) }),
          201,
        ),
    )
    .get(
      '/api/applications/:applicationId/result',
      describe({
        summary: 'The application’s own result after publication (its institution and organizers only)',
        operationId: 'getOwnResult',
        tags: ['applications'],
        responses: { 200: { description: 'Pending or the result', schema: OwnResult }, ...commonErrors },
      }),
      async (c) =>
        c.json(
          await getOwnResult(deps, {
            applicationId: c.req.param('applicationId'),
            header: c.get('loaded').application,
          }),
          200,
        ),
    )
    .get(
      '/api/institutions/:institutionId/results',
      describe({
        summary: 'The institution’s results in every published edition, with places and movement',
        operationId: 'listInstitutionResults',
        tags: ['institutions'],
        responses: { 200: { description: 'History', schema: ResultsHistory }, ...commonErrors },
      }),
      async (c) => c.json(await listInstitutionHistory(deps, { institutionId: c.req.param('institutionId') }), 200),
    );
