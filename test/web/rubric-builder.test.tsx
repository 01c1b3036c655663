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
  /** Replaces a field's text as a user would (select all, paste), without a keystroke per character. */
  const fill = async (id: string, text: string) => {
    await user.tripleClick(document.getElementById(id) as HTMLElement);
    await user.paste(text);
  };
  const onSave = vi.fn(async (_rubric: Rubric) => {});
  render(<Builder onSave={onSave} />);
  expect(total()).toBe('0');

  await user.click(screen.getByRole('button', { name: 'Dodaj obszar oceny' }));
  await waitFor(() => expect(document.activeElement?.id).toBe('ed-rubric-areas-0-name-pl'));
  await user.paste('Standardy obsługi klienta');
  await user.click(screen.getByRole('button', { name: /^Dodaj kryterium/ }));
  await fill('ed-rubric-areas-0-criteria-0-name-pl', 'Spisane standardy');
  expect(total()).toBe('10');
  await user.click(screen.getByRole('button', { name: /^Dodaj kryterium/ }));
  await fill('ed-rubric-areas-0-criteria-1-maxPoints', '20');
  await fill('ed-rubric-areas-0-criteria-1-weight', '1,5');
  await fill('ed-rubric-areas-0-criteria-1-name-pl', 'Dostępność');
  expect(total()).toBe('40');

  // Channels keep the fixed order whatever order they are chosen in.
  await user.click(screen.getByLabelText('Badanie tajemniczym klientem w tej edycji'));
  await user.click(screen.getByLabelText('Strona internetowa'));
  await user.click(screen.getByLabelText('Wizyta w urzędzie'));
  await fill('ed-rubric-mysteryShopper-channels-0-items-0-label-pl', 'Punkt');
  await fill('ed-rubric-mysteryShopper-channels-1-items-0-label-pl', 'Punkt');

  await user.click(screen.getByRole('button', { name: 'Zapisz' }));
  await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
  const saved = onSave.mock.calls[0]?.[0];
  expect(saved?.areas[0]?.criteria.map((c) => [c.code, c.maxPoints, c.weight])).toEqual([
    ['A1.1', 10, 1],
    ['A1.2', 20, 1.5],
  ]);
  expect(saved?.mysteryShopper.channels.map((c) => c.channel)).toEqual(['visit', 'website']);
});
