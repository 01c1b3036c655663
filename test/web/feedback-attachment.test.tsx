import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHash } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { FeedbackFormPage } from '../../web/src/pages/feedback/FeedbackFormPage';
import { apiError, installFakeFetch, settle } from './support/fake-fetch';

afterEach(() => window.history.replaceState(null, '', '/'));

const INSTITUTION = '01KINSTITUTION000000000000';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const SLOT = 'ab'.repeat(16);

async function openFilled() {
  window.history.pushState(null, '', `/opinia/${INSTITUTION}`);
  const api = installFakeFetch();
  render(<FeedbackFormPage />);
  // A file picker lets people choose "all files" whatever `accept` says.
  const user = userEvent.setup({ applyAccept: false });
  await user.click(screen.getByRole('radio', { name: 'Skarga' }));
  await user.type(screen.getByLabelText('Treść'), 'Zdjęcie kolejki w załączniku.');
  return { api, user, input: screen.getByLabelText('Załącznik (nieobowiązkowy)') as HTMLInputElement };
}

it('offers an optional file with its types and limit in text, and refuses a wrong type or a big file next to the field', async () => {
  const { api, user, input } = await openFilled();
  expect(input.getAttribute('accept')).toBe('application/pdf,image/jpeg,image/png');
  expect(screen.getByText(/Jeden plik PDF, JPEG lub PNG, najwyżej 5 MB/)).toBeTruthy();
  await user.upload(input, new File(['GIF89a'], 'animacja.gif', { type: 'image/gif' }));
  expect(screen.getByText('Załącznik może być plikiem PDF, JPEG lub PNG.')).toBeTruthy();
  expect(input.getAttribute('aria-invalid')).toBe('true');
  expect(input.getAttribute('aria-describedby')).toContain('fb-attachment-error');
  await user.click(screen.getByRole('button', { name: 'Wyślij opinię' }));
  expect(document.activeElement).toBe(input);
  expect(api.requests).toHaveLength(0);

  await user.upload(input, new File([new Uint8Array(6 * 1024 * 1024)], 'skan.pdf', { type: 'application/pdf' }));
  expect(screen.getByText('Plik ma 6 MB, a limit to 5 MB.')).toBeTruthy();
});

it('uploads through a slot while showing progress, then sends the feedback naming the slot', async () => {
  const { api, user, input } = await openFilled();
  await user.upload(input, new File([PNG], 'IMG_2041.png', { type: 'image/png' }));
  expect(screen.getByText('Wybrany plik: 12 B')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Wyślij opinię' }));

  const [slot] = await api.waitFor('POST', /\/attachment-slots$/);
  expect(slot?.path).toBe(`/api/public/institutions/${INSTITUTION}/feedback/attachment-slots`);
  expect(slot?.body).toEqual({
    contentType: 'image/png',
    size: PNG.length,
    sha256: createHash('sha256').update(PNG).digest('hex'),
  });
  const busy = screen.getByRole('button', { name: 'Wysyłanie załącznika…' }) as HTMLButtonElement;
  expect(busy.disabled).toBe(true);
  expect(input.disabled).toBe(true);
  slot?.reply(201, {
    slotId: SLOT,
    expiresAt: '2026-03-01T11:00:00Z',
    upload: { url: '/api/uploads/token', method: 'PUT', headers: { 'content-type': 'image/png' }, expiresAt: 'x' },
  });
  const [put] = await api.waitFor('PUT', '/api/uploads/token');
  put?.reply(200, {});
  const [post] = await api.waitFor('POST', /\/feedback$/);
  // The file's name is sent nowhere.
  expect(JSON.stringify(api.requests.map((r) => r.body))).not.toContain('IMG_2041');
  expect(post?.body).toEqual({ category: 'complaint', text: 'Zdjęcie kolejki w załączniku.', attachmentSlot: SLOT });
  post?.reply(201, { trackingCode: '7K2M-QX4D-9RTB-VN3H' });
  await post?.consumed;
  await settle();
  expect(screen.getByTestId('tracking-code').textContent).toBe('7K2M-QX4D-9RTB-VN3H');
});

it('shows the server’s refusal of the file next to the field (content sniffed as something else)', async () => {
  const { api, user, input } = await openFilled();
  await user.upload(input, new File([PNG], 'a.png', { type: 'image/png' }));
  await user.click(screen.getByRole('button', { name: 'Wyślij opinię' }));
  const [slot] = await api.waitFor('POST', /\/attachment-slots$/);
  slot?.reply(201, {
    slotId: SLOT,
    expiresAt: 'x',
    upload: { url: '/api/uploads/t', method: 'PUT', headers: {}, expiresAt: 'x' },
  });
  const [put] = await api.waitFor('PUT', '/api/uploads/t');
  put?.reply(200, {});
  const [post] = await api.waitFor('POST', /\/feedback$/);
  const message = 'Zawartość pliku nie jest plikiem PDF, JPEG ani PNG, mimo jego nazwy lub typu.';
  post?.reply(400, apiError('VALIDATION_FAILED', 'Popraw dane.', { attachment: message }));
  await post?.consumed;
  await settle();
  expect(screen.getByText(message).id).toBe('fb-attachment-error');
  expect(input.getAttribute('aria-invalid')).toBe('true');
  expect(input.disabled).toBe(false);
  expect((screen.getByRole('button', { name: 'Wyślij opinię' }) as HTMLButtonElement).disabled).toBe(false);
});
