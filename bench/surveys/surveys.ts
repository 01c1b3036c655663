/**
 * Residents' survey answers at scale (issue 18 §7): 10,000 answers ingested into DynamoDB Local the way
 * an answer is stored and counted — `putAnswer` (the answer's item, the request path's only write), then
 * the table's stream read by the local poller and folded into the survey's counts item by the same use
 * case the Lambda runs, timed until the counts hold every answer of the block (the time until the results
 * are right, not only the Puts) — against bare PutItem calls of the very same items into a second table of
 * the same definition (stream included) in the same run: what it would cost merely to keep the answers.
 * Both run with the same number of requests in flight and in alternating blocks, so the machine's drift
 * hits both alike. Then the results are read once more with every DynamoDB call counted, and checked
 * against a recount of the ingested answers (a benchmark that lost increments would be fast and wrong).
 * Target: ingestion ≤ 1.5× the bare PutItems; results ≤ 3 calls.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { demoAnswers } from '../../infra/local/demo-survey';
import { localCredentials, localRegion, startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { ensureTable } from '../../infra/local/ensure-table';
import { localDeps } from '../../infra/local/local-deps';
import { jsonLogger } from '../../shared/platform/logger';
import { keys } from '../../shared/store/keys';
import { getSurveyResults } from '../../shared/surveys/get-survey-results';
import { DEFAULT_MIN_ANSWERS, type StoredAnswer, type Survey, scale, warsawDate } from '../../shared/surveys/survey';
import { getCounts, putAnswer, putNewSurvey } from '../../shared/surveys/survey-store';
import { AnswerStreamPoller } from '../../infra/local/answer-stream-poller';
import { type Figure, printTable, round, writeFigures } from '../support';

const ANSWERS = Number(process.env.BENCH_SURVEY_ANSWERS ?? 10_000);
const BLOCKS = 10;
const IN_FLIGHT = 16;
const TARGET = 1.5;
const MAX_CALLS = 3;
const TABLE = 'bench-surveys';
const BARE_TABLE = 'bench-surveys-bare';
const DAY = 24 * 60 * 60 * 1000;

/** Runs `work` on every item with `IN_FLIGHT` requests at a time; returns the milliseconds it took. */
async function timed<T>(items: T[], work: (item: T) => Promise<void>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
  return performance.now() - start;
}

