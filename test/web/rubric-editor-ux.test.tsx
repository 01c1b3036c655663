import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it, vi } from 'vitest';
import type { Area, Rubric } from '../../shared/editions/rubric';
import { RubricBuilder } from '../../web/src/components/editions/RubricBuilder';
import { rubricResolver, toDraftRubric, type RubricValues } from '../../web/src/components/editions/rubric-draft';
import { BuilderPanel } from '../../web/src/components/editions/BuilderPanel';
import { useApiForm } from '../../web/src/forms/form';

/** Issue 16 §8: the rubric editor folds its areas, reorders by keyboard and opens an area with errors. */

const criterion = (code: string, name: string, maxPoints = 10) => ({
  code,
  name: { pl: name },
  maxPoints,
  step: 1 as const,
  weight: 1,
});
const area = (n: number, name: string, criteria: Area['criteria']): Area => ({
  code: `A${n}`,
  name: { pl: name },
  criteria,
});
const threeAreas = (): Rubric => ({
  areas: [
    area(1, 'Standardy', [criterion('A1.1', 'Spisane standardy'), criterion('A1.2', 'Szkolenia', 20)]),
    area(2, 'Dostępność', [criterion('A2.1', 'Rampa')]),
    area(3, 'Komunikacja', [criterion('A3.1', 'Prosty język'), criterion('A3.2', 'Odpowiedzi')]),
  ],
  mysteryShopper: { enabled: false, channels: [] },
});

function Builder({ rubric, onSave }: { rubric: Rubric; onSave: (rubric: Rubric) => Promise<void> }) {
  const form = useApiForm<RubricValues, { rubric: Rubric }>('ed', {
    defaultValues: toDraftRubric(rubric),
    resolver: rubricResolver,
  });
  return (
    <BuilderPanel
      form={form}
      locked={false}
      lockedText=""
      saveLabel="Zapisz kryteria"
      onSave={() => void form.submit(({ rubric: r }) => onSave(r))}
      onReload={() => {}}
    >
      <RubricBuilder />
    </BuilderPanel>
  );
}

const toggle = (name: RegExp) => screen.getByRole('button', { name });
const bodyOf = (button: HTMLElement) => document.getElementById(button.getAttribute('aria-controls') ?? '');
const areaNames = () =>
  screen.getAllByRole('button', { expanded: undefined }).filter((b) => b.classList.contains('ed-disclosure'));

it('folds every area but the first; a disclosure button opens and closes one; the totals stay in view', async () => {
  const user = userEvent.setup();
  render(<Builder rubric={threeAreas()} onSave={async () => {}} />);

  const first = toggle(/^Obszar 1 Standardy/);
  const second = toggle(/^Obszar 2 Dostępność/);
  const third = toggle(/^Obszar 3 Komunikacja/);
  expect([first, second, third].map((b) => b.getAttribute('aria-expanded'))).toEqual(['true', 'false', 'false']);
  expect(bodyOf(first)?.hidden).toBe(false);
  expect(bodyOf(second)?.hidden).toBe(true);
  expect(bodyOf(third)?.hidden).toBe(true);
  // A folded area still says what it holds, and its fields stay mounted (values are kept).
  expect(second.textContent).toContain('1 kryterium, maks. 10 pkt');
  expect(third.textContent).toContain('2 kryteria, maks. 20 pkt');
  expect(first.textContent).toContain('2 kryteria, maks. 30 pkt');
  expect((document.getElementById('ed-rubric-areas-1-name-pl') as HTMLInputElement).value).toBe('Dostępność');
  // The grand total is above the areas, in the sticky bar.
  expect(document.querySelector('.ed-total strong')?.textContent).toBe('60');

  second.focus();
  await user.keyboard('{Enter}');
  expect(second.getAttribute('aria-expanded')).toBe('true');
  expect(bodyOf(second)?.hidden).toBe(false);
  await user.click(first);
  expect(first.getAttribute('aria-expanded')).toBe('false');
  expect(bodyOf(first)?.hidden).toBe(true);

  await user.click(screen.getByRole('button', { name: 'Rozwiń wszystkie obszary' }));
  expect(areaNames().map((b) => b.getAttribute('aria-expanded'))).toEqual(['true', 'true', 'true']);
  await user.click(screen.getByRole('button', { name: 'Zwiń wszystkie obszary' }));
  expect(areaNames().map((b) => b.getAttribute('aria-expanded'))).toEqual(['false', 'false', 'false']);
});

