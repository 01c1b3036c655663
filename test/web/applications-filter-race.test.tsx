import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import { ApplicationsTab } from '../../web/src/components/editions/ApplicationsTab';
import { installFakeFetch, settle } from './support/fake-fetch';
import { applicationRow } from './support/fixtures';
import { renderWithQuery } from './support/render';

const listPath = '/api/editions/ed-1/applications';
const page = (...names: string[]) => ({ items: names.map((n) => applicationRow(n)), cursor: null });
const shownNames = () =>
  within(screen.getByRole('table'))
    .getAllByRole('link')
    .map((a) => a.textContent);

it('a slow answer for an earlier filter never replaces the list of the filter chosen after it', async () => {
  const api = installFakeFetch();
  const user = userEvent.setup();
  renderWithQuery(<ApplicationsTab editionId="ed-1" />);

  // The unfiltered list arrives.
  const [first] = await api.waitFor('GET', listPath);
  first?.reply(200, page('Urząd A', 'Urząd B'));
  await first?.consumed;
  await settle();
  expect(shownNames()).toEqual(['Urząd A', 'Urząd B']);

  // Filter "submitted" — its answer is slow — then filter "draft" at once.
  await user.selectOptions(screen.getByLabelText('Status'), 'submitted');
  await user.click(screen.getByRole('button', { name: 'Filtruj' }));
  await user.selectOptions(screen.getByLabelText('Status'), 'draft');
  await user.click(screen.getByRole('button', { name: 'Filtruj' }));
  const [submitted, draft] = await api.waitFor('GET', listPath, 2);
  expect(submitted?.query.get('status')).toBe('submitted');
  expect(draft?.query.get('status')).toBe('draft');

  // The newer filter's answer comes first and is shown.
  draft?.reply(200, page('Urząd Szkic'));
  await draft?.consumed;
  await settle();
  expect(shownNames()).toEqual(['Urząd Szkic']);

  // The older filter's answer arrives late and is read: the list stays the one for "draft".
  submitted?.reply(200, page('Urząd Złożony', 'Urząd Inny'));
  await submitted?.consumed;
  await settle();
  expect(shownNames()).toEqual(['Urząd Szkic']);
  expect(screen.getByRole('status').textContent).toBe('Pokazano 1 zgłoszenie.');
});
