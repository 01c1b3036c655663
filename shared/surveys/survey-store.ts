import { AppError } from '../errors';
import { keys } from '../store/keys';
import { parseItem } from '../store/parse';
import type { Page, Store, TransactItem } from '../store/store';
import { tx } from '../store/store';
import { StoredAnswer, Survey, type SurveyComment, surveyComment } from './survey';
import { type SurveyCounts, countNames, countsFromAttributes, countsOfItem } from './survey-counts';

/**
 * Surveys on the single table (issue 18, docs/data-model.md), one partition per survey:
 *  - `SURVEY#<id> / SURVEY`: the settings; gsi1 (`INSTITUTION_SURVEYS#<institution>`) lists an office's, newest first;
 *  - `SURVEY#<id> / COUNTS`: the running counts (survey-counts.ts), one item;
 *  - `SURVEY#<id> / ANSWER#<ulid>`: one item per answer, time-ordered — no address, user agent or account.
 */
const surveyItem = (s: Survey) => ({
  ...keys.survey(s.surveyId),
  entity: 'survey',
  ...s,
  gsi1pk: keys.institutionSurveys(s.institutionId),
  gsi1sk: `${s.createdAt}#${s.surveyId}`,
});

const toSurvey = (item: Record<string, unknown>) => parseItem(Survey, item, 'survey');
const toAnswer = (item: Record<string, unknown>) => parseItem(StoredAnswer, item, 'survey answer');

export async function putNewSurvey(store: Store, survey: Survey): Promise<void> {
  await store.put(surveyItem(survey), { expression: 'attribute_not_exists(pk)' });
}

export async function findSurvey(store: Store, surveyId: string): Promise<Survey | null> {
  const item = await store.get(keys.survey(surveyId));
  return item ? toSurvey(item) : null;
}

/** The survey of this institution; another office's answers exactly like one that does not exist. */
export async function getOwnSurvey(store: Store, institutionId: string, surveyId: string): Promise<Survey> {
  const survey = await findSurvey(store, surveyId);
  if (!survey || survey.institutionId !== institutionId) throw new AppError('NOT_FOUND', 'No such survey');
  return survey;
}

