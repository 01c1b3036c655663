import { signedIn, type Caller } from '../access/caller';
import { auditPut, changedFields } from '../audit/audit';
import { AppError } from '../errors';
import { keys } from '../store/keys';
import { publicUser, toUser, type PublicUser } from './user';
import { getUser } from './user-store';
import type { Language } from '../language';
import type { Deps } from '../deps';

/** Name and language of one's own account; optimistic locking on `version` (a stale edit is a 409). */
export async function updateMyProfile(
  deps: Deps,
  input: { displayName: string; language: Language; version: number },
  caller: Caller,
): Promise<PublicUser> {
  const me = signedIn(caller);
  const before = await getUser(deps.store, me.userId);
  try {
    const now = deps.clock.now().toISOString();
    await deps.store.transact([
      {
        Update: {
          TableName: '',
          Key: keys.user(me.userId),
          UpdateExpression: 'SET displayName = :name, #language = :lang, updatedAt = :now, version = version + :one',
          ConditionExpression: 'version = :v',
          ExpressionAttributeNames: { '#language': 'language' },
          ExpressionAttributeValues: {
            ':name': input.displayName,
            ':lang': input.language,
            ':now': now,
            ':one': 1,
            ':v': input.version,
          },
        },
      },
      auditPut(deps, {
        action: 'user.profileUpdated',
        actor: { userId: me.userId, label: before.email },
        subject: { type: 'user', id: me.userId, label: before.email },
        ip: caller.ip,
        ...changedFields(
          { displayName: before.displayName, language: before.language },
          { displayName: input.displayName, language: input.language },
        ),
      }),
    ]);
  } catch (error) {
    if ((error as { code?: string }).code === 'CONFLICT')
      throw new AppError('STALE_VERSION', 'Profile changed meanwhile', {
        fields: { version: staleFieldMessage },
        cause: error,
      });
    throw error;
  }
  const after = await deps.store.get(keys.user(me.userId), { consistent: true });
  return publicUser(toUser(after ?? {}));
}

export const staleFieldMessage = {
  pl: 'Ktoś zapisał zmiany w międzyczasie.',
  en: 'Someone saved changes in the meantime.',
};
