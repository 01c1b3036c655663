import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import { MeasurementParticipation } from '../../web/src/pages/measurement/MeasurementParticipation';
import { installFakeFetch, settle } from './support/fake-fetch';
import { renderWithQuery } from './support/render';

const INSTITUTION = '01KINSTITUTION000000000000';

it('opts the office in with an explicit checkbox per open year, and links a published year’s ranking', async () => {
  const api = installFakeFetch();
  renderWithQuery(<MeasurementParticipation institutionId={INSTITUTION} />);
  const [list] = await api.waitFor('GET', /\/measurements$/);
  expect(list?.path).toBe(`/api/institutions/${INSTITUTION}/measurements`);
  list?.reply(200, {
    items: [
      { year: 2026, status: 'open', minAnswers: 30, participating: false },
      { year: 2025, status: 'published', minAnswers: 30, participating: true, optedInAt: '2025-02-01T10:00:00.000Z' },
    ],
  });
  await list?.consumed;
  await settle();
  const box = screen.getByRole('checkbox', { name: 'Uczestniczymy w badaniu 2026' });
  expect((box as HTMLInputElement).checked).toBe(false);
  expect(screen.getByRole('link', { name: 'Publiczny ranking 2025' }).getAttribute('href')).toBe(
    '/badanie-satysfakcji/2025',
  );
  await userEvent.setup().click(box);
  const [put] = await api.waitFor('PUT', /\/participation$/);
  expect(put?.path).toBe(`/api/institutions/${INSTITUTION}/measurements/2026/participation`);
  expect(put?.body).toEqual({ participating: true });
  put?.reply(200, { year: 2026, participating: true, optedInAt: '2026-03-01T10:00:00.000Z' });
  await put?.consumed;
  const [again] = await api.waitFor('GET', /\/measurements$/);
  again?.reply(200, {
    items: [{ year: 2026, status: 'open', minAnswers: 30, participating: true, optedInAt: '2026-03-01T10:00:00.000Z' }],
  });
  await again?.consumed;
  await settle();
  expect((screen.getByRole('checkbox', { name: 'Uczestniczymy w badaniu 2026' }) as HTMLInputElement).checked).toBe(
    true,
  );
  expect(screen.getByText('Urząd uczestniczy (od 2026-03-01).')).toBeTruthy();
});
