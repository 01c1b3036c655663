/** Failure injection: a commit interrupted by DynamoDB leaves the old assignment in force, never a mix. */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { getHead } from '../../shared/assignment/assignment-store';
import { commitAssignment } from '../../shared/assignment/commit-assignment';
import { previewAssignment } from '../../shared/assignment/preview-assignment';
import { createApp } from '../../shared/http/app';
import { keys } from '../../shared/store/keys';
import { callerFor } from '../support/applications';
import { localDynamo, testTableName } from '../support/dynamo';
import { testDeps } from '../support/factories';
import { assignmentCalls, assignmentWorld } from '../support/assignment';

describe('assignment: a commit interrupted by DynamoDB leaves the old assignment, never a mix', () => {
  /** A client that fails the n-th TransactWriteItems from the moment it is armed. */
  function failingClient(): { dynamo: DynamoDBClient; failOn: (n: number) => void } {
    const dynamo = localDynamo();
    let countdown = 0;
    dynamo.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'TransactWriteItemsCommand' && countdown > 0 && --countdown === 0) {
          throw Object.assign(new Error('Injected: service unavailable'), {
            name: 'InternalServerError',
            $fault: 'server',
            $metadata: { httpStatusCode: 500 },
          });
        }
        return next(args);
      },
      { step: 'initialize', name: 'injectFailure' },
    );
    return {
      dynamo,
      failOn: (n) => {
        countdown = n;
      },
    };
  }

  it.each([
    ['while writing the new generation', 1],
    ['while moving the head', 2],
  ])('%s', async (_label, n) => {
    const { dynamo, failOn } = failingClient();
    const h = testDeps({ dynamo, tableName: testTableName(), maxBodyBytes: 1024 * 1024 });
    const { as, preview, currentPairs } = assignmentCalls({ deps: h, app: createApp(h) });
    const w = await assignmentWorld(h, { experts: 4, applications: 6 });
    await commitAssignment(h, {
      editionId: w.edition.editionId,
      mode: 'incremental',
      previewId: (await previewAssignment(h, { editionId: w.edition.editionId, mode: 'incremental' })).previewId,
      caller: callerFor(w.organizer),
    });
    const old = await currentPairs(w.edition.editionId);
    // A full re-run with a bid that changes the optimum, so the new assignment differs from the old.
    await h.store.put({
      ...keys.assignmentSettings(w.edition.editionId),
      entity: 'assignmentSettings',
      rules: { sameCommune: true, sameCounty: true, affiliation: true, previousEdition: false },
      weights: { bid: 50, preferredCategory: 5 },
      balance: 0,
      version: 1,
    });
    const swapFrom = old[0]!.split(':') as [string, string];
    const newcomer = w.experts.find((e) => !old.includes(`${swapFrom[0]}:${e.userId}`))!;
    await h.store.put({
      ...keys.bid(w.edition.editionId, newcomer.userId, swapFrom[0]),
      entity: 'bid',
      userId: newcomer.userId,
      applicationId: swapFrom[0],
      value: 2,
    });
    const p = await preview(w.cookie, w.edition.editionId, 'full');
    failOn(n);
    const failed = await as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/assignment/commit`, {
      mode: 'full',
      previewId: p.previewId,
    });
    expect(failed.status).toBe(503);
    expect(await currentPairs(w.edition.editionId)).toEqual(old);
    // The retry of the same preview succeeds, and leaves one generation behind.
    const retried = await as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/assignment/commit`, {
      mode: 'full',
      previewId: p.previewId,
    });
    expect(retried.status).toBe(200);
    const committed = await currentPairs(w.edition.editionId);
    expect(committed).toEqual(
      p.applications.flatMap((a) => a.experts.map((x) => `${a.applicationId}:${x.userId}`)).sort(),
    );
    expect(committed).not.toEqual(old);
    // Left behind: the replaced generation (readers may still be on it) and, for a failure while
    // writing, the unreferenced leftovers — young enough that a commit could still be writing them.
    const generations = async () =>
      new Set(
        (
          await h.store.queryAll({
            partitionKey: keys.edition(w.edition.editionId).pk,
            sortKeyPrefix: keys.assignmentPrefix,
          })
        ).map((i) => String(i.generation)),
      );
    const head = await getHead(h.store, w.edition.editionId);
    const left = await generations();
    expect(left.has(head.generation!) && left.has(head.previousGeneration!)).toBe(true);
    // A failed first write leaves nothing (a transaction is all or nothing); a failed head move leaves the written generation.
    expect(left.size).toBe(n === 1 ? 2 : 3);
    // An hour later the next commit deletes everything but its own and the one it replaced.
    h.clock.advance(3_600_000);
    await h.store.put({
      ...keys.bid(w.edition.editionId, newcomer.userId, swapFrom[0]),
      entity: 'bid',
      userId: newcomer.userId,
      applicationId: swapFrom[0],
      value: -2,
    });
    await commitAssignment(h, {
      editionId: w.edition.editionId,
      mode: 'full',
      previewId: (await previewAssignment(h, { editionId: w.edition.editionId, mode: 'full' })).previewId,
      caller: callerFor(w.organizer),
    });
    const last = await getHead(h.store, w.edition.editionId);
    expect(await generations()).toEqual(new Set([last.generation, last.previousGeneration]));
    expect(last.previousGeneration).toBe(head.generation);
  });
});
