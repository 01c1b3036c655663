import { countEn, countPl } from '../plural';

/**
 * The password rules' limits and messages, apart from the check itself (password-policy.ts), so the
 * HTTP layer's field messages do not load the list of common passwords with every request.
 */
/** NIST SP 800-63B style: length over composition rules, no low maximum, no common passwords. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_email';

/** "12 znaków", "22 znaki": the limits are constants, but a changed constant must still read right. */
const characters = { one: 'znak', few: 'znaki', many: 'znaków' };

export const passwordProblemMessages: Record<PasswordProblem, { pl: string; en: string }> = {
  too_short: {
    pl: `Hasło musi mieć co najmniej ${countPl(PASSWORD_MIN_LENGTH, characters)}.`,
    en: `The password must have at least ${countEn(PASSWORD_MIN_LENGTH, 'character', 'characters')}.`,
  },
  too_long: {
    pl: `Hasło może mieć najwyżej ${countPl(PASSWORD_MAX_LENGTH, characters)}.`,
    en: `The password may have at most ${countEn(PASSWORD_MAX_LENGTH, 'character', 'characters')}.`,
  },
  common: { pl: 'To hasło jest zbyt popularne — wybierz inne.', en: 'This password is too common — choose another.' },
  contains_email: {
    pl: 'Hasło nie może zawierać adresu e-mail.',
    en: 'The password must not contain your e-mail address.',
  },
};
