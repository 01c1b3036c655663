import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it } from 'vitest';
import { FeedbackFormPage } from '../../web/src/pages/feedback/FeedbackFormPage';
import { FeedbackTrackPage } from '../../web/src/pages/feedback/FeedbackTrackPage';
import { apiError, installFakeFetch, settle } from './support/fake-fetch';

afterEach(() => window.history.replaceState(null, '', '/'));

const INSTITUTION = '01KINSTITUTION000000000000';

function openForm() {
  window.history.pushState(null, '', `/opinia/${INSTITUTION}`);
  const api = installFakeFetch();
  render(<FeedbackFormPage />);
  return api;
}

it('asks for the category and the text before sending, with a counter, and sends once on a double click', async () => {
  const api = openForm();
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Wyślij opinię' }));
  expect(screen.getByText('Wybierz rodzaj opinii.')).toBeTruthy();
  expect(screen.getByText('Napisz treść opinii.')).toBeTruthy();
  expect(document.activeElement?.id).toBe('fb-category-complaint');
  await user.click(screen.getByRole('radio', { name: 'Pochwała' }));
  await user.type(screen.getByLabelText('Treść'), 'Miła obsługa.');
  expect(screen.getByText('13 z 2000 znaków')).toBeTruthy();
  await user.type(screen.getByLabelText('Adres e-mail (nieobowiązkowy)'), 'ja@example.com');
  await user.dblClick(screen.getByRole('button', { name: 'Wyślij opinię' }));
  const posts = await api.waitFor('POST', /\/feedback$/);
  expect(posts).toHaveLength(1);
  expect(posts[0]?.path).toBe(`/api/public/institutions/${INSTITUTION}/feedback`);
  expect(posts[0]?.body).toEqual({ category: 'praise', text: 'Miła obsługa.', email: 'ja@example.com' });
  posts[0]?.reply(201, { trackingCode: '7K2M-QX4D-9RTB-VN3H' });
  await posts[0]?.consumed;
  await settle();
  expect(screen.getByTestId('tracking-code').textContent).toBe('7K2M-QX4D-9RTB-VN3H');
  expect(screen.getByRole('heading', { name: 'Opinia wysłana — zachowaj kod' })).toBe(document.activeElement);
  expect(screen.getByRole('link', { name: 'Sprawdź status opinii' }).getAttribute('href')).toBe(
    '/opinia/sprawdz?kod=7K2M-QX4D-9RTB-VN3H',
  );
});

it('shows the server’s field message on its field (a bad e-mail)', async () => {
  const api = openForm();
  const user = userEvent.setup();
  await user.click(screen.getByRole('radio', { name: 'Skarga' }));
  await user.type(screen.getByLabelText('Treść'), 'Za długo.');
  await user.type(screen.getByLabelText('Adres e-mail (nieobowiązkowy)'), 'ja@');
  await user.click(screen.getByRole('button', { name: 'Wyślij opinię' }));
  const [post] = await api.waitFor('POST', /\/feedback$/);
  post?.reply(400, apiError('VALIDATION_FAILED', 'Popraw dane.', { email: 'Podaj poprawny adres e-mail.' }));
  await post?.consumed;
  await settle();
  const email = screen.getByLabelText('Adres e-mail (nieobowiązkowy)');
  expect(email.getAttribute('aria-invalid')).toBe('true');
  expect(email.getAttribute('aria-describedby')).toContain('fb-email-error');
  expect(screen.getByText('Podaj poprawny adres e-mail.')).toBeTruthy();
});

it('looks a typed code up without its spaces and shows the status and the public answer', async () => {
  window.history.pushState(null, '', '/opinia/sprawdz');
  const api = installFakeFetch();
  render(<FeedbackTrackPage />);
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Kod śledzenia'), '7k2m qx4d 9rtb vn3h');
  await user.click(screen.getByRole('button', { name: 'Sprawdź' }));
  const [get] = await api.waitFor('GET', /\/api\/public\/feedback\//);
  expect(get?.path).toBe('/api/public/feedback/7K2MQX4D9RTBVN3H');
  get?.reply(200, {
    institutionName: 'Urząd Miasta Demo',
    category: 'complaint',
    status: 'answered',
    submittedOn: '2026-03-01',
    answeredOn: '2026-03-04',
    publicAnswer: 'Dodaliśmy drugie okienko.',
  });
  await get?.consumed;
  await settle();
  expect(screen.getByRole('heading', { name: 'Status: z odpowiedzią' })).toBeTruthy();
  expect(screen.getByText('Dodaliśmy drugie okienko.')).toBeTruthy();
  expect(screen.getByText('04.03.2026')).toBeTruthy();
});