export async function listInstitutionSurveys(
  store: Store,
  institutionId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<Survey>> {
  const out = await store.query({
    index: 'gsi1',
    partitionKey: keys.institutionSurveys(institutionId),
    limit: page.limit,
    cursor: page.cursor,
    descending: true,
  });
  return { items: out.items.map(toSurvey), cursor: out.cursor };
}

/**
 * An answer's item (a new random id: nothing in it tells the moment it was given beyond its day): the
 * only write of an answer. Its counts are added from the table's stream (count-stream-answers.ts), in
 * batches; `countedOnWrite` marks an answer whose counts the caller adds itself (the demo seed).
 */
export async function putAnswer(
  store: Store,
  surveyId: string,
  answer: StoredAnswer,
  options: { countedOnWrite?: boolean } = {},
): Promise<void> {
  await store.put(
    {
      ...keys.surveyAnswer(surveyId, answer.answerId),
      entity: 'surveyAnswer',
      ...answer,
      ...(options.countedOnWrite ? { countedOnWrite: true } : {}),
      // A sparse index of the answers with a comment (pattern 61): moderation pages hold only comments.
      ...(answer.comment ? { gsi1pk: keys.surveyComments(surveyId), gsi1sk: answer.answerId } : {}),
    },
    { expression: 'attribute_not_exists(pk)' },
  );
}

/**
 * One atomic `ADD` of 1 to each count the answer belongs to (concurrent answers never lose an increment):
 * for seeding only — answers given through the api are counted from the stream.
 */
async function addToCounts(store: Store, surveyId: string, answer: StoredAnswer): Promise<void> {
  const names = countNames(answer);
  await store.update(
    keys.surveyCounts(surveyId),
    {
      expression: `ADD ${names.map((_, i) => `#c${i} :one`).join(', ')}`,
      names: Object.fromEntries(names.map((name, i) => [`#c${i}`, name])),
      values: { ':one': 1 },
    },
    undefined,
    { returnValues: 'NONE' }, // the counts item grows with the months: nothing to send back
  );
}

/**
 * Both, for seeding (the demo, test fixtures): the answer marked as counted, then its counts — so the
 * seed's figures are there at once (a measurement is published from them) and the stream skips it.
 */
export async function recordAnswer(store: Store, surveyId: string, answer: StoredAnswer): Promise<void> {
  await putAnswer(store, surveyId, answer, { countedOnWrite: true });
  await addToCounts(store, surveyId, answer);
}

/** The survey's counts: one GetItem, whatever the number of answers. */
export async function getCounts(store: Store, surveyId: string): Promise<SurveyCounts> {
  const item = await store.get(keys.surveyCounts(surveyId));
  return item ? countsOfItem(item) : countsFromAttributes({});
}

/** Answers, newest first, a page at a time (comments and their moderation). */
export async function listAnswers(
  store: Store,
  surveyId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<StoredAnswer>> {
  const out = await store.query({
    partitionKey: keys.surveyPartition(surveyId),
    sortKeyPrefix: keys.answerPrefix,
    limit: page.limit,
    cursor: page.cursor,
    descending: true,
  });
  return { items: out.items.map(toAnswer), cursor: out.cursor };
}

const withComment = (a: StoredAnswer): a is StoredAnswer & { comment: string } => typeof a.comment === 'string';

/** The comments, newest day first, a page at a time: the sparse index (pattern 61), so every item is one. */
export async function listComments(
  store: Store,
  surveyId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<SurveyComment>> {
  const out = await store.query({
    index: 'gsi1',
    partitionKey: keys.surveyComments(surveyId),
    limit: page.limit,
    cursor: page.cursor,
    descending: true,
  });
  return { items: out.items.map(toAnswer).filter(withComment).map(surveyComment), cursor: out.cursor };
}

/** Every comment not hidden, newest first (the export; bounded by the survey's answers). */
export async function listVisibleComments(store: Store, surveyId: string): Promise<SurveyComment[]> {
  const items = await store.queryAll({ index: 'gsi1', partitionKey: keys.surveyComments(surveyId), descending: true });
  return items
    .map(toAnswer)
    .filter(withComment)
    .map(surveyComment)
    .filter((c) => !c.hidden);
}

/** One answer of the survey, read consistently (it decides a moderation write). */
export async function findAnswer(store: Store, surveyId: string, answerId: string): Promise<StoredAnswer | null> {
  const item = await store.get(keys.surveyAnswer(surveyId, answerId), { consistent: true });
  return item ? toAnswer(item) : null;
}

/**
 * Hides a comment or shows it again — never touching its text — with the audit entry, in one
 * transaction conditioned on the state read: of two staff toggling at once, the second gets 409.
 */
export async function saveCommentVisibility(
  store: Store,
  surveyId: string,
  change: { answerId: string; wasHidden: boolean; hidden: boolean; by: string; at: string },
  audit: TransactItem,
): Promise<void> {
  // DynamoDB refuses a value the expression does not use: the state's condition brings only its own.
  const state = change.wasHidden ? '#hidden = :was' : '(attribute_not_exists(#hidden) OR #hidden = :was)';
  await store.transact([
    tx.update(
      keys.surveyAnswer(surveyId, change.answerId),
      {
        expression: 'SET #hidden = :hidden, #by = :by, #at = :at',
        names: { '#hidden': 'commentHidden', '#by': 'commentModeratedBy', '#at': 'commentModeratedAt' },
        values: { ':hidden': change.hidden, ':by': change.by, ':at': change.at },
      },
      {
        expression: `attribute_exists(#comment) AND ${state}`,
        names: { '#comment': 'comment' },
        values: { ':was': change.wasHidden },
      },
    ),
    audit,
  ]);
}
