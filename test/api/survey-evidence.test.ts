import { describe, expect, it } from 'vitest';
import { anonymous } from '../../shared/access/principal';
import { keys } from '../../shared/store/keys';
import { answerSurvey } from '../../shared/surveys/answer-survey';
import type { Survey } from '../../shared/surveys/survey';
import type { SurveySnapshot } from '../../shared/surveys/survey-snapshot';
import { apiHarness, errorOf, jsonRequest, sessionCookie } from '../support/accounts';
import { applicationRequests, seedEdition } from '../support/applications';
import { drainAnswers } from '../support/survey-stream';

/** Issue 18 §5: a survey's results attached to an application as a frozen snapshot the server builds. */

const harness = apiHarness({ maxBodyBytes: 1024 * 1024 });
const { deps, app } = harness;
const { call, member, filledApplication } = applicationRequests(harness);
let address = 0;

async function surveyWithAnswers(m: { institutionId: string; cookie: string }, ratings: (1 | 2 | 3 | 4 | 5)[]) {
  const res = await app.request(
    `/api/institutions/${m.institutionId}/surveys`,
    jsonRequest(
      'POST',
      {
        title: { pl: 'Obsługa w BOK', en: 'Service at the desk' },
        opensOn: '2026-01-01',
        closesOn: '2026-12-31',
        ownQuestions: [{ id: 'q1', text: { pl: 'Czy formularz był zrozumiały?' } }],
        minAnswers: 5,
      },
      { cookie: m.cookie },
    ),
  );
  expect(res.status).toBe(201);
  const survey = (await res.json()) as Survey;
  await addAnswers(survey.surveyId, ratings);
  return survey;
}

async function addAnswers(surveyId: string, ratings: (1 | 2 | 3 | 4 | 5)[]) {
  for (const rating of ratings) {
    const ip = `203.0.113.${(address++ % 250) + 1}`;
    const done = await answerSurvey(deps, {
      surveyId,
      caller: { principal: anonymous, ip, userAgent: 'vitest' },
      answer: { ratings: { waiting: rating, usefulness: 5 }, own: { q1: 4 } },
    });
    expect(done.recorded).toBe(true);
  }
  await drainAnswers(deps); // counted from the table's stream (issue 18 §7)
}

const stored = async (applicationId: string) =>
  (await deps.store.get(keys.section(applicationId, 'quality'), { consistent: true })) as {
    answers: Record<string, unknown>;
    version: number;
  } | null;

