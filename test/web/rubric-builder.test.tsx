import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it, vi } from 'vitest';
import { emptyRubric, type Rubric } from '../../shared/editions/rubric';
import { RubricBuilder } from '../../web/src/components/editions/RubricBuilder';
import { rubricResolver, toDraftRubric, type RubricValues } from '../../web/src/components/editions/rubric-draft';
import { FormScope, useApiForm } from '../../web/src/forms/form';

function Builder({ onSave }: { onSave: (rubric: Rubric) => Promise<void> }) {
  const form = useApiForm<RubricValues, { rubric: Rubric }>('ed', {
    defaultValues: toDraftRubric(emptyRubric()),
    resolver: rubricResolver,
  });
  return (
    <FormScope form={form}>
      <RubricBuilder />
      <button type="button" onClick={() => void form.submit(({ rubric }) => onSave(rubric))}>
        Zapisz
      </button>
    </FormScope>
  );
}

const total = () => document.querySelector('.ed-total strong')?.textContent;

it('builds areas, criteria and checklists as field arrays; the total follows; the API’s rubric is saved', async () => {
  const user = userEvent.setup();
  const onSave = vi.fn(async (_rubric: Rubric) => {});
  render(<Builder onSave={onSave} />);
  expect(total()).toBe('0');

  await user.click(screen.getByRole('button', { name: 'Dodaj obszar oceny' }));
  await waitFor(() => expect(document.activeElement?.id).toBe('ed-rubric-areas-0-name-pl'));
  await user.keyboard('Standardy obsługi klienta');
  await user.click(screen.getByRole('button', { name: /^Dodaj kryterium/ }));
  await user.type(document.getElementById('ed-rubric-areas-0-criteria-0-name-pl') as HTMLElement, 'Spisane standardy');
  expect(total()).toBe('10');
  await user.click(screen.getByRole('button', { name: /^Dodaj kryterium/ }));
  const maxPoints = document.getElementById('ed-rubric-areas-0-criteria-1-maxPoints') as HTMLInputElement;
  await user.clear(maxPoints);
  await user.type(maxPoints, '20');
  const weight = document.getElementById('ed-rubric-areas-0-criteria-1-weight') as HTMLInputElement;
  await user.clear(weight);
  await user.type(weight, '1,5');
  await user.type(document.getElementById('ed-rubric-areas-0-criteria-1-name-pl') as HTMLElement, 'Dostępność');
  expect(total()).toBe('40');

  // Channels keep the fixed order whatever order they are chosen in.
  await user.click(screen.getByLabelText('Badanie tajemniczym klientem w tej edycji'));
  await user.click(screen.getByLabelText('Strona internetowa'));
  await user.click(screen.getByLabelText('Wizyta w urzędzie'));
  for (const id of [
    'ed-rubric-mysteryShopper-channels-0-items-0-label-pl',
    'ed-rubric-mysteryShopper-channels-1-items-0-label-pl',
  ])
    await user.type(document.getElementById(id) as HTMLElement, 'Punkt');

  await user.click(screen.getByRole('button', { name: 'Zapisz' }));
  await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
  const saved = onSave.mock.calls[0]?.[0];
  expect(saved?.areas[0]?.criteria.map((c) => [c.code, c.maxPoints, c.weight])).toEqual([
    ['A1.1', 10, 1],
    ['A1.2', 20, 1.5],
  ]);
  expect(saved?.mysteryShopper.channels.map((c) => c.channel)).toEqual(['visit', 'website']);
});
