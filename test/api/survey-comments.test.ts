import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { listAuditOfSubject } from '../../shared/audit/audit-store';
import type { SurveyResults } from '../../shared/surveys/get-survey-results';
import type { StoredAnswer, Survey, SurveyComment } from '../../shared/surveys/survey';
import { findAnswer, recordAnswer } from '../../shared/surveys/survey-store';
import { apiHarness, errorOf, jsonRequest, seedInstitution, seedUser, sessionCookie } from '../support/accounts';

const { deps, app } = apiHarness();

interface CommentsPage {
  items: SurveyComment[];
  cursor: string | null;
  n: number;
  minAnswers: number;
  shown: boolean;
}

async function office() {
  const { institutionId, member } = await seedInstitution(deps);
  return { institutionId, member, cookie: await sessionCookie(deps, member.userId) };
}

async function newSurvey(o: { institutionId: string; cookie: string }): Promise<Survey> {
  const res = await app.request(
    `/api/institutions/${o.institutionId}/surveys`,
    jsonRequest(
      'POST',
      {
        title: { pl: 'Jak Pana/Panią obsłużyliśmy?' },
        opensOn: '2026-01-01',
        closesOn: '2026-12-31',
        ownQuestions: [{ id: 'q1', text: { pl: 'Czy formularz był zrozumiały?' } }],
      },
      { cookie: o.cookie },
    ),
  );
  expect(res.status).toBe(201);
  return (await res.json()) as Survey;
}

const hex = (i: number) => i.toString(16).padStart(20, '0');
/** `count` answers spread over days of March and April (the i-th on day i % 28 + 1), every `commentEvery`-th with a comment. */
async function seedAnswers(surveyId: string, count: number, commentEvery = 1): Promise<StoredAnswer[]> {
  const answers: StoredAnswer[] = [];
  for (let i = 0; i < count; i++) {
    const month = i % 2 === 0 ? '03' : '04';
    const day = `2026-${month}-${String((i % 28) + 1).padStart(2, '0')}`;
    const answer: StoredAnswer = {
      answerId: `${day.replaceAll('-', '')}${hex(i)}`,
      ratings: { waiting: ((i % 5) + 1) as 1 | 2 | 3 | 4 | 5, usefulness: 4 },
      own: {},
      ...(i % commentEvery === 0 ? { comment: `Komentarz numer ${i}` } : {}),
      matter: i % 3 === 0 ? 'taxes_fees' : 'civil_registry',
      channel: 'phone',
      month: day.slice(0, 7),
      answeredOn: day,
    };
    await recordAnswer(deps.store, surveyId, answer);
    answers.push(answer);
  }
  return answers;
}

const commentsPath = (o: { institutionId: string }, s: Survey) =>
  `/api/institutions/${o.institutionId}/surveys/${s.surveyId}/comments`;
const hide = (o: { institutionId: string; cookie: string }, s: Survey, answerId: string, body: unknown) =>
  app.request(`${commentsPath(o, s)}/${answerId}/hidden`, jsonRequest('PUT', body, { cookie: o.cookie }));

