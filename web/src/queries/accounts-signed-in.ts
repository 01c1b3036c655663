import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Json, ApiError, read } from '../api';
import type { Role } from '../../../shared/access/principal';
import type { Language } from '../i18n';
import { useSession } from '../session';
import { accountKeys, type AuditFilter, type ProfileUpdate, type UserRow } from './accounts';
import { allPages, cursorParam, pageAt, type CursorPage, type PagePosition } from './pages';

/**
 * The signed-in pages' account reads and writes (the organizer's users and audit, an institution's
 * profile and members, the account page, the outbox). Apart from queries/accounts.ts, which every first
 * visit loads (the session, sign-in and the public account pages), so that a visitor downloads none of
 * these (issue 17).
 */
export const usersQuery = (role: Role, at: PagePosition) =>
  queryOptions({
    queryKey: [...accountKeys.users(role), 'page', at],
    queryFn: async () => pageAt(at)(await read(api.api.users.$get({ query: { role, ...cursorParam(at) } }))),
  });

/** Every expert account (all pages of the users list), for choosing whom to add to a chapter. */
export const allExpertsQuery = queryOptions({
  queryKey: [...accountKeys.users('expert'), 'all'],
  queryFn: () =>
    allPages((cursor) =>
      read(api.api.users.$get({ query: { role: 'expert', limit: '100', ...(cursor ? { cursor } : {}) } })),
    ),
});

export const institutionQuery = (institutionId: string) =>
  queryOptions({
    queryKey: accountKeys.institution(institutionId),
    queryFn: () => read(api.api.institutions[':institutionId'].$get({ param: { institutionId } })),
  });

export const membersQuery = (institutionId: string) =>
  queryOptions({
    queryKey: accountKeys.members(institutionId),
    queryFn: () => read(api.api.institutions[':institutionId'].members.$get({ param: { institutionId } })),
  });

export const auditQuery = (filter: AuditFilter, at: PagePosition) =>
  queryOptions({
    queryKey: ['audit', filter, at],
    queryFn: async () => pageAt(at)(await read(api.api.audit.$get({ query: { ...filter, ...cursorParam(at) } }))),
  });

/** The local outbox, or null where there is none (the cloud answers 404). */
export const outboxQuery = queryOptions({
  queryKey: ['outbox'],
  queryFn: async () => {
    try {
      return await read(api.api.dev.outbox.$get());
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
});

export const useLogoutEverywhere = () =>
  useMutation({ mutationFn: () => read(api.api.auth['logout-everywhere'].$post()) });

/** Saves the account's own settings; the session (header, pages) then re-reads it. */
export function useSaveAccount() {
  const { refresh } = useSession();
  return useMutation({
    mutationFn: (json: Json<typeof api.api.me.$put>) => read(api.api.me.$put({ json })),
    onSuccess: () => refresh(),
  });
}

export function useSaveInstitution(institutionId: string) {
  const queryClient = useQueryClient();
  const { refresh } = useSession();
  return useMutation({
    mutationFn: (json: ProfileUpdate) =>
      read(api.api.institutions[':institutionId'].$put({ param: { institutionId }, json })),
    onSuccess: (saved) => {
      queryClient.setQueryData(accountKeys.institution(institutionId), saved);
      return refresh(); // the session carries the institution's name
    },
  });
}

export function useInviteMember(institutionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: { email: string; displayName: string; language: Language }) =>
      read(api.api.institutions[':institutionId'].members.$post({ param: { institutionId }, json })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.members(institutionId) }),
  });
}

export function useInviteExpert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: Json<typeof api.api.experts.$post>) => read(api.api.experts.$post({ json })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.users('expert') }),
  });
}

export function useChangeUserStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, action }: { userId: string; action: 'deactivate' | 'reactivate' }) =>
      read(
        action === 'deactivate'
          ? api.api.users[':userId'].deactivate.$post({ param: { userId } })
          : api.api.users[':userId'].reactivate.$post({ param: { userId } }),
      ),
    // The row changes in place, as it was on the page: no reload moves the list under the user.
    onSuccess: (updated) =>
      queryClient.setQueriesData<CursorPage<UserRow>>(
        { queryKey: ['users'], predicate: (q) => q.queryKey[2] === 'page' },
        (page) =>
          page ? { ...page, items: page.items.map((u) => (u.userId === updated.userId ? updated : u)) } : page,
      ),
  });
}
