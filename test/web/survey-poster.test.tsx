import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it, vi } from 'vitest';
import i18n from '../../web/src/i18n';
import { SurveyPoster } from '../../web/src/pages/surveys/SurveyPoster';

afterEach(() => i18n.changeLanguage('pl'));

const show = () => {
  render(<SurveyPoster institutionId="inst-1" surveyId="s-1" />);
  return screen.getByRole('region', { name: 'Plakat z kodem QR i link do rozdania' });
};
const linkOf = (section: HTMLElement) =>
  (within(section).getByLabelText('Link dla mieszkańców') as HTMLTextAreaElement).value;
const posterOf = (section: HTMLElement) => within(section).getByRole('link', { name: 'Plakat PDF (A4, z kodem QR)' });

it('builds the pre-filled public link from labelled selects, and the poster carries the same choice', async () => {
  const user = userEvent.setup();
  const section = show();
  expect(linkOf(section)).toBe('http://localhost:3000/ankieta/s-1');
  expect(posterOf(section).getAttribute('href')).toBe('/api/institutions/inst-1/surveys/s-1/poster.pdf');
  expect(posterOf(section).hasAttribute('download')).toBe(true);

  await user.selectOptions(within(section).getByLabelText('Sposób kontaktu w linku'), 'Telefonicznie');
  expect(linkOf(section)).toBe('http://localhost:3000/ankieta/s-1?kanal=phone');
  await user.selectOptions(within(section).getByLabelText('Rodzaj sprawy w linku'), 'Podatki i opłaty lokalne');
  expect(linkOf(section)).toBe('http://localhost:3000/ankieta/s-1?kanal=phone&sprawa=taxes_fees');
  expect(posterOf(section).getAttribute('href')).toBe(
    '/api/institutions/inst-1/surveys/s-1/poster.pdf?kanal=phone&sprawa=taxes_fees',
  );

  // Back to "residents choose": the parameter leaves the link.
  await user.selectOptions(within(section).getByLabelText('Sposób kontaktu w linku'), 'Nie wypełniaj');
  expect(linkOf(section)).toBe('http://localhost:3000/ankieta/s-1?sprawa=taxes_fees');
});

it('copies the link with the keyboard and says so; a refused clipboard says how to copy by hand', async () => {
  const user = userEvent.setup();
  const section = show();
  await user.selectOptions(within(section).getByLabelText('Rodzaj sprawy w linku'), 'Inna sprawa');
  const copy = within(section).getByRole('button', { name: 'Kopiuj link' });
  copy.focus();
  await user.keyboard('{Enter}');
  expect(await navigator.clipboard.readText()).toBe('http://localhost:3000/ankieta/s-1?sprawa=other');
  expect(within(section).getByRole('status').textContent).toBe('Link skopiowany do schowka.');

  vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new Error('denied'));
  await user.click(copy);
  expect(within(section).getByRole('status').textContent).toBe(
    'Nie udało się skopiować — zaznacz link i skopiuj go ręcznie.',
  );
});

it('in English: English labels, and the poster is asked for in English', async () => {
  await act(() => i18n.changeLanguage('en'));
  render(<SurveyPoster institutionId="inst-1" surveyId="s-1" />);
  const section = screen.getByRole('region', { name: 'Poster with a QR code and a link to hand out' });
  const user = userEvent.setup();
  await user.selectOptions(within(section).getByLabelText('Contact channel in the link'), 'in_person');
  const poster = within(section).getByRole('link', { name: 'Poster PDF (A4, with a QR code)' });
  expect(poster.getAttribute('href')).toBe('/api/institutions/inst-1/surveys/s-1/poster.pdf?kanal=in_person&lang=en');
});