describe('survey comments: moderation by the institution’s staff', () => {
  it('lists comments newest day first, 20 to a page, with day, matter and channel; the cursor reaches every one', async () => {
    const o = await office();
    const survey = await newSurvey(o);
    const answers = await seedAnswers(survey.surveyId, 45, 2); // 23 comments among 45 answers
    const seen: SurveyComment[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
      const res = await app.request(`${commentsPath(o, survey)}${query}`, { headers: { cookie: o.cookie } });
      expect(res.status).toBe(200);
      const page = (await res.json()) as CommentsPage;
      expect(page).toMatchObject({ n: 45, minAnswers: 10, shown: true });
      expect(page.items.length).toBeLessThanOrEqual(20);
      seen.push(...page.items);
      cursor = page.cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(2);
    const withComments = answers.filter((a) => a.comment);
    expect(seen).toHaveLength(withComments.length);
    expect(new Set(seen.map((c) => c.answerId))).toEqual(new Set(withComments.map((a) => a.answerId)));
    const days = seen.map((c) => c.answeredOn);
    expect(days).toEqual([...days].sort().reverse());
    expect(seen[0]).toMatchObject({ matter: expect.any(String), channel: 'phone', hidden: false });
    expect(Object.keys(seen[0] ?? {})).not.toContain('month');
  });

  it('shows no comment while the survey has fewer answers than its minimum', async () => {
    const o = await office();
    const survey = await newSurvey(o);
    await seedAnswers(survey.surveyId, 9);
    const page = (await (
      await app.request(commentsPath(o, survey), { headers: { cookie: o.cookie } })
    ).json()) as CommentsPage;
    expect(page).toEqual({ items: [], cursor: null, n: 9, minAnswers: 10, shown: false });
  });

  it('hides and shows a comment again: a flag with who and when, audited, the text untouched', async () => {
    const o = await office();
    const survey = await newSurvey(o);
    const [first] = await seedAnswers(survey.surveyId, 12);
    const answerId = first?.answerId ?? '';
    const hidden = await hide(o, survey, answerId, { hidden: true });
    expect(hidden.status).toBe(200);
    expect(await hidden.json()).toMatchObject({ answerId, hidden: true, comment: 'Komentarz numer 0' });
    const stored = await findAnswer(deps.store, survey.surveyId, answerId);
    expect(stored).toMatchObject({
      comment: 'Komentarz numer 0',
      commentHidden: true,
      commentModeratedBy: o.member.email,
      commentModeratedAt: deps.clock.now().toISOString(),
    });
    const listed = (await (
      await app.request(commentsPath(o, survey), { headers: { cookie: o.cookie } })
    ).json()) as CommentsPage;
    expect(listed.items.find((c) => c.answerId === answerId)).toMatchObject({ hidden: true });

    // Asking again for the state it has writes nothing (no second audit entry).
    expect((await hide(o, survey, answerId, { hidden: true })).status).toBe(200);
    expect((await hide(o, survey, answerId, { hidden: false })).status).toBe(200);
    expect(await findAnswer(deps.store, survey.surveyId, answerId)).toMatchObject({
      comment: 'Komentarz numer 0',
      commentHidden: false,
    });
    const audit = await listAuditOfSubject(deps.store, { type: 'institution', id: o.institutionId }, { limit: 50 });
    const moderation = audit.items.filter((e) => e.action.startsWith('surveyComment.'));
    expect(moderation.map((e) => e.action).sort()).toEqual(['surveyComment.hidden', 'surveyComment.shown']);
    expect(moderation[0]).toMatchObject({
      actor: { userId: o.member.userId },
      details: { surveyId: survey.surveyId, answerId },
    });
  });

  it('two staff hiding the same comment at once make one change and one audit entry (the other: no-op or 409)', async () => {
    const o = await office();
    const survey = await newSurvey(o);
    const [first] = await seedAnswers(survey.surveyId, 10);
    const answerId = first?.answerId ?? '';
    const statuses = await Promise.all(
      Array.from({ length: 4 }, async () => (await hide(o, survey, answerId, { hidden: true })).status),
    );
    expect(statuses).toContain(200);
    for (const status of statuses) expect([200, 409]).toContain(status);
    const audit = await listAuditOfSubject(deps.store, { type: 'institution', id: o.institutionId }, { limit: 50 });
    expect(audit.items.filter((e) => e.action === 'surveyComment.hidden')).toHaveLength(1);
    expect((await findAnswer(deps.store, survey.surveyId, answerId))?.commentHidden).toBe(true);
  });

  it('refuses: another office 404, an organizer 403, a stranger 401, an unknown answer 404, a bad body 400 naming the field', async () => {
    const o = await office();
    const survey = await newSurvey(o);
    const [first] = await seedAnswers(survey.surveyId, 10);
    const answerId = first?.answerId ?? '';
    const other = await office();
    const { user: organizer } = await seedUser(deps, { role: 'organizer' });
    const organizerCookie = await sessionCookie(deps, organizer.userId);
    for (const cookie of [other.cookie, organizerCookie]) {
      const expected = cookie === organizerCookie ? 403 : 404;
      expect((await app.request(commentsPath(o, survey), { headers: { cookie } })).status).toBe(expected);
      expect((await hide({ ...o, cookie }, survey, answerId, { hidden: true })).status).toBe(expected);
      expect(
        (
          await app.request(`/api/institutions/${o.institutionId}/surveys/${survey.surveyId}/results.xlsx`, {
            headers: { cookie },
          })
        ).status,
      ).toBe(expected);
    }
    // Another office's staff, under their own institution id, do not find this survey either.
    const theirs = await hide({ ...other, institutionId: other.institutionId }, survey, answerId, { hidden: true });
    expect(theirs.status).toBe(404);
    expect((await app.request(commentsPath(o, survey))).status).toBe(401);
    expect((await errorOf(await hide(o, survey, `20260301${hex(999)}`, { hidden: true }))).status).toBe(404);
    expect((await errorOf(await hide(o, survey, 'not-an-answer', { hidden: true }))).status).toBe(404);
    const bad = await errorOf(await hide(o, survey, answerId, { hidden: 'yes' }));
    expect(bad).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(Object.keys(bad.fields)).toEqual(['hidden']);
    expect((await findAnswer(deps.store, survey.surveyId, answerId))?.commentHidden).toBeUndefined();
  });
});

describe('survey results as XLSX', () => {
  const download = async (o: { institutionId: string; cookie: string }, s: Survey) => {
    const res = await app.request(`/api/institutions/${o.institutionId}/surveys/${s.surveyId}/results.xlsx`, {
      headers: { cookie: o.cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="wyniki-ankiety-/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    return workbook;
  };
  const rowValues = (sheet: ExcelJS.Worksheet | undefined, n: number) =>
    ((sheet?.getRow(n).values as unknown[]) ?? []).slice(1);

  it('has the four figure sheets and the visible comments, Polish headers, the JSON’s numbers, hidden figures empty with a note', async () => {
    const o = await office();
    const survey = await newSurvey(o);
    const answers = await seedAnswers(survey.surveyId, 24);
    const hiddenOne = answers[1]?.answerId ?? '';
    expect((await hide(o, survey, hiddenOne, { hidden: true })).status).toBe(200);
    const json = (await (
      await app.request(`/api/institutions/${o.institutionId}/surveys/${survey.surveyId}/results`, {
        headers: { cookie: o.cookie },
      })
    ).json()) as SurveyResults;
    const workbook = await download(o, survey);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Ogółem', 'Miesiące', 'Sprawy', 'Kanały', 'Komentarze']);

    const overall = workbook.getWorksheet('Ogółem');
    expect(rowValues(overall, 1).slice(0, 4)).toEqual([
      'Pytanie',
      'Odpowiedzi (n)',
      'Średnia (1–5)',
      'Zadowoleni (4–5)',
    ]);
    const waiting = rowValues(overall, 2);
    const figures = json.all.questions.waiting;
    if (!figures?.shown) throw new Error('waiting should be shown with 24 answers');
    expect(waiting[0]).toBe('Czas oczekiwania na obsługę');
    expect(waiting[1]).toBe(figures.n);
    expect(waiting[2]).toBeCloseTo(figures.mean, 10);
    expect(waiting[3]).toBeCloseTo(figures.satisfied, 10);
    expect(overall?.getRow(2).getCell(4).numFmt).toBe('0.0%');
    // q1 was never answered: its figures are hidden, so its cells are empty and say why.
    const own = rowValues(overall, 5);
    expect(own[0]).toBe('Czy formularz był zrozumiały?');
    expect(own[1]).toBe(0);
    expect(own[3]).toBeUndefined();
    expect(String(own[11])).toMatch(/^Ukryte: mniej niż 10 odpowiedzi/);
    expect(overall?.getRow(5).getCell(2).note).toMatch(/^Ukryte/);

    // 12 answers a month: both months are shown; the matters (8 taxes, 16 civil registry) hide taxes.
    const months = workbook.getWorksheet('Miesiące');
    expect(rowValues(months, 1)[0]).toBe('Miesiąc');
    expect(rowValues(months, 2).slice(0, 3)).toEqual(['2026-03', 'Czas oczekiwania na obsługę', 12]);
    const matters = workbook.getWorksheet('Sprawy');
    const taxes = [2, 3, 4, 5, 6, 7, 8, 9]
      .map((r) => rowValues(matters, r))
      .find((r) => r[0] === 'Podatki i opłaty lokalne');
    expect(taxes?.[3]).toBeUndefined();

    const comments = workbook.getWorksheet('Komentarze');
    expect(rowValues(comments, 1)).toEqual(['Dzień', 'Sprawa', 'Kanał', 'Komentarz']);
    const texts = Array.from({ length: (comments?.rowCount ?? 1) - 1 }, (_, i) => rowValues(comments, i + 2)[3]);
    expect(texts).toHaveLength(23);
    expect(texts).not.toContain('Komentarz numer 1');
    expect(texts).toContain('Komentarz numer 0');
  });

  it('holds no comment while the survey has fewer answers than its minimum', async () => {
    const o = await office();
    const survey = await newSurvey(o);
    await seedAnswers(survey.surveyId, 5);
    const comments = (await download(o, survey)).getWorksheet('Komentarze');
    expect(comments?.rowCount).toBe(2);
    expect(String(rowValues(comments, 2)[3])).toMatch(/^Komentarze nie są pokazywane/);
  });
});
