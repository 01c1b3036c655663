import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import { CertificatesTab } from '../../web/src/components/certificates/CertificatesTab';
import { overview, publishedEdition } from './support/certificates';
import { apiError, installFakeFetch, settle } from './support/fake-fetch';
import { renderWithQuery } from './support/render';

const overviewPath = '/api/editions/ed-1/certificates';
const editionPath = '/api/editions/ed-1';
const signatoriesPath = '/api/editions/ed-1/certificates/signatories';
const chair = { name: 'prof. Anna Nowak', role: 'Przewodnicząca Kapituły' };
const organizer = { name: 'Jan Kowalski', role: 'Prezes Instytutu Jakości' };
const statusText = () => document.querySelector('.ct-status')?.textContent;
const section = () => screen.getByRole('region', { name: 'Kto podpisuje certyfikaty' });
const puts = (api: ReturnType<typeof installFakeFetch>) => api.requests.filter((r) => r.method === 'PUT');

/** The tab with its overview and the edition (whose version and signatories the form starts from) answered. */
async function openTab(answer: ReturnType<typeof overview>, edition: ReturnType<typeof publishedEdition>) {
  const api = installFakeFetch();
  const user = userEvent.setup();
  renderWithQuery(<CertificatesTab editionId="ed-1" />);
  const [first] = await api.waitFor('GET', overviewPath);
  first?.reply(200, answer);
  await first?.consumed;
  const [read] = await api.waitFor('GET', editionPath);
  read?.reply(200, edition);
  await read?.consumed;
  await settle();
  return { api, user };
}

it('with no signatories the form is open on the tab; empty rows are refused before sending; the rows go out with the edition’s version', async () => {
  const { api, user } = await openTab(overview([], { signatoriesMissing: true }), publishedEdition());
  expect(screen.getByText(/Zanim wystawisz certyfikaty, podaj poniżej, kto je podpisuje/)).toBeTruthy();
  // No cancel: issuing is refused until someone is named.
  expect(within(section()).queryByRole('button', { name: 'Anuluj' })).toBeNull();
  const name1 = screen.getByLabelText('Podpis 1: imię i nazwisko') as HTMLInputElement;
  expect(name1.value).toBe('');

  await user.click(screen.getByRole('button', { name: 'Zapisz podpisy' }));
  const summary = await screen.findByRole('group', { name: 'Wystąpił problem' });
  expect(summary.textContent).toContain('Podpis 1: imię i nazwisko: To pole nie może być puste.');
  expect(summary.textContent).toContain('Podpis 1: funkcja: To pole nie może być puste.');
  expect(puts(api)).toHaveLength(0);

  await user.type(name1, chair.name);
  await user.type(screen.getByLabelText('Podpis 1: funkcja'), chair.role);
  await user.click(screen.getByRole('button', { name: 'Dodaj podpis' }));
  await user.type(screen.getByLabelText('Podpis 2: imię i nazwisko'), organizer.name);
  await user.type(screen.getByLabelText('Podpis 2: funkcja'), organizer.role);
  await user.click(screen.getByRole('button', { name: 'Zapisz podpisy' }));
  const [put] = await api.waitFor('PUT', signatoriesPath);
  expect(put?.body).toEqual({ signatories: [chair, organizer], version: 7 });

  put?.reply(200, publishedEdition({ version: 8, certificates: { signatories: [chair, organizer] } }));
  // The overview is read again: "signatories missing" is over.
  const [reread] = await api.waitFor('GET', overviewPath);
  reread?.reply(200, overview([], { signatoriesMissing: false }));
  await reread?.consumed;
  await settle();
  expect(statusText()).toBe('Zapisano podpisy na certyfikatach.');
  expect(screen.queryByText(/Zanim wystawisz certyfikaty/)).toBeNull();
  expect(screen.queryByLabelText('Podpis 1: imię i nazwisko')).toBeNull();
  const items = within(section())
    .getAllByRole('listitem')
    .map((li) => li.textContent);
  expect(items).toEqual([`${chair.name} — ${chair.role}`, `${organizer.name} — ${organizer.role}`]);
  const edit = screen.getByRole('button', { name: 'Edytuj podpisy' });
  await waitFor(() => expect(document.activeElement).toBe(edit));
});

