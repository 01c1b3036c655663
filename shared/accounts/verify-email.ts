import type { AppDeps } from '../http/deps';
import { keys } from '../store/keys';
import { openToken, tokenAlreadyUsed } from './tokens';

/** Confirms the address with the link's token; the token is consumed in the same transaction. */
export async function verifyEmail(deps: Pick<AppDeps, 'store' | 'clock'>, input: { token: string }): Promise<void> {
  const { userId, consume } = await openToken(deps, 'verifyEmail', input.token);
  try {
    await deps.store.transact([
      consume,
      {
        Update: {
          TableName: '',
          Key: keys.user(userId),
          UpdateExpression: 'SET emailVerified = :yes, updatedAt = :now',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':yes': true, ':now': deps.clock.now().toISOString() },
        },
      },
    ]);
  } catch (error) {
    if ((error as { code?: string }).code === 'CONFLICT') throw tokenAlreadyUsed(error);
    throw error;
  }
}
