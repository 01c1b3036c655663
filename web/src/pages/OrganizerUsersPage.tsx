import { useCallback, useEffect, useRef, useState } from 'react';
import { Pager } from '../components/Pager';
import { useTranslation } from 'react-i18next';
import type { InferResponseType } from 'hono/client';
import { roles, type Role } from '../../../shared/access/principal';
import { api, send } from '../api';
import { ConfirmButton } from '../components/ConfirmButton';
import { toFormError } from '../components/form';
import { InviteExpertForm } from '../components/InviteExpertForm';
import { oneOf } from '../components/InstitutionFields';
import { Loading } from '../components/Loading';
import { PageTitle } from '../components/PageTitle';
import { RequireRole } from '../components/RequireRole';
import { useLocation } from '../router';
import type { SignedInUser } from '../session';

type User = InferResponseType<typeof api.api.users.$get, 200>['items'][number];

export function OrganizerUsersPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('users.title')}</PageTitle>
      <RequireRole roles={['organizer']}>{({ user }) => <Users me={user} />}</RequireRole>
    </>
  );
}

/** The role is in the address (?role=expert), so each list can be linked and the Back button works. */
function Users({ me }: { me: SignedInUser }) {
  const { t } = useTranslation();
  const role: Role = oneOf(roles, useLocation().query.get('role') ?? undefined) ?? 'institution';
  const [page, setPage] = useState<{ items: User[]; next: string | null; number: number } | null>(null);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(true);
  const [busyUser, setBusyUser] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState('');

  const load = useCallback(
    async (cursor: string | undefined, number: number, options: { focus?: boolean } = {}) => {
      setLoading(true);
      setError('');
      try {
        const res = await send(api.api.users.$get({ query: { role, ...(cursor ? { cursor } : {}) } }));
        const { items, cursor: next } = await res.json();
        setPage({ items, next, number });
        // The pager's button may vanish with the old page: keyboard users continue from the list's top.
        if (options.focus) listHeading.current?.focus();
      } catch (e) {
        setError(toFormError(e).message);
      } finally {
        setLoading(false);
      }
    },
    [role],
  );

  useEffect(() => {
    void load(undefined, 1);
  }, [load]);

  const changeStatus = async (user: User, action: 'deactivate' | 'reactivate') => {
    setBusyUser(user.userId);
    setStatus('');
    try {
      const call =
        action === 'deactivate'
          ? api.api.users[':userId'].deactivate.$post({ param: { userId: user.userId } })
          : api.api.users[':userId'].reactivate.$post({ param: { userId: user.userId } });
      const updated = await (await send(call)).json();
      setPage((p) => p && { ...p, items: p.items.map((u) => (u.userId === updated.userId ? updated : u)) });
      setStatus(t(action === 'deactivate' ? 'users.deactivated' : 'users.reactivated', { name: updated.displayName }));
    } catch (e) {
      setStatus(toFormError(e).message);
    } finally {
      setBusyUser(null);
    }
  };

  return (
    <>
      <nav aria-label={t('users.byRole')} className="tabs">
        <ul>
          {roles.map((r) => (
            <li key={r}>
              <a href={`/organizer/users?role=${r}`} aria-current={r === role ? 'page' : undefined}>
                {t(`roles.${r}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="list-title">
        <h2 id="list-title" tabIndex={-1} ref={listHeading}>
          {t(`roles.${role}`)}{' '}
          <span className="muted">
            {page && page.number > 1 ? t('common.pageNumber', { number: page.number }) : ''}
          </span>
        </h2>
        <p role="status" className="form-status">
          {status}
        </p>
        {error && (
          <p className="notice error" role="alert">
            {error}
          </p>
        )}
        {loading && <Loading />}
        {page && page.items.length === 0 && <p>{t('users.empty')}</p>}
        {page && page.items.length > 0 && (
          <table>
            <caption className="visually-hidden">{t(`roles.${role}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('account.displayName')}</th>
                <th scope="col">{t('account.email')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">{t('users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((u) => (
                <tr key={u.userId} data-email={u.email}>
                  <td>{u.displayName}</td>
                  <td>{u.email}</td>
                  <td>
                    {t(`status.${u.status}`)}
                    {u.status !== 'invited' && !u.emailVerified ? ` (${t('users.unverified')})` : ''}
                  </td>
                  <td>
                    {u.userId === me.userId ? (
                      <span className="muted">{t('users.you')}</span>
                    ) : u.status === 'deactivated' ? (
                      <ConfirmButton
                        question={t('users.reactivateQuestion', { name: u.displayName })}
                        confirmLabel={t('users.reactivateConfirm')}
                        busy={busyUser === u.userId}
                        onConfirm={() => void changeStatus(u, 'reactivate')}
                      >
                        {t('users.reactivate')} <span className="visually-hidden">{u.displayName}</span>
                      </ConfirmButton>
                    ) : (
                      <ConfirmButton
                        question={t('users.deactivateQuestion', { name: u.displayName })}
                        confirmLabel={t('users.deactivateConfirm')}
                        busy={busyUser === u.userId}
                        onConfirm={() => void changeStatus(u, 'deactivate')}
                      >
                        {t('users.deactivate')} <span className="visually-hidden">{u.displayName}</span>
                      </ConfirmButton>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {page && (
          <Pager
            page={page}
            loading={loading}
            onFirst={() => void load(undefined, 1, { focus: true })}
            onNext={(cursor) => void load(cursor, page.number + 1, { focus: true })}
          />
        )}
      </section>
      <InviteExpertForm onInvited={() => role === 'expert' && void load(undefined, 1)} />
    </>
  );
}