describe('survey results as evidence in an application', () => {
  it('the server builds the snapshot from the counts and ignores figures the client sends', async () => {
    const edition = await seedEdition(deps);
    const m = await filledApplication(edition.editionId);
    const survey = await surveyWithAnswers(m, [5, 5, 4, 4, 2, 1]);
    const before = (await stored(m.applicationId))!;
    const forged = {
      kind: 'surveySnapshot',
      surveyId: survey.surveyId,
      title: { pl: 'Podrobione' },
      takenOn: '2020-01-01',
      minAnswers: 1,
      n: 9999,
      questions: [
        {
          id: 'waiting',
          figures: {
            n: 9999,
            shown: true,
            mean: 5,
            satisfied: 1,
            interval: { low: 1, high: 1 },
            distribution: [0, 0, 0, 0, 9999],
          },
        },
      ],
    };
    const res = await call(m.cookie, 'PUT', `/api/applications/${m.applicationId}/sections/quality`, {
      answers: { ...before.answers, quality_survey_results: forged },
      version: before.version,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const snapshot = (await stored(m.applicationId))!.answers.quality_survey_results as SurveySnapshot;
    expect(snapshot).toMatchObject({
      kind: 'surveySnapshot',
      surveyId: survey.surveyId,
      title: { pl: 'Obsługa w BOK', en: 'Service at the desk' },
      takenOn: deps.clock.now().toISOString().slice(0, 10),
      minAnswers: 5,
      n: 6,
    });
    expect(snapshot.questions.map((q) => q.id)).toEqual(['waiting', 'usefulness', 'engagement', 'q1']);
    const waiting = snapshot.questions[0]!.figures;
    expect(waiting).toMatchObject({ n: 6, shown: true, satisfied: 4 / 6, distribution: [1, 1, 0, 2, 2] });
    expect(snapshot.questions[2]!.figures).toEqual({ n: 0, shown: false });
    expect(snapshot.questions[3]).toMatchObject({ text: { pl: 'Czy formularz był zrozumiały?' }, figures: { n: 6 } });
    expect(snapshot.months?.[0]).toMatchObject({ n: 6 });
    // The response is what was stored: the client's view of the answer is the server's snapshot.
    expect(((await res.json()) as { answers: Record<string, unknown> }).answers.quality_survey_results).toEqual(
      snapshot,
    );
  });

  it('re-saving keeps the snapshot frozen; "take a new snapshot" refreshes it while a draft', async () => {
    const edition = await seedEdition(deps);
    const m = await member();
    const { applicationId } = (await (
      await call(m.cookie, 'POST', `/api/editions/${edition.editionId}/applications`, {})
    ).json()) as { applicationId: string };
    const survey = await surveyWithAnswers(m, [5, 5, 5, 5, 5]);
    let cookie = m.cookie;
    const save = async (value: unknown, version: number) => {
      const res = await call(cookie, 'PUT', `/api/applications/${applicationId}/sections/quality`, {
        answers: { quality_survey_results: value },
        version,
      });
      expect(res.status, await res.clone().text()).toBe(200);
      return (await stored(applicationId))!.answers.quality_survey_results as SurveySnapshot;
    };
    const first = await save({ surveyId: survey.surveyId }, 0);
    expect(first.n).toBe(5);
    await addAnswers(survey.surveyId, [1, 1]);
    deps.clock.advance(3 * 24 * 3600 * 1000);
    cookie = await sessionCookie(deps, m.user.userId); // the first session has idled out meanwhile
    // Autosave sends the stored answer back (or just the choice): the snapshot stays as it was.
    expect(await save(first, 1)).toEqual(first);
    expect(await save({ surveyId: survey.surveyId }, 2)).toEqual(first);
    const fresh = await save({ surveyId: survey.surveyId, refresh: true }, 3);
    expect(fresh.n).toBe(7);
    expect(fresh.takenOn > first.takenOn).toBe(true);
  });

  it('another office’s survey is a 400 naming the answer, and nothing is stored', async () => {
    const edition = await seedEdition(deps);
    const m = await member();
    const { applicationId } = (await (
      await call(m.cookie, 'POST', `/api/editions/${edition.editionId}/applications`, {})
    ).json()) as { applicationId: string };
    const other = await member();
    const theirs = await surveyWithAnswers(other, []);
    for (const value of [{ surveyId: theirs.surveyId }, { surveyId: 'nie-ma-takiego' }]) {
      const error = await errorOf(
        await call(m.cookie, 'PUT', `/api/applications/${applicationId}/sections/quality`, {
          answers: { quality_survey_results: value },
          version: 0,
        }),
      );
      expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(Object.keys(error.fields)).toEqual(['answers.quality_survey_results']);
    }
    const shape = await errorOf(
      await call(m.cookie, 'PUT', `/api/applications/${applicationId}/sections/quality`, {
        answers: { quality_survey_results: 'a survey' },
        version: 0,
      }),
    );
    expect(Object.keys(shape.fields)).toEqual(['answers.quality_survey_results']);
    expect(await stored(applicationId)).toBeNull();
  });

  it('after submission the snapshot cannot be refreshed (409) and the stored one stays', async () => {
    const edition = await seedEdition(deps);
    const m = await filledApplication(edition.editionId);
    const survey = await surveyWithAnswers(m, [4, 4, 4, 4, 4]);
    const before = (await stored(m.applicationId))!;
    const attach = await call(m.cookie, 'PUT', `/api/applications/${m.applicationId}/sections/quality`, {
      answers: { ...before.answers, quality_survey_results: { surveyId: survey.surveyId } },
      version: before.version,
    });
    expect(attach.status).toBe(200);
    const submitted = await call(m.cookie, 'POST', `/api/applications/${m.applicationId}/submit`, {
      version: m.version,
    });
    expect(submitted.status, await submitted.clone().text()).toBe(200);
    const snapshot = (await stored(m.applicationId))!.answers.quality_survey_results;
    await addAnswers(survey.surveyId, [1]);
    const refresh = await call(m.cookie, 'PUT', `/api/applications/${m.applicationId}/sections/quality`, {
      answers: { ...before.answers, quality_survey_results: { surveyId: survey.surveyId, refresh: true } },
      version: before.version + 1,
    });
    expect(refresh.status).toBe(409);
    expect((await stored(m.applicationId))!.answers.quality_survey_results).toEqual(snapshot);
  });
});
