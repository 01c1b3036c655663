import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import { CertificatesTab } from '../../web/src/components/certificates/CertificatesTab';
import { CODE, certificate, NEW_CODE, overview } from './support/certificates';
import { apiError, installFakeFetch, settle } from './support/fake-fetch';
import { renderWithQuery } from './support/render';

const overviewPath = '/api/editions/ed-1/certificates';
/** The tab's own status line (the reason form has another while it is open). */
const statusText = () => document.querySelector('.ct-status')?.textContent;

async function openTab(answer: ReturnType<typeof overview>) {
  const api = installFakeFetch();
  const user = userEvent.setup();
  renderWithQuery(<CertificatesTab editionId="ed-1" />);
  const [first] = await api.waitFor('GET', overviewPath);
  first?.reply(200, answer);
  await first?.consumed;
  await settle();
  return { api, user };
}

it('"Wystaw certyfikaty" posts once however often it is clicked while the request runs; the answer shows at once', async () => {
  const { api, user } = await openTab(overview([], { eligible: 2 }));
  expect(screen.getByText('Nie wystawiono jeszcze żadnego certyfikatu.')).toBeTruthy();
  const button = screen.getByRole('button', { name: 'Wystaw certyfikaty' });

  await user.dblClick(button);
  await user.click(button);
  const [post] = await api.waitFor('POST', overviewPath);
  await settle();
  expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  expect(post?.body).toEqual({});
  expect(button.getAttribute('aria-disabled')).toBe('true');

  const pending = [
    certificate({ status: 'pending' }),
    certificate({ code: NEW_CODE, certificateNumber: 'PU/2024/0002', status: 'pending' }),
  ];
  post?.reply(202, overview(pending, { eligible: 2 }));
  await post?.consumed;
  await settle();
  expect(button.getAttribute('aria-disabled')).toBeNull();
  expect(statusText()).toBe('Zlecono wystawienie certyfikatów; pliki powstają w tle.');
  const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
  expect(rows.map((r) => r.getAttribute('data-status'))).toEqual(['pending', 'pending']);
  expect(rows[0]?.textContent).toContain('w przygotowaniu');

  // Once answered, the button works again (it re-queues failures).
  await user.click(button);
  await api.waitFor('POST', overviewPath);
  expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
});

it('progress shows issued of eligible with a <progress>, failures with their error, and polls while anything is pending', async () => {
  const issued = certificate({ status: 'issued' });
  const pending = certificate({ code: NEW_CODE, certificateNumber: 'PU/2024/0002', status: 'pending' });
  const certs = [
    issued,
    pending,
    certificate({
      code: 'X',
      certificateNumber: 'PU/2024/0003',
      status: 'failed',
      error: 'font missing',
      attempts: 3,
    }),
  ];
  const { api } = await openTab(overview(certs, { eligible: 4 }));
  const progress = screen.getByLabelText('Gotowe certyfikaty');
  expect(progress.tagName.toLowerCase()).toBe('progress');
  expect(progress.getAttribute('value')).toBe('1');
  expect(progress.getAttribute('max')).toBe('4');
  expect(screen.getByText('Gotowe certyfikaty: 1 z 4.')).toBeTruthy();
  expect(screen.getByText('Opublikowane wyniki dają prawo do 4 certyfikatów.')).toBeTruthy();
  expect(screen.getByText('Trwa generowanie plików — w kolejce: 1.', { exact: false })).toBeTruthy();
  expect(screen.getByText('Nie udało się wygenerować 1 certyfikatu. „Wystaw certyfikaty” ponowi próbę.')).toBeTruthy();
  const failed = document.querySelector('tr[data-code="X"]');
  expect(failed?.textContent).toContain('błąd generowania');
  expect(failed?.textContent).toContain('Błąd: font missing');
  expect(failed?.textContent).toContain('Próby: 3.');

  // A certificate is pending: the overview is read again (every 2 s) until nothing is.
  const [again] = await api.waitFor('GET', overviewPath);
  again?.reply(200, overview([issued, { ...pending, status: 'issued' }], { eligible: 2 }));
  await again?.consumed;
  await settle();
  expect(screen.getByText('Gotowe certyfikaty: 2 z 2.')).toBeTruthy();
  expect(statusText()).toBe('Wszystkie zlecone certyfikaty są gotowe.');
});

