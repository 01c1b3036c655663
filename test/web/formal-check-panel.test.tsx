import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it, vi } from 'vitest';
import { FormalCheckPanel } from '../../web/src/components/editions/FormalCheckPanel';
import { installFakeFetch, settle } from './support/fake-fetch';
import { renderWithQuery } from './support/render';

/** Issue 16 §6: a formal acceptance is final and mails the institution, so it is asked twice and says so. */

it('"Przyjmij formalnie" asks first, saying what will happen; only the confirmation posts the decision', async () => {
  const api = installFakeFetch();
  const user = userEvent.setup();
  const onDecided = vi.fn();
  renderWithQuery(<FormalCheckPanel applicationId="app-1" version={3} onDecided={onDecided} />);
  await user.click(screen.getByRole('button', { name: 'Przyjmij formalnie' }));
  await settle();
  expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  const question = screen.getByRole('group');
  expect(question.textContent).toContain('Instytucja dostanie e-mail');
  expect(question.textContent).toContain('Decyzji nie można cofnąć');
  const confirm = screen.getByRole('button', { name: 'Tak, przyjmij formalnie' });
  expect(document.activeElement).toBe(confirm);

  await user.click(confirm);
  const [post] = await api.waitFor('POST', '/api/applications/app-1/formal-check');
  expect(post?.body).toEqual({ decision: 'accept', version: 3 });
  post?.reply(200, { applicationId: 'app-1', status: 'accepted', version: 4 });
  await post?.consumed;
  await settle();
  expect(onDecided).toHaveBeenCalledWith('Zgłoszenie przyjęto formalnie; instytucja dostała wiadomość.');
});

it('the return form says what the institution gets and offers no earlier deadline than the edition’s own', async () => {
  installFakeFetch();
  const user = userEvent.setup();
  renderWithQuery(
    <FormalCheckPanel
      applicationId="app-1"
      version={3}
      editionDeadline="2099-12-31T22:59:00.000Z"
      onDecided={vi.fn()}
    />,
  );
  await user.click(screen.getByRole('button', { name: 'Zwróć do poprawy' }));
  expect(screen.getByText(/Instytucja dostanie e-mail z uwagami i terminem/)).toBeTruthy();
  expect((screen.getByLabelText('Termin poprawek') as HTMLInputElement).value).toBe('2099-12-31T23:59');
});
