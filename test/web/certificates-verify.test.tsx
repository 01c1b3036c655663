import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it } from 'vitest';
import type { Verification } from '../../web/src/queries/certificates';
import { VerifyCodePage, VerifyFormPage } from '../../web/src/pages/certificates/VerifyPage';
import { CODE, NEW_CODE, verification } from './support/certificates';
import { apiError, installFakeFetch, settle } from './support/fake-fetch';
import { renderWithQuery } from './support/render';

afterEach(() => window.history.replaceState(null, '', '/'));

/** Opens `path` (a verification page) with the answer the API gives for its code. */
async function open(path: string, status: number, body: unknown) {
  window.history.pushState(null, '', path);
  const api = installFakeFetch();
  renderWithQuery(<VerifyCodePage />);
  const [lookup] = await api.waitFor('GET', /^\/api\/public\/certificates\//);
  lookup?.reply(status, body);
  await lookup?.consumed;
  await settle();
  return { api, lookup };
}

const verdict = () => screen.getByRole('heading', { level: 2, name: /./ }).closest('section') as HTMLElement;
const verdictTitle = () =>
  document.getElementById('ct-verdict-title')?.textContent?.replace('✓', '').replace('✗', '').trim();

it.each<[Verification['status'], Partial<Verification>, string, string]>([
  ['valid', {}, 'Certyfikat ważny', 'Certyfikat jest ważny do 20 listopada 2025.'],
  ['expired', {}, 'Certyfikat wygasł', 'Certyfikat był ważny do 20 listopada 2025.'],
  [
    'revoked',
    { revoked: { at: '2025-01-15T09:00:00.000Z', reason: 'Błędna nazwa instytucji' } },
    'Certyfikat unieważniony',
    'Unieważniony 15 stycznia 2025. Powód: Błędna nazwa instytucji',
  ],
  ['superseded', { supersededBy: NEW_CODE }, 'Certyfikat zastąpiony nowszym', 'Organizator wystawił w jego miejsce'],
])('status %s is said big and in words, with what the certificate says', async (status, extra, title, hint) => {
  const { lookup } = await open(`/weryfikacja/${CODE}`, 200, verification({ status, ...extra }));
  expect(lookup?.path).toBe(`/api/public/certificates/${CODE}`);
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Weryfikacja certyfikatu');
  expect(verdictTitle()).toBe(title);
  const box = document.querySelector('.ct-verdict') as HTMLElement;
  expect(box.getAttribute('data-status')).toBe(status);
  expect(box.textContent).toContain(hint);
  const facts = document.querySelector('.ct-facts') as HTMLElement;
  expect(facts.textContent).toContain('Urząd Gminy Łęczna, Łęczna');
  expect(facts.textContent).toContain('Przyjazny Urząd — VIII edycja (2024)');
  expect(facts.textContent).toContain('PU/2024/0001');
  expect(facts.textContent).toContain('0123456789ab');
  expect(facts.textContent).toContain('Urzędy gmin');
  if (status === 'superseded')
    expect(
      within(box)
        .getByRole('link', { name: `Sprawdź nowy certyfikat (${NEW_CODE})` })
        .getAttribute('href'),
    ).toBe(`/weryfikacja/${encodeURIComponent(NEW_CODE)}`);
});

it('shows only what the verification carries: the facts are exactly the certificate’s printed fields', async () => {
  await open(
    `/weryfikacja/${CODE}`,
    200,
    verification({
      certificate: { ...verification().certificate, outcome: 'distinction', distinctionReason: 'Obsługa cyfrowa' },
    }),
  );
  const terms = [...document.querySelectorAll('.ct-facts dt')].map((dt) => dt.textContent);
  expect(terms).toEqual([
    'Instytucja',
    'Wynik',
    'Uzasadnienie wyróżnienia',
    'Kategoria',
    'Edycja',
    'Numer certyfikatu',
    'Data wystawienia',
    'Ważny do',
    'Kod',
    'Skrót opublikowanych wyników',
  ]);
  expect(document.querySelector('.ct-facts')?.textContent).toContain('Obsługa cyfrowa');
});

it('an unknown code is "not found" with a hint (a malformed one also says so), never an error page', async () => {
  await open(`/weryfikacja/${CODE}`, 404, apiError('NOT_FOUND', 'Nie znaleziono.'));
  expect(verdictTitle()).toBe('Nie znaleziono certyfikatu o tym kodzie');
  expect(verdict().textContent).toContain('Sprawdź, czy kod jest przepisany dokładnie');
  expect(verdict().textContent).not.toContain('nie ma poprawnej postaci');
  // The form is there with the code, to correct it.
  expect((screen.getByLabelText('Kod certyfikatu') as HTMLInputElement).value).toBe(CODE);
});

it('a mistyped code gets the format hint as well', async () => {
  await open('/weryfikacja/ABC-123', 404, apiError('NOT_FOUND', 'Nie znaleziono.'));
  expect(verdictTitle()).toBe('Nie znaleziono certyfikatu o tym kodzie');
  expect(verdict().textContent).toContain('nie ma poprawnej postaci');
});

it('over the limit (429) asks to try again in a moment', async () => {
  await open(`/weryfikacja/${CODE}`, 429, apiError('RATE_LIMITED', 'Too many requests'));
  expect(verdictTitle()).toBe('Zbyt wiele sprawdzeń, spróbuj za chwilę');
  expect(screen.getByRole('button', { name: 'Sprawdź ponownie' })).toBeTruthy();
});

it('/en/verify/:code is in English whatever the UI language, and links to the Polish page', async () => {
  await open(`/en/verify/${CODE}`, 200, verification({ status: 'expired' }));
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Certificate verification');
  expect(verdictTitle()).toBe('Certificate expired');
  expect(document.querySelector('.ct-verify')?.getAttribute('lang')).toBe('en');
  expect(document.querySelector('.ct-facts')?.textContent).toContain('Municipal offices');
  const polish = screen.getByRole('link', { name: 'Wersja polska' });
  expect(polish.getAttribute('href')).toBe(`/weryfikacja/${CODE}`);
  expect(polish.getAttribute('lang')).toBe('pl');
});

it('the form goes to the typed code’s page, trimmed; an empty code is refused in words', async () => {
  window.history.pushState(null, '', '/weryfikacja');
  installFakeFetch();
  const user = userEvent.setup();
  renderWithQuery(<VerifyFormPage />);
  expect(screen.getByRole('link', { name: 'English version' }).getAttribute('href')).toBe('/en/verify');
  await user.click(screen.getByRole('button', { name: 'Sprawdź' }));
  expect(screen.getByText('Wpisz kod certyfikatu.')).toBeTruthy();
  const input = screen.getByLabelText('Kod certyfikatu');
  expect(input.getAttribute('aria-invalid')).toBe('true');
  expect(window.location.pathname).toBe('/weryfikacja');

  await user.type(input, `  ${CODE.toLowerCase()} `);
  await user.click(screen.getByRole('button', { name: 'Sprawdź' }));
  expect(window.location.pathname).toBe(`/weryfikacja/${CODE.toLowerCase()}`);
});

it('the English form goes to the English page', async () => {
  window.history.pushState(null, '', '/en/verify');
  installFakeFetch();
  const user = userEvent.setup();
  renderWithQuery(<VerifyFormPage />);
  await user.type(screen.getByLabelText('Certificate code'), CODE);
  await user.click(screen.getByRole('button', { name: 'Check' }));
  expect(window.location.pathname).toBe(`/en/verify/${CODE}`);
});
