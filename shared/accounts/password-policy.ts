import { countEn, countPl } from '../plural';
import { commonPasswords } from './common-passwords.generated';

/** NIST SP 800-63B style: length over composition rules, no low maximum, no common passwords. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_email';

let common: Set<string> | undefined;

/** Problems with a new password, empty when it is acceptable. Length counts characters, not bytes. */
export function passwordProblems(password: string, context: { email?: string } = {}): PasswordProblem[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return ['too_short'];
  if (length > PASSWORD_MAX_LENGTH) return ['too_long'];
  const lower = password.toLowerCase();
  common ??= new Set(commonPasswords);
  const problems: PasswordProblem[] = [];
  if (common.has(lower)) problems.push('common');
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) problems.push('contains_email');
  return problems;
}

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
