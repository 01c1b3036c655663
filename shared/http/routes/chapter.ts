import { Hono } from 'hono/quick';
import * as z from 'zod/mini';
import { AssignmentSettingsInput, MemberInput } from '../../chapter/chapter';
import { listChapter } from '../../chapter/list-chapter';
import { getAssignmentSettings } from '../../chapter/get-assignment-settings';
import { listEditionConflicts } from '../../chapter/list-edition-conflicts';
import { putChapterMember } from '../../chapter/put-chapter-member';
import { removeChapterMember } from '../../chapter/remove-chapter-member';
import { removeConflict } from '../../chapter/remove-conflict';
import { setConflict } from '../../chapter/set-conflict';
import { updateAssignmentSettings } from '../../chapter/update-assignment-settings';
import { longText } from '../../institutions/institution';
import type { AppDeps, AppEnv } from '../deps';
import { describe, validate } from '../openapi/describe';
import { AssignmentSettings, ChapterList, ChapterMember, Conflict, ConflictPage } from '../responses/chapter';
import { commonErrors, errorResponse, Id, OffsetQuery } from '../schemas';
import { callerOf } from '../session-cookie';

const ConflictInput = z.object({ userId: Id, institutionId: Id, reason: longText(500) });

const tags = ['chapter'];
const stale = { 409: errorResponse('Changed meanwhile (STALE_VERSION) or not allowed now (INVALID_STATE)') };

export const chapterRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get(
      '/api/editions/:editionId/chapter',
      describe({
        summary: 'The chapter: members with load bounds, expertise, preferred categories, chair and current load',
        operationId: 'listChapter',
        tags,
        responses: { 200: { description: 'Members', schema: ChapterList }, ...commonErrors },
      }),
      async (c) => c.json(await listChapter(deps, { editionId: c.req.param('editionId') }), 200),
    )
    .put(
      '/api/editions/:editionId/chapter/:userId',
      describe({
        summary: 'Add an expert to the chapter or edit their membership (versioned, audited)',
        operationId: 'putChapterMember',
        tags,
        responses: { 200: { description: 'Saved', schema: ChapterMember }, ...stale, ...commonErrors },
      }),
      validate('json', MemberInput),
      async (c) =>
        c.json(
          await putChapterMember(deps, {
            ...c.req.valid('json'),
            editionId: c.req.param('editionId'),
            userId: c.req.param('userId'),
            caller: callerOf(c, deps),
          }),
          200,
        ),
    )
    .delete(
      '/api/editions/:editionId/chapter/:userId',
      describe({
        summary: 'Take an expert off the chapter (refused while they have assignments)',
        operationId: 'removeChapterMember',
        tags,
        responses: { 204: { description: 'Removed' }, ...stale, ...commonErrors },
      }),
      async (c) => {
        await removeChapterMember(deps, {
          editionId: c.req.param('editionId'),
          userId: c.req.param('userId'),
          caller: callerOf(c, deps),
        });
        return c.body(null, 204);
      },
    )
    .get(
      '/api/editions/:editionId/assignment-settings',
      describe({
        summary: 'Conflict rules, affinity weights, balance and the bidding window',
        operationId: 'getAssignmentSettings',
        tags,
        responses: { 200: { description: 'Settings', schema: AssignmentSettings }, ...commonErrors },
      }),
      async (c) => c.json(await getAssignmentSettings(deps, { editionId: c.req.param('editionId') }), 200),
    )
    .put(
      '/api/editions/:editionId/assignment-settings',
      describe({
        summary: 'Change the assignment settings (versioned, audited)',
        operationId: 'updateAssignmentSettings',
        tags,
        responses: { 200: { description: 'Saved', schema: AssignmentSettings }, ...stale, ...commonErrors },
      }),
      validate('json', AssignmentSettingsInput),
      async (c) =>
        c.json(
          await updateAssignmentSettings(deps, {
            ...c.req.valid('json'),
            editionId: c.req.param('editionId'),
            caller: callerOf(c, deps),
          }),
          200,
        ),
    )
    .get(
      '/api/editions/:editionId/conflicts',
      describe({
        summary: 'Every conflict of interest with the reasons and rules that produced it',
        operationId: 'listEditionConflicts',
        tags,
        responses: { 200: { description: 'A page', schema: ConflictPage }, ...commonErrors },
      }),
      validate('query', z.object({ userId: z.optional(Id), ...OffsetQuery })),
      async (c) =>
        c.json(await listEditionConflicts(deps, { ...c.req.valid('query'), editionId: c.req.param('editionId') }), 200),
    )
    .post(
      '/api/editions/:editionId/conflicts',
      describe({
        summary: 'Record a conflict between a member and an institution (assigned pairs are flagged)',
        operationId: 'setConflict',
        tags,
        responses: {
          201: { description: 'Recorded', schema: Conflict },

          409: errorResponse('The expert declared it already'),
          ...commonErrors,
        },
      }),
      validate('json', ConflictInput),
      async (c) =>
        c.json(
          await setConflict(deps, {
            ...c.req.valid('json'),
            editionId: c.req.param('editionId'),
            caller: callerOf(c, deps),
          }),
          201,
        ),
    )
    .delete(
      '/api/editions/:editionId/conflicts/:userId/:institutionId',
      describe({
        summary: 'Lift a conflict the organizer set',
        operationId: 'removeConflict',
        tags,
        responses: {
          204: { description: 'Lifted' },

          409: errorResponse('Declared by the expert'),
          ...commonErrors,
        },
      }),
      async (c) => {
        await removeConflict(deps, {
          editionId: c.req.param('editionId'),
          userId: c.req.param('userId'),
          institutionId: c.req.param('institutionId'),
          caller: callerOf(c, deps),
        });
        return c.body(null, 204);
      },
    );
