import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { EditionSettings } from '../../shared/editions/edition';
import { ApiError } from '../../web/src/api';
import {
  defaultSettingsValues,
  EditionSettingsForm,
  settingsResolver,
  type SettingsValues,
} from '../../web/src/components/editions/EditionSettingsForm';
import { CheckboxField, CheckboxGroupField, TextField } from '../../web/src/forms/fields';
import { Form, SubmitButton, useApiForm } from '../../web/src/forms/form';

interface Values {
  email: string;
  chair: boolean;
  kinds: string[];
}

function InviteForm({ onSubmit }: { onSubmit: (values: Values) => Promise<void> }) {
  const form = useApiForm<Values>('invite', { defaultValues: { email: '', chair: false, kinds: ['pdf'] } });
  return (
    <Form form={form} onSubmit={onSubmit}>
      <TextField name="email" label="E-mail" />
      <CheckboxField name="chair" label="Przewodniczący" />
      <CheckboxGroupField
        name="kinds"
        legend="Pliki"
        options={[
          { value: 'pdf', label: 'PDF' },
          { value: 'png', label: 'PNG' },
          { value: 'odt', label: 'ODT' },
        ]}
      />
      <SubmitButton>Wyślij</SubmitButton>
    </Form>
  );
}

describe('<Form>: one error summary for every form', () => {
  it('a refused submit: the summary takes focus and links to the field, which says what is wrong', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => {
      throw new ApiError(400, 'VALIDATION_FAILED', 'Popraw zaznaczone pola.', {
        email: 'Podaj poprawny adres e-mail.',
      });
    });
    render(<InviteForm onSubmit={onSubmit} />);
    await user.type(screen.getByLabelText(/E-mail/), 'anna@');
    await user.click(screen.getByRole('button', { name: 'Wyślij' }));

    const summary = await screen.findByRole('group', { name: 'Wystąpił problem' });
    expect(document.activeElement).toBe(summary);
    expect(summary.textContent).toContain('Popraw zaznaczone pola.');
    const input = screen.getByLabelText(/E-mail/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Błąd: Podaj poprawny adres e-mail.',
    );
    await user.click(screen.getByRole('link', { name: 'E-mail: Podaj poprawny adres e-mail.' }));
    expect(document.activeElement).toBe(input);
  });

  it('values keep their types: a checkbox is a boolean, a group of checkboxes a list in the options’ order', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async (_values: Values) => {});
    render(<InviteForm onSubmit={onSubmit} />);
    await user.type(screen.getByLabelText(/E-mail/), 'anna@example.org');
    await user.click(screen.getByLabelText('Przewodniczący'));
    await user.click(screen.getByLabelText('ODT'));
    await user.click(screen.getByLabelText('PNG'));
    await user.click(screen.getByRole('button', { name: 'Wyślij' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toEqual({
      email: 'anna@example.org',
      chair: true,
      kinds: ['pdf', 'png', 'odt'],
    });
  });

  it('one submit at a time: a second click while the request runs is ignored', async () => {
    const user = userEvent.setup();
    let finish = () => {};
    const onSubmit = vi.fn(
      () =>
        new Promise<void>((done) => {
          finish = done;
        }),
    );
    render(<InviteForm onSubmit={onSubmit} />);
    const button = screen.getByRole('button', { name: 'Wyślij' });
    await user.dblClick(button);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Wysyłanie…'));
    expect(button.getAttribute('aria-disabled')).toBe('true');
    finish();
    await waitFor(() => expect(button.getAttribute('aria-disabled')).toBeNull());
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });
});

function NewEdition({ onSubmit }: { onSubmit: (settings: EditionSettings) => Promise<void> }) {
  const form = useApiForm<SettingsValues, EditionSettings>('new-edition', {
    defaultValues: defaultSettingsValues(),
    resolver: settingsResolver,
  });
  return <EditionSettingsForm form={form} onSubmit={onSubmit} submitLabel="Utwórz edycję" />;
}

describe('the edition settings form (react-hook-form with the server’s EditionSettings schema)', () => {
  it('what the server would refuse is named before anything is sent; a fixed form sends the API’s values', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async (_settings: EditionSettings) => {});
    render(<NewEdition onSubmit={onSubmit} />);
    await user.click(screen.getByRole('button', { name: 'Utwórz edycję' }));

    const summary = await screen.findByRole('group', { name: 'Wystąpił problem' });
    expect(document.activeElement).toBe(summary);
    expect(onSubmit).not.toHaveBeenCalled();
    const number = document.getElementById('new-edition-number');
    expect(number?.getAttribute('aria-invalid')).toBe('true');
    expect(summary.textContent).toContain('Numer edycji: To pole nie może być puste.');

    await user.type(screen.getByLabelText(/Numer edycji/), 'XI edycja');
    await user.clear(screen.getByLabelText(/^Rok/));
    await user.type(screen.getByLabelText(/^Rok/), '2031');
    await user.click(screen.getByRole('button', { name: 'Utwórz edycję' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      number: 'XI edycja',
      year: 2031,
      thresholdPercent: 75,
      results: { categories: { by: 'none' }, publishScores: false, aggregation: 'mean' },
    });
    expect(screen.queryByRole('group', { name: 'Wystąpił problem' })).toBeNull();
  });
});