it('a new area opens and its name takes focus', async () => {
  const user = userEvent.setup();
  render(<Builder rubric={threeAreas()} onSave={async () => {}} />);
  await user.click(screen.getByRole('button', { name: 'Dodaj obszar oceny' }));
  await waitFor(() => expect(document.activeElement?.id).toBe('ed-rubric-areas-3-name-pl'));
  expect(toggle(/^Obszar 4/).getAttribute('aria-expanded')).toBe('true');
});

it('moves areas and criteria with the keyboard; focus stays on the moved item’s button; the saved order follows', async () => {
  const user = userEvent.setup();
  const onSave = vi.fn(async (_r: Rubric) => {});
  render(<Builder rubric={threeAreas()} onSave={onSave} />);

  // Area 1 down: the button names the item, and after the move focus is on the same area's button.
  screen.getByRole('button', { name: 'Przenieś niżej — Obszar 1 Standardy' }).focus();
  await user.keyboard('{Enter}');
  await waitFor(() => expect(document.activeElement?.textContent).toBe('Przenieś niżej — Obszar 2 Standardy'));
  // The moved area keeps its open state (it was the open one), the one now first stays folded.
  expect(toggle(/^Obszar 2 Standardy/).getAttribute('aria-expanded')).toBe('true');
  expect(toggle(/^Obszar 1 Dostępność/).getAttribute('aria-expanded')).toBe('false');
  // Down again to the bottom: "down" is now disabled, so its partner "up" takes focus.
  await user.keyboard('{Enter}');
  await waitFor(() => expect(document.activeElement?.textContent).toBe('Przenieś wyżej — Obszar 3 Standardy'));
  expect(screen.getByRole('button', { name: 'Przenieś niżej — Obszar 3 Standardy' }).hasAttribute('disabled')).toBe(
    true,
  );

  // A criterion up within its area, by keyboard (Space this time).
  screen.getByRole('button', { name: 'Przenieś wyżej — Kryterium 3.2 Szkolenia' }).focus();
  await user.keyboard(' ');
  await waitFor(() => expect(document.activeElement?.textContent).toBe('Przenieś niżej — Kryterium 3.1 Szkolenia'));

  await user.click(screen.getByRole('button', { name: 'Zapisz kryteria' }));
  await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
  const saved = onSave.mock.calls[0]?.[0];
  expect(saved?.areas.map((a) => a.code)).toEqual(['A2', 'A3', 'A1']);
  expect(saved?.areas[2]?.criteria.map((c) => c.code)).toEqual(['A1.2', 'A1.1']);
});

it('an area with a validation error opens itself, so the summary’s link lands on a visible field', async () => {
  const user = userEvent.setup();
  const onSave = vi.fn(async (_r: Rubric) => {});
  const rubric = threeAreas();
  const third = rubric.areas[2];
  if (third?.criteria[1]) third.criteria[1].name.pl = '';
  render(<Builder rubric={rubric} onSave={onSave} />);
  const areaToggle = toggle(/^Obszar 3 Komunikacja/);
  expect(areaToggle.getAttribute('aria-expanded')).toBe('false');

  await user.click(screen.getByRole('button', { name: 'Zapisz kryteria' }));
  const summary = await screen.findByRole('group', { name: 'Wystąpił problem' });
  expect(onSave).not.toHaveBeenCalled();
  await waitFor(() => expect(areaToggle.getAttribute('aria-expanded')).toBe('true'));
  expect(areaToggle.textContent).toContain('są błędy do poprawienia');
  // Areas without errors keep their state.
  expect(toggle(/^Obszar 2 Dostępność/).getAttribute('aria-expanded')).toBe('false');

  const link = within(summary).getByRole('link', { name: /Obszar 3 › Kryterium 2/ });
  await user.click(link);
  const field = document.getElementById('ed-rubric-areas-2-criteria-1-name-pl');
  expect(document.activeElement).toBe(field);
  expect(field?.closest('[hidden]')).toBeNull();

  // Folded again by hand, the area still opens when the summary's link is followed (no dead link).
  await user.click(areaToggle);
  expect(areaToggle.getAttribute('aria-expanded')).toBe('false');
  expect(field?.closest('[hidden]')).not.toBeNull();
  await user.click(within(summary).getByRole('link', { name: /Obszar 3 › Kryterium 2/ }));
  expect(areaToggle.getAttribute('aria-expanded')).toBe('true');
  expect(field?.closest('[hidden]')).toBeNull();
  expect(document.activeElement).toBe(field);
});