it('revoking asks for a reason of 3–500 characters and a confirmation before anything is sent', async () => {
  const { api, user } = await openTab(overview([certificate()], { eligible: 1 }));
  await user.click(screen.getByRole('button', { name: 'Unieważnij certyfikat PU/2024/0001' }));
  const reason = screen.getByLabelText(/^Powód/);
  expect(document.activeElement).toBe(reason);

  // No reason: the summary says so, nothing is sent.
  await user.click(screen.getByRole('button', { name: 'Unieważnij certyfikat' }));
  const summary = await screen.findByRole('group', { name: 'Wystąpił problem' });
  expect(summary.textContent).toContain('Powód');
  expect(reason.getAttribute('aria-invalid')).toBe('true');
  // Too short (two characters after trimming): still refused before sending.
  await user.type(reason, '  ab  ');
  await user.click(screen.getByRole('button', { name: 'Unieważnij certyfikat' }));
  await settle();
  expect(screen.getByRole('group', { name: 'Wystąpił problem' })).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Tak, unieważnij' })).toBeNull();

  await user.clear(reason);
  await user.type(reason, 'Błędna nazwa instytucji na certyfikacie');
  await user.click(screen.getByRole('button', { name: 'Unieważnij certyfikat' }));
  const confirm = await screen.findByRole('button', { name: 'Tak, unieważnij' });
  expect(document.activeElement).toBe(confirm);
  expect(screen.getByText(/Unieważnić certyfikat PU\/2024\/0001 \(Urząd Gminy Łęczna\)\?/)).toBeTruthy();
  expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(0);

  await user.click(confirm);
  const [post] = await api.waitFor('POST', `/api/certificates/${encodeURIComponent(CODE)}/revoke`);
  expect(post?.body).toEqual({ reason: 'Błędna nazwa instytucji na certyfikacie' });
  const revoked = certificate({
    status: 'revoked',
    revoked: { at: '2025-01-15T09:00:00.000Z', reason: 'Błędna nazwa instytucji na certyfikacie' },
  });
  post?.reply(200, revoked);
  const [reread] = await api.waitFor('GET', overviewPath);
  reread?.reply(200, overview([revoked], { eligible: 1 }));
  await reread?.consumed;
  await settle();
  expect(statusText()).toBe('Unieważniono certyfikat PU/2024/0001.');
  const row = document.querySelector(`tr[data-code="${CODE}"]`);
  expect(row?.textContent).toContain('unieważniony');
  expect(row?.textContent).toContain('Unieważniony 15 stycznia 2025. Powód: Błędna nazwa instytucji na certyfikacie');
  // A revoked certificate cannot be revoked or re-issued again.
  expect(screen.queryByRole('button', { name: /Unieważnij certyfikat/ })).toBeNull();
  expect(screen.queryByRole('button', { name: /Wystaw ponownie/ })).toBeNull();
});

it('re-issuing sends the reason; the old row then links to the new code and the new one to the old', async () => {
  const { api, user } = await openTab(overview([certificate()], { eligible: 1 }));
  await user.click(screen.getByRole('button', { name: 'Wystaw ponownie certyfikat PU/2024/0001' }));
  await user.type(screen.getByLabelText(/^Powód/), 'Poprawiona nazwa instytucji');
  await user.click(screen.getByRole('button', { name: 'Wystaw nowy certyfikat' }));
  await user.click(await screen.findByRole('button', { name: 'Tak, wystaw ponownie' }));
  const [post] = await api.waitFor('POST', `/api/certificates/${encodeURIComponent(CODE)}/reissue`);
  expect(post?.body).toEqual({ reason: 'Poprawiona nazwa instytucji' });
  const fresh = certificate({ code: NEW_CODE, certificateNumber: 'PU/2024/0002', status: 'issued', replaces: CODE });
  post?.reply(201, { ...fresh, status: 'pending' });
  const [reread] = await api.waitFor('GET', overviewPath);
  reread?.reply(200, overview([certificate({ status: 'superseded', supersededBy: NEW_CODE }), fresh], { eligible: 1 }));
  await reread?.consumed;
  await settle();
  expect(statusText()).toBe('Wystawiono certyfikat PU/2024/0002 w miejsce PU/2024/0001; pliki są w przygotowaniu.');
  const old = document.querySelector(`tr[data-code="${CODE}"]`) as HTMLElement;
  expect(old.textContent).toContain('zastąpiony');
  expect(within(old).getByRole('link', { name: NEW_CODE }).getAttribute('href')).toBe(
    `/weryfikacja/${encodeURIComponent(NEW_CODE)}`,
  );
  const replacement = document.querySelector(`tr[data-code="${NEW_CODE}"]`) as HTMLElement;
  expect(within(replacement).getByRole('link', { name: CODE }).getAttribute('href')).toBe(
    `/weryfikacja/${encodeURIComponent(CODE)}`,
  );
});

it('missing signatories point to their form on the tab; the server’s refusal is shown; issued certificates can be downloaded as a ZIP', async () => {
  const { api, user } = await openTab(overview([certificate()], { eligible: 1, signatoriesMissing: true }));
  const toForm = screen.getByRole('link', { name: 'Przejdź do podpisów' });
  expect(toForm.getAttribute('href')).toBe('#ct-sign');
  expect(document.getElementById('ct-sign')?.tagName.toLowerCase()).toBe('section');
  expect(screen.getByRole('link', { name: 'Pobierz wszystkie (ZIP)' }).getAttribute('href')).toBe(
    '/api/editions/ed-1/certificates/archive',
  );

  await user.click(screen.getByRole('button', { name: 'Wystaw certyfikaty' }));
  const [post] = await api.waitFor('POST', overviewPath);
  post?.reply(
    422,
    apiError('VALIDATION_FAILED', 'Podaj, kto podpisuje certyfikaty.', {
      'certificates.signatories': 'Potrzeba od 1 do 3 podpisów.',
    }),
  );
  const box = await screen.findByRole('group', { name: 'Wystąpił problem' });
  await waitFor(() => expect(document.activeElement).toBe(box));
  expect(box.textContent).toContain('Podaj, kto podpisuje certyfikaty.');
  expect(box.textContent).toContain('Potrzeba od 1 do 3 podpisów.');
  expect(within(box).getByRole('link', { name: 'Przejdź do podpisów' }).getAttribute('href')).toBe('#ct-sign');
});
