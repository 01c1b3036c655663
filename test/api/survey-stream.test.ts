import { describe, expect, inject, it } from 'vitest';
import { AnswerStreamPoller } from '../../infra/local/answer-stream-poller';
import { keys } from '../../shared/store/keys';
import type { Store } from '../../shared/store/store';
import { MAX_NAMES_PER_DELTA } from '../../shared/surveys/answer-stream';
import { countStreamAnswers, type StreamInsert } from '../../shared/surveys/count-stream-answers';
import type { StoredAnswer } from '../../shared/surveys/survey';
import { getCounts, putAnswer, recordAnswer } from '../../shared/surveys/survey-store';
import { apiHarness } from '../support/accounts';
import { localDynamo } from '../support/dynamo';
import { uniqueId } from '../support/factories';
import { drainAnswers } from '../support/survey-stream';

/**
 * Survey answers counted from the table's stream (issue 18 §7): the aggregator against DynamoDB Local,
 * fed hand-made batches (a shard of its own per test), so redelivery and failures can be staged.
 */
const { deps } = apiHarness();

const answerOf = (i: number, over: Partial<StoredAnswer> = {}): StoredAnswer => ({
  answerId: `20260301${i.toString(16).padStart(20, '0')}`,
  ratings: { waiting: ((i % 5) + 1) as 1 | 2 | 3 | 4 | 5 },
  own: {},
  month: '2026-03',
  answeredOn: '2026-03-01',
  ...over,
});

/** Stream records of new answer items, at sequence numbers `from`, `from + 1`… */
const inserts = (surveyId: string, from: number, count: number, over: Partial<StoredAnswer> = {}): StreamInsert[] =>
  Array.from({ length: count }, (_, k) => {
    const answer = answerOf(from + k, over);
    return {
      sequenceNumber: String(from + k),
      newImage: { ...keys.surveyAnswer(surveyId, answer.answerId), entity: 'surveyAnswer', ...answer },
    };
  });

const n = async (surveyId: string) => (await getCounts(deps.store, surveyId)).all.n;

describe('survey counts from the stream', () => {
  it('counts a batch delivered twice once', async () => {
    const surveyId = uniqueId('survey');
    const shard = uniqueId('shard');
    const batch = inserts(surveyId, 1000, 25);
    expect(await countStreamAnswers(deps, { shard, inserts: batch })).toEqual({ answers: 25, surveys: 1 });
    await countStreamAnswers(deps, { shard, inserts: batch });
    expect(await n(surveyId)).toBe(25);
    const counts = await getCounts(deps.store, surveyId);
    expect(counts.all.questions.waiting).toEqual([5, 5, 5, 5, 5]);
  });

  it('counts the rest of an overlapping batch (a retry from a failed record onwards brings newer ones too)', async () => {
    const surveyId = uniqueId('survey');
    const shard = uniqueId('shard');
    await countStreamAnswers(deps, { shard, inserts: inserts(surveyId, 1, 10) });
    await countStreamAnswers(deps, { shard, inserts: inserts(surveyId, 6, 10) }); // 6…15: 11…15 are new
    expect(await n(surveyId)).toBe(15);
    // Positions compare as numbers, not as text: 9 < 10 < 100.
    await countStreamAnswers(deps, { shard, inserts: inserts(surveyId, 100, 1) });
    expect(await n(surveyId)).toBe(16);
  });

  it('a batch that fails midway, retried whole, counts every answer exactly once', async () => {
    const done = uniqueId('survey');
    const failing = uniqueId('survey');
    const shard = uniqueId('shard');
    const batch = [...inserts(done, 1, 10), ...inserts(failing, 11, 10)];
    let failures = 1;
    const flaky = new Proxy(deps.store, {
      get(target, property) {
        if (property === 'update')
          return async (...args: Parameters<Store['update']>) => {
            if (args[0].pk === keys.surveyPartition(failing) && failures-- > 0) throw new Error('socket hang up');
            return target.update(...args);
          };
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    await expect(countStreamAnswers({ ...deps, store: flaky }, { shard, inserts: batch })).rejects.toThrow(
      'socket hang up',
    );
    expect([await n(done), await n(failing)]).toEqual([10, 0]);
    await countStreamAnswers({ ...deps, store: flaky }, { shard, inserts: batch });
    expect([await n(done), await n(failing)]).toEqual([10, 10]);
  });

  it('keeps one position per shard: a survey’s answers from a new shard are counted, an old batch is not', async () => {
    const surveyId = uniqueId('survey');
    const [parent, child] = [uniqueId('shard'), uniqueId('shard')];
    await countStreamAnswers(deps, { shard: parent, inserts: inserts(surveyId, 500, 5) });
    await countStreamAnswers(deps, { shard: child, inserts: inserts(surveyId, 1, 3) });
    await countStreamAnswers(deps, { shard: child, inserts: inserts(surveyId, 1, 3) });
    await countStreamAnswers(deps, { shard: parent, inserts: inserts(surveyId, 500, 5) });
    expect(await n(surveyId)).toBe(8);
    const item = await deps.store.get(keys.surveyCounts(surveyId));
    expect(Object.keys(item?.applied as object).sort()).toEqual([child, parent].sort());
  });

  it('splits a survey’s batch that names too many counts for one expression, and stays exact', async () => {
    const surveyId = uniqueId('survey');
    const shard = uniqueId('shard');
    // Every answer in its own month: 2 + 2 names each, so a batch of 300 names 900 counts.
    const batch = Array.from({ length: 300 }, (_, k) => {
      const month = `${2000 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
      return inserts(surveyId, 10 + k, 1, { month })[0] as StreamInsert;
    });
    expect(300 * 4).toBeGreaterThan(MAX_NAMES_PER_DELTA);
    await countStreamAnswers(deps, { shard, inserts: batch });
    await countStreamAnswers(deps, { shard, inserts: batch.slice(100, 250) });
    const counts = await getCounts(deps.store, surveyId);
    expect(counts.all.n).toBe(300);
    expect(Object.keys(counts.month)).toHaveLength(300);
  });

  it('the local poller (npm start) counts answers as they come, and stops', async () => {
    const surveyId = uniqueId('survey');
    const poller = new AnswerStreamPoller({
      dynamo: localDynamo(),
      endpoint: inject('dynamoEndpoint'),
      tableName: inject('tableName'),
      deps,
    });
    poller.start(50);
    try {
      for (let i = 0; i < 3; i++) await putAnswer(deps.store, surveyId, answerOf(i));
      await expect.poll(() => n(surveyId), { timeout: 10_000, interval: 50 }).toBe(3);
      await putAnswer(deps.store, surveyId, answerOf(3));
      await expect.poll(() => n(surveyId), { timeout: 10_000, interval: 50 }).toBe(4);
    } finally {
      await poller.stop();
    }
  });

  it('leaves out other items and answers the seed counted itself; the stream drains into the counts', async () => {
    const surveyId = uniqueId('survey');
    await recordAnswer(deps.store, surveyId, answerOf(1));
    await recordAnswer(deps.store, surveyId, answerOf(2));
    await drainAnswers(deps);
    expect(await n(surveyId)).toBe(2);
    const other = { sequenceNumber: '7', newImage: { ...keys.survey(surveyId), entity: 'survey' } };
    expect(await countStreamAnswers(deps, { shard: uniqueId('shard'), inserts: [other] })).toEqual({
      answers: 0,
      surveys: 0,
    });
  });
});
