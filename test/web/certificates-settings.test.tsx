import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it, vi } from 'vitest';
import type { EditionSettings } from '../../shared/editions/edition';
import {
  defaultSettingsValues,
  EditionSettingsForm,
  settingsResolver,
  type SettingsValues,
  settingsToValues,
  valuesToSettings,
} from '../../web/src/components/editions/EditionSettingsForm';
import { useApiForm } from '../../web/src/forms/form';

const signatories = [
  { name: 'prof. Anna Nowak', role: 'Przewodnicząca Kapituły' },
  { name: 'Jan Kowalski', role: 'Prezes Instytutu Jakości' },
];

it('signatories are none by default and sent only when given, in their order; an edition’s come back as they were', () => {
  const none = valuesToSettings({ ...defaultSettingsValues(), number: 'XI edycja' });
  expect(none).not.toHaveProperty('certificates');
  expect(settingsToValues(none).certificates).toEqual({ signatories: [] });

  const values: SettingsValues = { ...defaultSettingsValues(), number: 'XI edycja', certificates: { signatories } };
  const settings = valuesToSettings(values);
  expect(settings.certificates).toEqual({ signatories });
  expect(settingsToValues(settings).certificates).toEqual({ signatories });
  expect(valuesToSettings(settingsToValues(settings))).toEqual(settings);
});

function Settings({ onSubmit }: { onSubmit: (settings: EditionSettings) => Promise<void> }) {
  const form = useApiForm<SettingsValues, EditionSettings>('settings', {
    defaultValues: { ...defaultSettingsValues(), number: 'XI edycja' },
    resolver: settingsResolver,
  });
  return <EditionSettingsForm form={form} onSubmit={onSubmit} submitLabel="Zapisz" />;
}

it('the form adds up to three signatories; an empty row is named in the summary; the rows are sent in order', async () => {
  const user = userEvent.setup();
  const onSubmit = vi.fn(async (_settings: EditionSettings) => {});
  render(<Settings onSubmit={onSubmit} />);
  const group = screen.getByRole('group', { name: 'Podpisy na certyfikatach' });
  expect(group.textContent).toContain('Nie podano jeszcze nikogo.');
  const add = screen.getByRole('button', { name: 'Dodaj podpis' });

  await user.click(add);
  await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Podpis 1: imię i nazwisko')));
  await user.click(screen.getByRole('button', { name: 'Zapisz' }));
  const summary = await screen.findByRole('group', { name: 'Wystąpił problem' });
  expect(summary.textContent).toContain('Podpis 1: imię i nazwisko: To pole nie może być puste.');
  expect(summary.textContent).toContain('Podpis 1: funkcja: To pole nie może być puste.');
  expect(onSubmit).not.toHaveBeenCalled();

  await user.type(screen.getByLabelText('Podpis 1: imię i nazwisko'), 'Jan Kowalski');
  await user.type(screen.getByLabelText('Podpis 1: funkcja'), 'Prezes Instytutu Jakości');
  await user.click(add);
  await user.type(screen.getByLabelText('Podpis 2: imię i nazwisko'), 'prof. Anna Nowak');
  await user.type(screen.getByLabelText('Podpis 2: funkcja'), 'Przewodnicząca Kapituły');
  // The chair signs first: move the second row up.
  await user.click(screen.getByRole('button', { name: 'Przenieś wyżej — Podpis 2' }));
  await user.click(add);
  expect(add.hasAttribute('disabled')).toBe(true);
  await user.click(screen.getByRole('button', { name: 'Usuń — Podpis 3' }));
  expect(add.hasAttribute('disabled')).toBe(false);

  await user.click(screen.getByRole('button', { name: 'Zapisz' }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit.mock.calls[0]?.[0].certificates).toEqual({ signatories });
});
