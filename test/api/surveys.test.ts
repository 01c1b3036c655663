import { describe, expect, it } from 'vitest';
import { answerSurvey } from '../../shared/surveys/answer-survey';
import type { Survey } from '../../shared/surveys/survey';
import { listAnswers } from '../../shared/surveys/survey-store';
import { counterKey } from '../../shared/limits/limit-store';
import { keys } from '../../shared/store/keys';
import { anonymous } from '../../shared/access/principal';
import { drainAnswers } from '../support/survey-stream';
import { apiHarness, errorOf, jsonRequest, seedInstitution, seedUser, sessionCookie } from '../support/accounts';

const { deps, app } = apiHarness();
let addressSeq = 0;
/** Each test answers from its own address, so the per-address limit of one test never meets another's. */
const newAddress = () => `198.51.100.${(addressSeq++ % 250) + 1}`;

const draft = {
  title: { pl: 'Jak Pana/Panią obsłużyliśmy?', en: 'How did we serve you?' },
  opensOn: '2026-02-01',
  closesOn: '2026-12-31',
  ownQuestions: [{ id: 'q1', text: { pl: 'Czy formularz był zrozumiały?' } }],
};

async function office() {
  const { institutionId, member } = await seedInstitution(deps);
  return { institutionId, member, cookie: await sessionCookie(deps, member.userId) };
}

async function newSurvey(o: { institutionId: string; cookie: string }, body: object = draft): Promise<Survey> {
  const res = await app.request(
    `/api/institutions/${o.institutionId}/surveys`,
    jsonRequest('POST', body, { cookie: o.cookie }),
  );
  expect(res.status).toBe(201);
  return (await res.json()) as Survey;
}

const answer = async (surveyId: string, body: object, headers: Record<string, string> = {}) =>
  await app.request(`/api/public/surveys/${surveyId}/answers`, jsonRequest('POST', body, headers));

