import { commonPasswords } from './common-passwords.generated';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordProblem } from './password-rules';

export {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type PasswordProblem,
  passwordProblemMessages,
} from './password-rules';

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