export async function surveysBenchmark(): Promise<Figure[]> {
  const db = await startDynamoDbLocal({});
  const blobDir = mkdtempSync(join(tmpdir(), 'bench-surveys-'));
  const deps = localDeps({ endpoint: db.endpoint, tableName: TABLE, blobDir, logger: jsonLogger('error') });
  const doc = DynamoDBDocumentClient.from(deps.dynamo, { marshallOptions: { removeUndefinedValues: true } });
  const calls: string[] = [];
  deps.dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push(String(context.commandName ?? 'unknown').replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize', name: 'benchCountCalls' },
  );
  try {
    await ensureTable(deps.dynamo, TABLE);
    await ensureTable(deps.dynamo, BARE_TABLE);
    const streams = new DynamoDBStreamsClient({
      endpoint: db.endpoint,
      region: localRegion,
      credentials: localCredentials,
    });
    streams.middlewareStack.add(
      (next, context) => async (args) => {
        calls.push(String(context.commandName ?? 'unknown').replace(/Command$/, ''));
        return next(args);
      },
      { step: 'initialize', name: 'benchCountStreamCalls' },
    );
    const poller = new AnswerStreamPoller({
      dynamo: deps.dynamo,
      streams,
      endpoint: db.endpoint,
      tableName: TABLE,
      deps,
    });
    // The answers' counts are right once the stream is read up to the last Put: the poller's drain.
    const countedAfter = async (expected: number) => {
      const start = performance.now();
      await poller.drain();
      const n = (await getCounts(deps.store, survey.surveyId)).all.n;
      if (n !== expected) throw new Error(`after draining the stream the counts hold ${n} answers, not ${expected}`);
      return performance.now() - start;
    };
    const now = deps.clock.now();
    const survey: Survey = {
      surveyId: 'bench-survey',
      institutionId: 'bench-institution',
      institutionName: 'Urząd Miasta (benchmark)',
      title: { pl: 'Jak oceniają Państwo naszą obsługę?', en: 'How do you rate our service?' },
      opensOn: warsawDate(new Date(now.getTime() - 200 * DAY)),
      closesOn: warsawDate(new Date(now.getTime() + 200 * DAY)),
      ownQuestions: [{ id: 'q1', text: { pl: 'Czy strona była pomocna?', en: 'Was the website helpful?' } }],
      minAnswers: DEFAULT_MIN_ANSWERS,
      createdAt: now.toISOString(),
      createdBy: 'bench',
      version: 1,
    };
    await putNewSurvey(deps.store, survey);
    const answers = demoAnswers(now, ANSWERS);
    // The bare side writes the same items (same keys, same attributes) into a table of the same definition
    // with nothing else: no condition, no counts.
    const bareItem = (a: StoredAnswer) => ({
      ...keys.surveyAnswer(survey.surveyId, a.answerId),
      entity: 'surveyAnswer',
      ...a,
    });
    const ingest = async (a: StoredAnswer) => {
      await putAnswer(deps.store, survey.surveyId, a);
    };
    const bare = async (a: StoredAnswer) => {
      await doc.send(new PutCommand({ TableName: BARE_TABLE, Item: bareItem(a) }));
    };
    // Warm the connections and DynamoDB Local's code paths with a few answers outside the measured set.
    const warm = demoAnswers(new Date(now.getTime() - 400 * DAY), 50).map((a) => ({
      ...a,
      answerId: `w${a.answerId}`,
    }));
    await timed(warm, bare);
    await timed(
      warm.map((a) => ({ ...a, answerId: `x${a.answerId}` })),
      async (a) => putAnswer(deps.store, 'bench-warm', a),
    );
    await poller.drain();

    calls.length = 0;
    let bareMs = 0;
    let putMs = 0;
    let drainMs = 0;
    let ingested = 0;
    const size = Math.ceil(answers.length / BLOCKS);
    const ingestBlock = async (block: StoredAnswer[]) => {
      putMs += await timed(block, ingest);
      ingested += block.length;
      drainMs += await countedAfter(ingested);
    };
    for (let b = 0; b < BLOCKS; b++) {
      const block = answers.slice(b * size, (b + 1) * size);
      // Alternate which side goes first, so neither always meets a freshly grown table.
      if (b % 2 === 0) {
        bareMs += await timed(block, bare);
        await ingestBlock(block);
      } else {
        await ingestBlock(block);
        bareMs += await timed(block, bare);
      }
    }
    await poller.stop();
    const ingestMs = putMs + drainMs;
    const callsOf = (name: string) => calls.filter((c) => c === name).length;
    const streamCalls = `${callsOf('GetRecords')} GetRecords + ${callsOf('UpdateItem')} UpdateItem`;

    calls.length = 0;
    const results = await getSurveyResults(deps, { institutionId: survey.institutionId, surveyId: survey.surveyId });
    const readCalls = [...calls];
    const recount = scale.map((v) => answers.filter((a) => a.ratings.waiting === v).length);
    const waiting = results.all.questions.waiting;
    const counted = waiting?.shown ? waiting.distribution : undefined;
    if (results.all.n !== answers.length || JSON.stringify(counted) !== JSON.stringify(recount))
      throw new Error(
        `survey counts differ from a recount: n ${results.all.n} vs ${answers.length}, waiting ${JSON.stringify(counted)} vs ${JSON.stringify(recount)}`,
      );

    const ratio = round(ingestMs / bareMs);
    printTable(
      `Survey answers: ${answers.length} ingested into DynamoDB Local, ${IN_FLIGHT} in flight, ${BLOCKS} alternating blocks (counts checked against a recount)`,
      ['what', 'DynamoDB calls', 'total ms', 'per answer ms', 'ratio', 'target', 'ok'],
      [
        [
          'bare PutItem of the same items (baseline)',
          `${answers.length} PutItem`,
          round(bareMs, 0),
          round(bareMs / answers.length, 3),
          '1.00',
          '',
          '',
        ],
        [
          '  of which the answers’ Puts (the request path)',
          `${answers.length} PutItem`,
          round(putMs, 0),
          round(putMs / answers.length, 3),
          round(putMs / bareMs).toFixed(2),
          '',
          '',
        ],
        [
          '  of which the stream read into the counts',
          streamCalls,
          round(drainMs, 0),
          round(drainMs / answers.length, 3),
          round(drainMs / bareMs).toFixed(2),
          '',
          '',
        ],
        [
          'answers stored and counted (Put, then stream → counts)',
          `${answers.length} PutItem + stream`,
          round(ingestMs, 0),
          round(ingestMs / answers.length, 3),
          ratio.toFixed(2),
          `≤ ${TARGET}`,
          ratio <= TARGET ? 'yes' : 'NO',
        ],
        [
          `results read after ${results.all.n} answers (getSurveyResults)`,
          readCalls.join(' + '),
          '',
          '',
          '',
          `≤ ${MAX_CALLS} calls`,
          readCalls.length <= MAX_CALLS ? 'yes' : 'NO',
        ],
      ],
    );
    const figures: Figure[] = [
      {
        benchmark: 'surveys',
        name: `survey answers ingested, ${answers.length}`,
        value: round(ingestMs, 0),
        unit: 'ms',
        baseline: round(bareMs, 0),
        ratio,
        target: TARGET,
        ok: ratio <= TARGET,
      },
      {
        benchmark: 'surveys',
        name: 'survey results read: DynamoDB calls',
        value: readCalls.length,
        unit: 'calls',
        baseline: MAX_CALLS,
        ratio: round(readCalls.length / MAX_CALLS),
        target: MAX_CALLS,
        ok: readCalls.length <= MAX_CALLS,
      },
    ];
    writeFigures('surveys', figures);
    return figures;
  } finally {
    doc.destroy();
    deps.dynamo.destroy();
    await db.stop();
    rmSync(blobDir, { recursive: true, force: true });
  }
}
