import { render, screen, within } from '@testing-library/react';
import { expect, it } from 'vitest';
import { DistributionChart } from '../../web/src/components/results/DistributionChart';
import { movementParts, outcomeKey, shortHash } from '../../web/src/components/results/format';
import { needsReason } from '../../web/src/components/results/ResultsTable';

it('the distribution is one labelled image naming every bin, with a table of the same numbers beside it', () => {
  const bins = [0, 0, 1, 0, 0, 2, 0, 0, 3, 1];
  render(<DistributionChart code="all" name="Wszystkie instytucje" bins={bins} />);
  const image = screen.getByRole('img');
  expect(image.tagName.toLowerCase()).toBe('svg');
  const label = image.getAttribute('aria-label') ?? '';
  expect(label).toContain('Rozkład wyników w kategorii Wszystkie instytucje');
  expect(label).toContain('50–60%: 2');
  expect(label).toContain('90–100%: 1');
  const table = screen.getByRole('table', { name: 'Liczba zgłoszeń w przedziałach wyniku — Wszystkie instytucje' });
  const rows = within(table).getAllByRole('row').slice(1);
  expect(rows.map((r) => r.textContent)).toEqual(bins.map((n, i) => `${i * 10}–${i * 10 + 10}%${n}`));
  expect(within(table).getAllByRole('rowheader')).toHaveLength(10);
});

it('a reason is needed for an override and for every distinction, not for the computed outcome', () => {
  expect(needsReason('laureate', 'laureate')).toBe(false);
  expect(needsReason('notAwarded', 'notAwarded')).toBe(false);
  expect(needsReason('laureate', 'notAwarded')).toBe(true);
  expect(needsReason('notAwarded', 'laureate')).toBe(true);
  expect(needsReason('distinction', 'notAwarded')).toBe(true);
  expect(needsReason('distinction', 'distinction')).toBe(true);
});

it('movement reads as an arrow and words; a hash is shortened to 12 digits; an unknown outcome is not shown raw', () => {
  expect(movementParts(3, 'pl')).toEqual({ arrow: '▲', text: 'awans o 3 miejsca' });
  expect(movementParts(-1, 'en')).toEqual({ arrow: '▼', text: 'down 1 place' });
  expect(movementParts(0, 'pl')).toEqual({ arrow: '', text: 'bez zmian' });
  expect(movementParts(null, 'pl')).toEqual({ arrow: '', text: 'debiut' });
  expect(shortHash('0123456789abcdef0123')).toBe('0123456789ab');
  expect(outcomeKey('distinction')).toBe('results.outcome.distinction');
  expect(outcomeKey('something-new')).toBe('results.outcome.notAwarded');
});
