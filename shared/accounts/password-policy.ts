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

export const passwordProblemMessages: Record<PasswordProblem, { pl: string; en: string }> = {
  too_short: {
    pl: `Hasło musi mieć co najmniej ${PASSWORD_MIN_LENGTH} znaków.`,
    en: `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`,
  },
  too_long: {
    pl: `Hasło może mieć najwyżej ${PASSWORD_MAX_LENGTH} znaków.`,
    en: `The password may have at most ${PASSWORD_MAX_LENGTH} characters.`,
  },
  common: { pl: 'To hasło jest zbyt popularne — wybierz inne.', en: 'This password is too common — choose another.' },
  contains_email: {
    pl: 'Hasło nie może zawierać adresu e-mail.',
    en: 'The password must not contain your e-mail address.',
  },
};