describe('surveys: set-up by the institution', () => {
  it('creates a survey with the standard aspects and own questions, and lists it newest first', async () => {
    const o = await office();
    const first = await newSurvey(o);
    deps.clock.advance(1000); // newest first is by creation time
    const second = await newSurvey(o, { ...draft, title: { pl: 'Druga' } });
    expect(first).toMatchObject({ institutionId: o.institutionId, minAnswers: 10, ownQuestions: draft.ownQuestions });
    const res = await app.request(`/api/institutions/${o.institutionId}/surveys`, { headers: { cookie: o.cookie } });
    const page = (await res.json()) as { items: Survey[] };
    expect(page.items.map((s) => s.surveyId)).toEqual([second.surveyId, first.surveyId]);
  });

  it('refuses a bad draft naming the field (period backwards, six own questions, duplicate ids)', async () => {
    const o = await office();
    const post = (body: object) =>
      app.request(`/api/institutions/${o.institutionId}/surveys`, jsonRequest('POST', body, { cookie: o.cookie }));
    const backwards = await errorOf(await post({ ...draft, opensOn: '2026-05-01', closesOn: '2026-04-30' }));
    expect(backwards).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(Object.keys(backwards.fields)).toEqual(['closesOn']);
    const six = Array.from({ length: 6 }, (_, i) => ({ id: `q${(i % 5) + 1}`, text: { pl: `Pytanie ${i}` } }));
    expect(Object.keys((await errorOf(await post({ ...draft, ownQuestions: six }))).fields)).toContain('ownQuestions');
    const twice = [draft.ownQuestions[0], draft.ownQuestions[0]];
    expect(Object.keys((await errorOf(await post({ ...draft, ownQuestions: twice }))).fields)).toEqual([
      'ownQuestions',
    ]);
  });

  it('another office’s staff get 404, an organizer 403, a stranger 401 — for the list and the results', async () => {
    const o = await office();
    const survey = await newSurvey(o);
    const other = await office();
    const { user: organizer } = await seedUser(deps, { role: 'organizer' });
    const organizerCookie = await sessionCookie(deps, organizer.userId);
    for (const path of [
      `/api/institutions/${o.institutionId}/surveys`,
      `/api/institutions/${o.institutionId}/surveys/${survey.surveyId}/results`,
    ]) {
      expect((await app.request(path, { headers: { cookie: other.cookie } })).status).toBe(404);
      expect((await app.request(path, { headers: { cookie: organizerCookie } })).status).toBe(403);
      expect((await app.request(path)).status).toBe(401);
    }
    // Another office's id under one's own institution is not found either.
    const res = await app.request(`/api/institutions/${other.institutionId}/surveys/${survey.surveyId}/results`, {
      headers: { cookie: other.cookie },
    });
    expect(await errorOf(res)).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});

describe('surveys: answering without an account', () => {
  it('shows the form publicly and records an answer; results appear from the minimum number of answers', async () => {
    const o = await office();
    const survey = await newSurvey(o);
    const form = await app.request(`/api/public/surveys/${survey.surveyId}`);
    expect(await form.json()).toMatchObject({
      institutionName: survey.institutionName,
      aspects: ['waiting', 'usefulness', 'engagement'],
      open: true,
    });
    const address = newAddress();
    const body = {
      ratings: { waiting: 5, usefulness: 4, engagement: 2 },
      own: { q1: 5 },
      matter: 'taxes_fees',
      channel: 'phone',
    };
    const first = await answer(survey.surveyId, body, { 'x-test-client-address': address });
    expect(first.status).toBe(201);
    expect(first.headers.get('set-cookie')).toMatch(
      /^__Secure-respondent=[^;]+; Max-Age=31536000; Path=\/api\/public\/surveys; HttpOnly; Secure; SameSite=Strict$/,
    );
    const results = async () => {
      await drainAnswers(deps); // counted from the table's stream (issue 18 §7)
      return (await (
        await app.request(`/api/institutions/${o.institutionId}/surveys/${survey.surveyId}/results`, {
          headers: { cookie: o.cookie },
        })
      ).json()) as { all: { n: number; questions: Record<string, { shown: boolean; satisfied?: number }> } };
    };
    expect((await results()).all).toMatchObject({ n: 1, questions: { waiting: { n: 1, shown: false } } });
    for (let i = 0; i < 9; i++)
      expect((await answer(survey.surveyId, body, { 'x-test-client-address': newAddress() })).status).toBe(201);
    const shown = await results();
    expect(shown.all.n).toBe(10);
    expect(shown.all.questions.waiting).toMatchObject({ shown: true, satisfied: 1, mean: 5 });
    expect(shown.all.questions.engagement).toMatchObject({ shown: true, satisfied: 0, mean: 2 });
    expect(shown.all.questions.q1).toMatchObject({ shown: true, satisfied: 1 });
  });

  it('refuses an answer with no rating, to a question not asked, or outside the period — and stores nothing', async () => {
    const o = await office();
    const survey = await newSurvey(o, { ...draft, closesOn: '2026-03-15' });
    const headers = { 'x-test-client-address': newAddress() };
    expect((await errorOf(await answer(survey.surveyId, { ratings: {} }, headers))).fields).toHaveProperty('ratings');
    const unasked = await errorOf(await answer(survey.surveyId, { ratings: { waiting: 3 }, own: { q2: 4 } }, headers));
    expect(unasked).toMatchObject({ status: 400, fields: { 'own.q2': expect.any(String) } });
    expect((await errorOf(await answer(survey.surveyId, { ratings: { waiting: 6 } }, headers))).status).toBe(400);
    const later = await office();
    const future = await newSurvey(later, { ...draft, opensOn: '2026-04-01' });
    expect(await errorOf(await answer(future.surveyId, { ratings: { waiting: 3 } }, headers))).toMatchObject({
      status: 409,
      code: 'INVALID_STATE',
    });
    expect((await listAnswers(deps.store, survey.surveyId, { limit: 10 })).items).toEqual([]);
    expect((await listAnswers(deps.store, future.surveyId, { limit: 10 })).items).toEqual([]);
    expect((await errorOf(await answer(deps.ids.newId(), { ratings: { waiting: 3 } }, headers))).status).toBe(404);
  });

  it('answers a filled honeypot like a success and stores nothing', async () => {
    const o = await office();
    const survey = await newSurvey(o);
    const res = await answer(
      survey.surveyId,
      { ratings: { waiting: 1 }, website: 'http://spam.example' },
      { 'x-test-client-address': newAddress() },
    );
    expect(res.status).toBe(201);
    expect((await listAnswers(deps.store, survey.surveyId, { limit: 10 })).items).toEqual([]);
    await drainAnswers(deps);
    expect(await deps.store.get(keys.surveyCounts(survey.surveyId))).toBeNull();
  });

  it('limits one browser: of 100 answers within a minute, the first 20 are taken and the rest refused with 429', async () => {
    const o = await office();
    const survey = await newSurvey(o);
    let cookie = '';
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) {
      // A fresh address each time: only the browser's cookie ties the answers together.
      const res = await answer(
        survey.surveyId,
        { ratings: { waiting: 4 } },
        {
          'x-test-client-address': newAddress(),
          ...(cookie ? { cookie } : {}),
        },
      );
      statuses.push(res.status);
      const set = res.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0] ?? '';
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(201));
    expect(statuses.slice(20)).toEqual(Array(80).fill(429));
    expect((await listAnswers(deps.store, survey.surveyId, { limit: 100 })).items).toHaveLength(20);
  });

  it('limits one address even when every answer comes without a cookie (a script), under a parallel burst', async () => {
    const o = await office();
    const survey = await newSurvey(o);
    const address = newAddress();
    const statuses = await Promise.all(
      Array.from({ length: 150 }, () =>
        answer(survey.surveyId, { ratings: { usefulness: 3 } }, { 'x-test-client-address': address }).then(
          (r) => r.status,
        ),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(120);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
    const stored = await deps.store.queryAll({
      partitionKey: keys.surveyPartition(survey.surveyId),
      sortKeyPrefix: 'ANSWER#',
    });
    expect(stored).toHaveLength(120);
  });
});

describe('surveys: what is stored, at scale', () => {
  it('keeps counts equal to a recount of the stored answers after 1,000 concurrent answers, counted from the stream', async () => {
    const o = await office();
    const survey = await newSurvey(o);
    const caller = (i: number) => ({ principal: anonymous, ip: `203.0.113.${i % 250}:${i}`, userAgent: 'vitest' });
    const ratingOf = (i: number) => ((i * 7) % 5) + 1;
    await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        answerSurvey(deps, {
          surveyId: survey.surveyId,
          caller: caller(i),
          answer: {
            ratings: { waiting: ratingOf(i) as 1 | 2 | 3 | 4 | 5, ...(i % 3 === 0 ? { usefulness: 5 as const } : {}) },
            ...(i % 2 === 0 ? { matter: 'civil_registry' as const } : {}),
          },
        }),
      ),
    );
    const stored = await deps.store.queryAll({
      partitionKey: keys.surveyPartition(survey.surveyId),
      sortKeyPrefix: 'ANSWER#',
    });
    expect(stored).toHaveLength(1000);
    await drainAnswers(deps);
    const res = await app.request(`/api/institutions/${o.institutionId}/surveys/${survey.surveyId}/results`, {
      headers: { cookie: o.cookie },
    });
    const results = (await res.json()) as {
      all: { n: number; questions: Record<string, { distribution: number[]; n: number }> };
      matters: { matter: string; n: number }[];
    };
    expect(results.all.n).toBe(stored.length);
    const recount = [1, 2, 3, 4, 5].map(
      (v) => stored.filter((a) => (a.ratings as Record<string, number>).waiting === v).length,
    );
    expect(results.all.questions.waiting?.distribution).toEqual(recount);
    expect(results.all.questions.usefulness?.n).toBe(
      stored.filter((a) => (a.ratings as Record<string, number>).usefulness).length,
    );
    expect(results.matters.find((m) => m.matter === 'civil_registry')?.n).toBe(
      stored.filter((a) => a.matter === 'civil_registry').length,
    );
  }, 120_000);

  it('stores no address, user agent or account with an answer, and the address limit only as a hash', async () => {
    const o = await office();
    const survey = await newSurvey(o);
    const address = '198.51.100.77';
    const userAgent = 'Mozilla/5.0 (Linux; Android 14) survey-privacy-probe';
    const res = await answer(
      survey.surveyId,
      { ratings: { waiting: 5 }, comment: 'Szybko i miło.' },
      { 'x-test-client-address': address, 'user-agent': userAgent, cookie: o.cookie },
    );
    expect(res.status).toBe(201);
    const items = await deps.store.queryAll({ partitionKey: keys.surveyPartition(survey.surveyId) });
    const answers = items.filter((i) => String(i.sk).startsWith('ANSWER#'));
    expect(answers).toHaveLength(1);
    await drainAnswers(deps);
    // The answer and the counts it moved (the survey item names its creator, staff, by design).
    const text = JSON.stringify(items.filter((i) => i.sk !== 'SURVEY'));
    for (const secret of [address, userAgent, o.member.userId, o.member.email]) expect(text).not.toContain(secret);
    expect(Object.keys(answers[0] ?? {}).sort()).toEqual(
      // gsi1 (pattern 61) only because it has a comment: the index key is the answer's own id.
      ['answerId', 'answeredOn', 'comment', 'entity', 'gsi1pk', 'gsi1sk', 'month', 'own', 'pk', 'ratings', 'sk'].sort(),
    );
    const counter = await deps.store.get(counterKey('surveyAddress', address));
    expect(counter).not.toBeNull();
    expect(JSON.stringify(counter)).not.toContain(address);
    expect(counter?.expiresAt).toBeTypeOf('number'); // TTL forgets it
  });
});
