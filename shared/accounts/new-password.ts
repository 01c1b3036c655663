import { AppError } from '../errors';
import { hashPassword } from './password-hash';
import { passwordProblemMessages, passwordProblems } from './password-policy';

/** The hash of an acceptable new password, or a 400 naming `field` with the first problem. */
export async function acceptablePasswordHash(
  password: string,
  context: { email: string },
  field = 'password',
): Promise<string> {
  const [problem] = passwordProblems(password, context);
  if (problem)
    throw new AppError('VALIDATION_FAILED', `Password rejected: ${problem}`, {
      fields: { [field]: passwordProblemMessages[problem] },
    });
  return hashPassword(password);
}
