import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it } from 'vitest';
import type { PublicSurvey } from '../../web/src/queries/survey-public';
import { SurveyAnswerPage } from '../../web/src/pages/surveys/SurveyAnswerPage';
import { apiError, installFakeFetch, settle } from './support/fake-fetch';

afterEach(() => window.history.replaceState(null, '', '/'));

const survey = (overrides: Partial<PublicSurvey> = {}): PublicSurvey => ({
  surveyId: '01KSURVEY0000000000000000A',
  institutionName: 'Urząd Miasta Demo',
  title: { pl: 'Jak Pana/Panią obsłużyliśmy?', en: 'How did we serve you?' },
  aspects: ['waiting', 'usefulness', 'engagement'],
  ownQuestions: [{ id: 'q1', text: { pl: 'Czy formularz był zrozumiały?' } }],
  matters: [
    'civil_registry',
    'taxes_fees',
    'social_support',
    'construction',
    'transport',
    'environment',
    'business',
    'other',
  ],
  channels: ['in_person', 'phone', 'email', 'online', 'letter'],
  opensOn: '2026-01-01',
  closesOn: '2026-12-31',
  open: true,
  ...overrides,
});

async function open(path: string, body: PublicSurvey) {
  window.history.pushState(null, '', path);
  const api = installFakeFetch();
  render(<SurveyAnswerPage />);
  const [read] = await api.waitFor('GET', /^\/api\/public\/surveys\//);
  read?.reply(200, body);
  await read?.consumed;
  await settle();
  return api;
}

it('takes ratings from labelled radio groups, pre-fills channel and matter from the link, and sends one answer on a double click', async () => {
  const api = await open(`/ankieta/${survey().surveyId}?kanal=phone&sprawa=taxes_fees`, survey());
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Jak Pana/Panią obsłużyliśmy?');
  expect((screen.getByLabelText('Jak się z nami kontaktowano? (nieobowiązkowe)') as HTMLSelectElement).value).toBe(
    'phone',
  );
  expect((screen.getByLabelText('W jakiej sprawie był kontakt? (nieobowiązkowe)') as HTMLSelectElement).value).toBe(
    'taxes_fees',
  );
  const user = userEvent.setup();
  const waiting = screen.getByRole('group', { name: 'Czas oczekiwania na obsługę' });
  await user.click(within(waiting).getByRole('radio', { name: '5 — bardzo dobrze' }));
  expect((waiting.querySelector('input:checked') as HTMLInputElement).value).toBe('5');
  await user.click(
    screen.getByRole('group', { name: 'Czy formularz był zrozumiały?' }).querySelectorAll('input')[3] as HTMLElement,
  );
  await user.type(screen.getByLabelText('Komentarz (nieobowiązkowy)'), 'Szybko i miło.');
  await user.dblClick(screen.getByRole('button', { name: 'Wyślij odpowiedź' }));
  const posts = await api.waitFor('POST', /\/answers$/);
  expect(posts).toHaveLength(1);
  expect(posts[0]?.body).toEqual({
    ratings: { waiting: 5 },
    own: { q1: 4 },
    comment: 'Szybko i miło.',
    matter: 'taxes_fees',
    channel: 'phone',
  });
  posts[0]?.reply(201, { recorded: true }); // a 201's body is not read: nothing to wait for but the render
  await settle();
  expect(screen.getByRole('status').textContent).toContain('Dziękujemy za odpowiedź!');
  expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
});

it('asks for at least one rating before sending anything, and shows the server’s refusal', async () => {
  const api = await open(`/ankieta/${survey().surveyId}`, survey());
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Wyślij odpowiedź' }));
  expect(screen.getByRole('alert').textContent).toBe('Oceń co najmniej jedną rzecz.');
  expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  await user.click(
    screen.getByRole('group', { name: 'Zaangażowanie pracownika' }).querySelectorAll('input')[0] as HTMLElement,
  );
  await user.click(screen.getByRole('button', { name: 'Wyślij odpowiedź' }));
  const [post] = await api.waitFor('POST', /\/answers$/);
  post?.reply(429, apiError('RATE_LIMITED', 'Zbyt wiele odpowiedzi z tej przeglądarki. Spróbuj za 10 minut.'));
  await post?.consumed;
  await settle();
  expect(screen.getByRole('alert').textContent).toBe('Zbyt wiele odpowiedzi z tej przeglądarki. Spróbuj za 10 minut.');
});

it('says a survey outside its period is closed, with the period, and offers no form', async () => {
  await open(`/ankieta/${survey().surveyId}`, survey({ open: false, opensOn: '2026-04-01', closesOn: '2026-04-30' }));
  expect(screen.getByText(/od 01\.04\.2026 do 30\.04\.2026/)).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Wyślij odpowiedź' })).toBeNull();
});
