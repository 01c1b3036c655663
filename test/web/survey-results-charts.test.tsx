import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import { DistributionChart, TrendChart } from '../../web/src/pages/surveys/SurveyCharts';
import { SurveyComments } from '../../web/src/pages/surveys/SurveyComments';
import type { QuestionFigures, SurveyComment } from '../../web/src/queries/surveys';
import { installFakeFetch, settle } from './support/fake-fetch';
import { renderWithQuery } from './support/render';

const shown = (distribution: [number, number, number, number, number]): QuestionFigures => {
  const n = distribution.reduce((s, c) => s + c, 0);
  const satisfied = (distribution[3] + distribution[4]) / n;
  return {
    n,
    shown: true,
    mean: distribution.reduce((s, c, i) => s + c * (i + 1), 0) / n,
    satisfied,
    interval: { low: Math.max(0, satisfied - 0.1), high: Math.min(1, satisfied + 0.1) },
    distribution,
  };
};

it('draws a bar for each rating given, says the figures in its title, and keeps a table of the same numbers', () => {
  const figures = shown([0, 2, 3, 10, 5]);
  if (!figures.shown) throw new Error('shown');
  const { container } = render(<DistributionChart label="Czas oczekiwania na obsługę" figures={figures} />);
  const image = screen.getByRole('img', { name: /^Czas oczekiwania na obsługę: rozkład ocen od 1 do 5, n = 20/ });
  expect(image.tagName.toLowerCase()).toBe('svg');
  expect(image.getAttribute('viewBox')).toMatch(/^0 0 320 /);
  expect(image.getAttribute('width')).toBe('100%');
  expect(image.querySelector('title')?.textContent).toContain('4: 10 (50%)');
  // No bar for a rating nobody gave: 1 is drawn as its count only.
  expect([...container.querySelectorAll('rect')].map((r) => r.getAttribute('data-value'))).toEqual([
    '2',
    '3',
    '4',
    '5',
  ]);
  const table = screen.getByRole('table', { name: 'Czas oczekiwania na obsługę: rozkład ocen' });
  const rows = within(table).getAllByRole('row').slice(1);
  expect(rows.map((r) => r.textContent)).toEqual([
    '1 — bardzo źle00%',
    '2 — źle210%',
    '3 — przeciętnie315%',
    '4 — dobrze1050%',
    '5 — bardzo dobrze525%',
  ]);
});

it('the trend draws only the months with enough answers (error bars from the Wilson interval); the table says which are hidden', () => {
  const { container } = render(
    <TrendChart
      label="Zaangażowanie pracownika"
      min={10}
      points={[
        { month: '2026-03', figures: shown([1, 1, 2, 8, 8]) },
        { month: '2026-04', figures: { n: 4, shown: false } },
        { month: '2026-05', figures: shown([0, 0, 2, 4, 6]) },
      ]}
    />,
  );
  const image = screen.getByRole('img');
  const title = image.querySelector('title')?.textContent ?? '';
  expect(title).toBe(
    'Zaangażowanie pracownika: odsetek zadowolonych miesiąc po miesiącu — 2026-03: 80%, 2026-05: 83%; miesiące ukryte: 1',
  );
  expect(image.getAttribute('aria-labelledby')).toBe(image.querySelector('title')?.id);
  const drawn = [...container.querySelectorAll('[data-month]')];
  expect(drawn.map((g) => g.getAttribute('data-month'))).toEqual(['2026-03', '2026-05']);
  // Each drawn month: the interval's line and its two caps, and the point.
  expect(drawn[0]?.querySelectorAll('line')).toHaveLength(3);
  expect(drawn[0]?.querySelectorAll('circle')).toHaveLength(1);
  const table = screen.getByRole('table', {
    name: 'Zaangażowanie pracownika: odsetek zadowolonych w kolejnych miesiącach',
  });
  expect(within(table).getAllByRole('row')[2]?.textContent).toBe('2026-04ukryte (n = 4, próg 10)4');
});

const comment = (overrides: Partial<SurveyComment>): SurveyComment => ({
  answerId: '2026030100000000000000000001',
  comment: 'Pani w okienku była bardzo pomocna.',
  answeredOn: '2026-03-01',
  matter: 'taxes_fees',
  channel: 'phone',
  hidden: false,
  ...overrides,
});

it('moderation: lists comments with day, matter and channel; “Ukryj” hides one and the list is read again', async () => {
  const api = installFakeFetch();
  renderWithQuery(<SurveyComments institutionId="inst-1" surveyId="survey-1" />);
  const [first] = await api.waitFor('GET', '/api/institutions/inst-1/surveys/survey-1/comments');
  first?.reply(200, {
    items: [
      comment({}),
      comment({
        answerId: '2026022800000000000000000002',
        answeredOn: '2026-02-28',
        comment: 'Za długo.',
        hidden: true,
      }),
    ],
    cursor: null,
    n: 40,
    minAnswers: 10,
    shown: true,
  });
  await settle();
  const items = screen.getAllByRole('listitem');
  expect(items[0]?.textContent).toContain('2026-03-01 · Podatki i opłaty lokalne · Telefonicznie');
  expect(within(items[1] as HTMLElement).getByRole('button').textContent).toBe('Pokaż komentarz z 2026-02-28');

  const user = userEvent.setup();
  await user.click(within(items[0] as HTMLElement).getByRole('button', { name: /^Ukryj/ }));
  const [put] = await api.waitFor(
    'PUT',
    '/api/institutions/inst-1/surveys/survey-1/comments/2026030100000000000000000001/hidden',
  );
  expect(put?.body).toEqual({ hidden: true });
  put?.reply(200, comment({ hidden: true }));
  await settle();
  const [again] = await api.waitFor('GET', '/api/institutions/inst-1/surveys/survey-1/comments');
  again?.reply(200, { items: [comment({ hidden: true })], cursor: null, n: 40, minAnswers: 10, shown: true });
  await settle();
  expect(screen.getByRole('button', { name: /^Pokaż/ })).toBeTruthy();
  expect(screen.getByRole('listitem').textContent).toContain('ukryty (nie trafia do eksportu)');
  // The text is shown as written: hiding never edits it.
  expect(screen.getByText('Pani w okienku była bardzo pomocna.')).toBeTruthy();
});

it('moderation: below the survey’s minimum no comment is listed, only why', async () => {
  const api = installFakeFetch();
  renderWithQuery(<SurveyComments institutionId="inst-1" surveyId="survey-2" />);
  const [first] = await api.waitFor('GET', '/api/institutions/inst-1/surveys/survey-2/comments');
  first?.reply(200, { items: [], cursor: null, n: 3, minAnswers: 10, shown: false });
  await settle();
  expect(screen.queryAllByRole('listitem')).toHaveLength(0);
  expect(screen.getByText(/co najmniej 10 odpowiedzi \(teraz 3\)/)).toBeTruthy();
});
