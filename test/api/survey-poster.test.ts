import { describe, expect, it } from 'vitest';
import type { Survey } from '../../shared/surveys/survey';
import { apiHarness, errorOf, jsonRequest, seedInstitution, seedUser, sessionCookie } from '../support/accounts';
import { decodeQr, pdfText, poppler } from '../support/pdf';

const { deps, app } = apiHarness();
const origin = deps.settings.publicOrigin;
const name = 'Miejski Ośrodek Pomocy Społecznej w Świętochłowicach — Dział Świadczeń Rodzinnych i Alimentacyjnych';

async function office(institutionName = name) {
  const { institutionId, member } = await seedInstitution(deps, { institution: { name: institutionName } });
  const cookie = await sessionCookie(deps, member.userId);
  const res = await app.request(
    `/api/institutions/${institutionId}/surveys`,
    jsonRequest(
      'POST',
      {
        title: { pl: 'Jak Pana/Panią obsłużyliśmy?', en: 'How did we serve you?' },
        opensOn: '2026-02-01',
        closesOn: '2026-12-31',
        ownQuestions: [],
      },
      { cookie },
    ),
  );
  expect(res.status).toBe(201);
  const survey = (await res.json()) as Survey;
  return {
    institutionId,
    cookie,
    survey,
    poster: `/api/institutions/${institutionId}/surveys/${survey.surveyId}/poster.pdf`,
  };
}

const pdfOf = async (res: Response) => {
  expect(res.status, res.status === 200 ? '' : await res.clone().text()).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
};

describe('survey poster PDF', () => {
  it('is an A4 PDF attachment with the office, the title, the invitation, the period and the link', async () => {
    const o = await office();
    const res = await app.request(o.poster, { headers: { cookie: o.cookie } });
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="plakat-ankieta-${o.survey.surveyId}.pdf"; filename*=UTF-8''plakat-ankieta-${o.survey.surveyId}.pdf`,
    );
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const pdf = await pdfOf(res);
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    if (!poppler) return;
    const text = pdfText(pdf, false).replace(/\s+/g, ' ');
    expect(text).toContain(name);
    expect(text).toContain('Jak Pana/Panią obsłużyliśmy?');
    expect(text).toContain('Jak oceniasz naszą obsługę?');
    expect(text).toContain('Zeskanuj kod i odpowiedz w 30 sekund');
    expect(text).toContain('Ankieta trwa od 1 lutego 2026 r. do 31 grudnia 2026 r.');
    expect(text).toContain(`${origin}/ankieta/${o.survey.surveyId}`);
  });

  it.skipIf(!poppler)('carries a QR code of exactly the public link, pre-filled for one desk when asked', async () => {
    const o = await office();
    const plain = await pdfOf(await app.request(o.poster, { headers: { cookie: o.cookie } }));
    expect(decodeQr(plain)).toBe(`${origin}/ankieta/${o.survey.surveyId}`);

    const res = await app.request(`${o.poster}?kanal=in_person&sprawa=social_support`, {
      headers: { cookie: o.cookie },
    });
    expect(res.headers.get('content-disposition')).toContain(
      `filename="plakat-ankieta-${o.survey.surveyId}-in_person-social_support.pdf"`,
    );
    const prefilled = await pdfOf(res);
    const url = `${origin}/ankieta/${o.survey.surveyId}?kanal=in_person&sprawa=social_support`;
    expect(decodeQr(prefilled)).toBe(url);
    expect(pdfText(prefilled, false).replace(/\s+/g, '')).toContain(url);
    // An empty choice (a form with nothing selected) is no pre-fill.
    const empty = await pdfOf(await app.request(`${o.poster}?kanal=&sprawa=`, { headers: { cookie: o.cookie } }));
    expect(decodeQr(empty)).toBe(`${origin}/ankieta/${o.survey.surveyId}`);
  });

  it.skipIf(!poppler)('prints in English with lang=en (the survey’s English title)', async () => {
    const o = await office('Starostwo Powiatowe w Żywcu');
    const res = await app.request(`${o.poster}?lang=en&kanal=phone`, { headers: { cookie: o.cookie } });
    expect(res.headers.get('content-disposition')).toContain(`filename="survey-poster-${o.survey.surveyId}-phone.pdf"`);
    const text = pdfText(await pdfOf(res), false).replace(/\s+/g, ' ');
    expect(text).toContain('Starostwo Powiatowe w Żywcu');
    expect(text).toContain('How did we serve you?');
    expect(text).toContain('How would you rate our service?');
    expect(text).toContain('The survey runs from 1 February 2026 to 31 December 2026');
  });

  it('refuses a channel or a matter the survey does not know, naming the field; and a stray language', async () => {
    const o = await office();
    const get = async (query: string) =>
      errorOf(await app.request(`${o.poster}?${query}`, { headers: { cookie: o.cookie } }));
    const channel = await get('kanal=fax');
    expect(channel).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(Object.keys(channel.fields)).toEqual(['kanal']);
    expect(Object.keys((await get('kanal=phone&sprawa=weddings')).fields)).toEqual(['sprawa']);
    expect(Object.keys((await get('lang=de')).fields)).toEqual(['lang']);
  });

  it('is the own office’s only: another office 404, an organizer 403, a stranger 401; unknown survey 404', async () => {
    const o = await office();
    const other = await office('Urząd Gminy Inna');
    const { user: organizer } = await seedUser(deps, { role: 'organizer' });
    const organizerCookie = await sessionCookie(deps, organizer.userId);
    expect((await app.request(o.poster, { headers: { cookie: other.cookie } })).status).toBe(404);
    expect((await app.request(o.poster, { headers: { cookie: organizerCookie } })).status).toBe(403);
    expect((await app.request(o.poster)).status).toBe(401);
    // Another office's survey under one's own institution, and a survey that does not exist.
    const foreign = `/api/institutions/${o.institutionId}/surveys/${other.survey.surveyId}/poster.pdf`;
    expect((await errorOf(await app.request(foreign, { headers: { cookie: o.cookie } }))).status).toBe(404);
    const unknown = `/api/institutions/${o.institutionId}/surveys/no-such-survey/poster.pdf`;
    expect(await errorOf(await app.request(unknown, { headers: { cookie: o.cookie } }))).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
  });
});
