import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import { RegisterPage } from '../../web/src/pages/RegisterPage';
import { installFakeFetch, settle } from './support/fake-fetch';
import { renderWithQuery } from './support/render';

/** The summary as read: each section's name with its fields' "label: message" lines. */
function summary() {
  const box = screen.getByRole('heading', { name: 'Wystąpił problem' }).closest('[tabindex]') as HTMLElement;
  const sections = box.querySelectorAll('.error-sections > li');
  return {
    box,
    sections: [...sections].map((li) => ({
      section: li.querySelector('.error-section')?.textContent,
      fields: [...li.querySelectorAll('li a')].map((a) => a.firstChild?.textContent),
    })),
  };
}

it('an empty submit lists every missing field at once, grouped by the form’s sections, and sends nothing', async () => {
  const api = installFakeFetch();
  renderWithQuery(<RegisterPage />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Zarejestruj instytucję' }));
  await settle();
  const { box, sections } = summary();
  expect(sections).toEqual([
    {
      section: 'Instytucja',
      fields: ['Pełna nazwa instytucji', 'Rodzaj instytucji', 'NIP', 'REGON', 'Liczba pracowników'],
    },
    { section: 'Adres', fields: ['Ulica i numer', 'Kod pocztowy', 'Miejscowość', 'Gmina', 'Powiat', 'Województwo'] },
    { section: 'Osoba do kontaktu', fields: ['Imię i nazwisko', 'Adres e-mail', 'Telefon'] },
    { section: 'Twoje konto', fields: ['Imię i nazwisko', 'Adres e-mail', 'Hasło'] },
  ]);
  // A link read out of context still says which "Imię i nazwisko" it is.
  const links = within(box).getAllByRole('link');
  expect(links.map((a) => a.textContent)).toContain('Imię i nazwisko (Osoba do kontaktu): To pole nie może być puste.');
  expect(links.map((a) => a.textContent)).toContain('Hasło (Twoje konto): Hasło musi mieć co najmniej 12 znaków.');
  expect(document.activeElement).toBe(box);
  // Each field says what is wrong with it too, tied to it for screen readers.
  const password = screen.getByLabelText(/^Hasło/);
  expect(password.getAttribute('aria-invalid')).toBe('true');
  expect(api.requests).toHaveLength(0);
});

it('format errors come with the missing ones, and a valid form is sent as the route expects', async () => {
  const api = installFakeFetch();
  renderWithQuery(<RegisterPage />);
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/^NIP/), '123');
  await user.type(screen.getByLabelText(/^Kod pocztowy/), '00950');
  await user.type(screen.getByLabelText(/^Hasło/), 'krótkie');
  await user.click(screen.getByRole('button', { name: 'Zarejestruj instytucję' }));
  await settle();
  const messages = within(summary().box)
    .getAllByRole('link')
    .map((a) => a.textContent);
  expect(messages).toContain('NIP (Instytucja): Nieprawidłowy NIP: potrzeba 10 cyfr z poprawną cyfrą kontrolną.');
  expect(messages).toContain('Kod pocztowy (Adres): Kod pocztowy ma postać 00-000.');
  expect(messages).toContain('Hasło (Twoje konto): Hasło musi mieć co najmniej 12 znaków.');
  expect(messages).toContain('Pełna nazwa instytucji (Instytucja): To pole nie może być puste.');
  expect(api.requests).toHaveLength(0);

  await user.clear(screen.getByLabelText(/^NIP/));
  await user.type(screen.getByLabelText(/^NIP/), '5260250274');
  await user.clear(screen.getByLabelText(/^Kod pocztowy/));
  await user.type(screen.getByLabelText(/^Kod pocztowy/), '00-950');
  await user.clear(screen.getByLabelText(/^Hasło/));
  await user.type(screen.getByLabelText(/^Hasło/), 'Kasztanowa aleja 17 w maju');
  await user.type(screen.getByLabelText(/^Pełna nazwa instytucji/), 'Urząd Gminy Testowo');
  await user.selectOptions(screen.getByLabelText(/^Rodzaj instytucji/), 'municipal_office');
  await user.type(screen.getByLabelText(/^REGON/), '123456785');
  await user.selectOptions(screen.getByLabelText(/^Liczba pracowników/), '41-100');
  await user.type(screen.getByLabelText(/^Ulica i numer/), 'ul. Rynek 1');
  await user.type(screen.getByLabelText(/^Miejscowość/), 'Testowo');
  await user.type(screen.getByLabelText(/^Gmina/), 'Testowo');
  await user.type(screen.getByLabelText(/^Powiat/), 'testowski');
  await user.selectOptions(screen.getByLabelText(/^Województwo/), 'mazowieckie');
  const [contactName, accountName] = screen.getAllByLabelText(/^Imię i nazwisko/);
  const [contactEmail, accountEmail] = screen.getAllByLabelText(/^Adres e-mail/);
  await user.type(contactName as HTMLElement, 'Anna Kowalska');
  await user.type(contactEmail as HTMLElement, 'sekretariat@testowo.example.org');
  await user.type(screen.getByLabelText(/^Telefon/), '+48 22 123 45 67');
  await user.type(accountName as HTMLElement, '  Jan Urzędnik ');
  await user.type(accountEmail as HTMLElement, 'jan@testowo.example.org');
  await user.click(screen.getByRole('button', { name: 'Zarejestruj instytucję' }));
  const [sent] = await api.waitFor('POST', '/api/institutions');
  expect(sent?.body).toMatchObject({
    institution: {
      name: 'Urząd Gminy Testowo',
      type: 'municipal_office',
      nip: '5260250274',
      regon: '123456785',
      headcount: '41-100',
      address: { postalCode: '00-950', voivodeship: 'mazowieckie' },
      contactPerson: { name: 'Anna Kowalska', phone: '+48 22 123 45 67' },
    },
    account: { displayName: 'Jan Urzędnik', email: 'jan@testowo.example.org', language: 'pl' },
  });
});
