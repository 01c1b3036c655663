import { render, screen, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { institutionTypes } from '../../shared/institutions/institution';
import { computeRanking, type ParticipantCounts } from '../../shared/measurement/ranking';
import type { Histogram } from '../../shared/surveys/survey-statistics';
import { MeasurementRankingPage } from '../../web/src/pages/measurement/MeasurementRankingPage';
import type { PublishedMeasurement } from '../../web/src/queries/measurement-public';
import { apiError, installFakeFetch, settle } from './support/fake-fetch';

afterEach(() => window.history.replaceState(null, '', '/'));

const h = (satisfied: number, not: number): Histogram => [not, 0, 0, 0, satisfied];
const office = (id: string, name: string, hist: Histogram): ParticipantCounts => ({
  institutionId: id,
  name,
  type: 'municipal_office',
  histograms: { waiting: hist, usefulness: hist, engagement: hist },
});
const previous = computeRanking({
  year: 2025,
  minAnswers: 30,
  typeOrder: institutionTypes,
  participants: [office('a', 'Urząd Miasta Alfa', h(80, 20)), office('b', 'Urząd Gminy Beta', h(90, 10))],
});
const ranking: PublishedMeasurement = {
  ...computeRanking({
    year: 2026,
    minAnswers: 30,
    typeOrder: institutionTypes,
    previous,
    participants: [
      office('a', 'Urząd Miasta Alfa', h(95, 5)),
      office('b', 'Urząd Gminy Beta', h(85, 15)),
      office('c', 'Urząd Gminy Mała', h(10, 5)),
    ],
  }),
  publishedAt: '2027-01-15T10:00:00.000Z',
};

async function open(reply: (r: { reply: (status: number, body: unknown) => void }) => void) {
  window.history.pushState(null, '', '/badanie-satysfakcji/2026');
  const api = installFakeFetch();
  render(<MeasurementRankingPage />);
  const [read] = await api.waitFor('GET', /^\/api\/public\/measurements\//);
  expect(read?.path).toBe('/api/public/measurements/2026');
  if (read) reply(read);
  await read?.consumed;
  await settle();
}

it('shows one table per institution type: rank, movement with a text alternative, % satisfied with its interval, n', async () => {
  await open((r) => r.reply(200, ranking));
  expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('2026');
  const table = screen.getByRole('table');
  const rows = within(table).getAllByRole('row').slice(1);
  expect(rows).toHaveLength(3);
  const [first, second, small] = rows.map((row) =>
    within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent ?? ''),
  );
  expect(within(rows[0] as HTMLElement).getByRole('rowheader').textContent).toBe('Urząd Miasta Alfa');
  expect(first?.[0]).toBe('1');
  expect(first?.[1]).toContain('awans z miejsca 2');
  expect(first?.[2]).toMatch(/95,0\s?%/);
  expect(first?.[2]).toContain('przedział');
  expect(first?.at(-1)).toBe('100');
  expect(second?.[1]).toContain('spadek z miejsca 1');
  expect(small?.[0]).toBe('—');
  expect(small?.[2]).toBe('za mało odpowiedzi');
  expect(small?.at(-1)).toBe('15');
  // the arrow itself is hidden from screen readers, the words are not
  expect(rows[0]?.querySelector('[aria-hidden="true"]')?.textContent).toBe('▲');
});

it('says a year is not published yet on 404', async () => {
  await open((r) => r.reply(404, apiError('NOT_FOUND', 'No published measurement for 2026')));
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
    'Ranking za 2026 nie został jeszcze opublikowany.',
  );
});
