import { keys } from '../store/keys';
import { openToken, transactWithToken } from './tokens';
import type { Deps } from '../deps';

/** Confirms the address with the link's token; the token is consumed in the same transaction. */
export async function verifyEmail(deps: Pick<Deps, 'store' | 'clock'>, input: { token: string }): Promise<void> {
  const { userId, consume } = await openToken(deps, 'verifyEmail', input.token);
  await transactWithToken(deps.store, consume, [
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
}
