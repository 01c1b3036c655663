import { passwordProblemMessages } from '../accounts/password-rules';
import type { Localized } from '../language';

/**
 * Messages of custom (refine) checks in request schemas. A schema refines with the key as its
 * message (`z.refine(isValidNip, 'nip')`); the validation hook shows the text in the request's language.
 */
export const fieldMessages = {
  nip: {
    pl: 'Nieprawidłowy NIP: potrzeba 10 cyfr z poprawną cyfrą kontrolną.',
    en: 'Invalid NIP: 10 digits with a correct check digit are needed.',
  },
  regon: {
    pl: 'Nieprawidłowy REGON: potrzeba 9 lub 14 cyfr z poprawną cyfrą kontrolną.',
    en: 'Invalid REGON: 9 or 14 digits with a correct check digit are needed.',
  },
  postalCode: { pl: 'Kod pocztowy ma postać 00-000.', en: 'The postal code has the form 00-000.' },
  website: {
    pl: 'Podaj pełny adres strony, zaczynający się od https:// lub http://.',
    en: 'Enter the full website address, starting with https:// or http://.',
  },
  email: { pl: 'Podaj poprawny adres e-mail.', en: 'Enter a valid e-mail address.' },
  id: { pl: 'Nieprawidłowy identyfikator.', en: 'Invalid identifier.' },
  phone: { pl: 'Podaj numer telefonu (cyfry, spacje, +, -).', en: 'Enter a phone number (digits, spaces, +, -).' },
  notBlank: { pl: 'To pole nie może być puste.', en: 'This field must not be empty.' },
  singleLine: {
    pl: 'To pole mieści jeden wiersz: usuń znaki nowego wiersza i tabulatory.',
    en: 'This field holds one line: remove line breaks and tabs.',
  },
  sha256: { pl: 'Suma kontrolna SHA-256: 64 znaki szesnastkowe.', en: 'SHA-256 checksum: 64 hexadecimal characters.' },
  code: {
    pl: 'Kod: litery, cyfry, _ lub - (w kryteriach także kropka), do 40 znaków.',
    en: 'Code: letters, digits, _ or - (dots too in rubric codes), up to 40 characters.',
  },
  instant: {
    pl: 'Podaj datę i godzinę ze strefą, np. 2026-03-31T23:59:00+02:00.',
    en: 'Enter a date and time with its zone, e.g. 2026-03-31T23:59:00+02:00.',
  },
  money: { pl: 'Kwota w złotych, najwyżej z groszami.', en: 'An amount in PLN, at most to the grosz.' },
  day: { pl: 'Podaj dzień w postaci RRRR-MM-DD.', en: 'Enter a day as YYYY-MM-DD.' },
  passwordTooShort: passwordProblemMessages.too_short,
  year: { pl: 'Rok: liczba od 2000 do 2100.', en: 'Year: a number from 2000 to 2100.' },
} satisfies Record<string, Localized>;

export type FieldMessageKey = keyof typeof fieldMessages;

export function customFieldMessage(key: string, lang: 'pl' | 'en'): string {
  return key in fieldMessages ? fieldMessages[key as FieldMessageKey][lang] : key;
}