it('"Edytuj podpisy" opens the form prefilled; a stale version offers the current data; field errors land on their row', async () => {
  const { api, user } = await openTab(
    overview([], { signatoriesMissing: false }),
    publishedEdition({ certificates: { signatories: [chair, organizer] } }),
  );
  expect(screen.queryByLabelText('Podpis 1: imię i nazwisko')).toBeNull();
  await user.click(screen.getByRole('button', { name: 'Edytuj podpisy' }));
  const name1 = screen.getByLabelText('Podpis 1: imię i nazwisko') as HTMLInputElement;
  await waitFor(() => expect(document.activeElement).toBe(name1));
  expect(name1.value).toBe(chair.name);
  expect((screen.getByLabelText('Podpis 2: funkcja') as HTMLInputElement).value).toBe(organizer.role);

  const role2 = screen.getByLabelText('Podpis 2: funkcja');
  await user.clear(role2);
  await user.type(role2, 'Organizator konkursu');
  await user.click(screen.getByRole('button', { name: 'Zapisz podpisy' }));
  const [stale] = await api.waitFor('PUT', signatoriesPath);
  expect(stale?.body).toEqual({ signatories: [chair, { ...organizer, role: 'Organizator konkursu' }], version: 7 });
  stale?.reply(
    409,
    apiError(
      'STALE_VERSION',
      'Ktoś zapisał zmiany w międzyczasie. Twoje zmiany nie zostały zapisane — odśwież dane i wprowadź je ponownie.',
    ),
  );
  const summary = await screen.findByRole('group', { name: 'Wystąpił problem' });
  await waitFor(() => expect(document.activeElement).toBe(summary));
  expect(summary.textContent).toContain('Ktoś zapisał zmiany w międzyczasie.');
  // Nothing was lost: the change is still in the form until the current data are loaded.
  expect((screen.getByLabelText('Podpis 2: funkcja') as HTMLInputElement).value).toBe('Organizator konkursu');

  const someoneElse = { name: 'dr Ewa Wiśniewska', role: 'Przewodnicząca Kapituły' };
  await user.click(within(summary).getByRole('button', { name: 'Wczytaj aktualne dane' }));
  const [fresh] = await api.waitFor('GET', editionPath);
  fresh?.reply(200, publishedEdition({ version: 9, certificates: { signatories: [someoneElse] } }));
  await fresh?.consumed;
  await settle();
  expect((screen.getByLabelText('Podpis 1: imię i nazwisko') as HTMLInputElement).value).toBe(someoneElse.name);
  expect(screen.queryByLabelText('Podpis 2: imię i nazwisko')).toBeNull();
  expect(section().textContent).toContain('Wczytano aktualne dane.');

  await user.click(screen.getByRole('button', { name: 'Zapisz podpisy' }));
  const [refused] = await api.waitFor('PUT', signatoriesPath);
  expect(refused?.body).toEqual({ signatories: [someoneElse], version: 9 });
  refused?.reply(
    400,
    apiError('VALIDATION_FAILED', 'Popraw zaznaczone pola.', { 'signatories.0.role': 'Najwyżej 160 znaków.' }),
  );
  await waitFor(() => expect(screen.getByLabelText('Podpis 1: funkcja').getAttribute('aria-invalid')).toBe('true'));
  expect(screen.getByLabelText('Podpis 1: imię i nazwisko').getAttribute('aria-invalid')).toBeNull();
  expect(screen.getByRole('group', { name: 'Wystąpił problem' }).textContent).toContain(
    'Podpis 1: funkcja: Najwyżej 160 znaków.',
  );

  // Cancel: back to the list as it was, the toggle focused, nothing more sent.
  await user.click(within(section()).getByRole('button', { name: 'Anuluj' }));
  const edit = screen.getByRole('button', { name: 'Edytuj podpisy' });
  await waitFor(() => expect(document.activeElement).toBe(edit));
  expect(puts(api)).toHaveLength(2);
});
