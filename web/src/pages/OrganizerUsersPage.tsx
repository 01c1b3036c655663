import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from '../translation';
import { ScrollRegion } from '../components/ScrollRegion';
import { roles, type Role } from '../../../shared/access/principal';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorNotice } from '../components/ErrorNotice';
import { InviteExpertForm } from '../components/InviteExpertForm';
import { MailSuppressionBadge } from '../components/MailSuppressionBadge';
import { oneOf } from '../components/InstitutionFields';
import { Loading } from '../components/Loading';
import { Pager } from '../components/Pager';
import { PageTitle } from '../components/PageTitle';
import { RequireRole } from '../components/RequireRole';
import { errorMessage } from '../forms/errors';
import type { UserRow } from '../queries/accounts';
import { useChangeUserStatus, usersQuery } from '../queries/accounts-signed-in';
import { useFocusWhenShown, usePagePosition } from '../queries/paging';
import { useLocation } from '../router';
import type { SignedInUser } from '../session';

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
  const position = usePagePosition(role);
  const list = useQuery({ ...usersQuery(role, position.at), placeholderData: keepPreviousData });
  const page = list.data;
  const listHeading = useRef<HTMLHeadingElement>(null);
  const focusList = useFocusWhenShown(listHeading, list.isSuccess && !list.isPlaceholderData);
  const changeUserStatus = useChangeUserStatus();
  const busyUser = changeUserStatus.isPending ? changeUserStatus.variables.userId : null;
  const [status, setStatus] = useState('');

  const changeStatus = async (user: UserRow, action: 'deactivate' | 'reactivate') => {
    setStatus('');
    try {
      const updated = await changeUserStatus.mutateAsync({ userId: user.userId, action });
      setStatus(t(action === 'deactivate' ? 'users.deactivated' : 'users.reactivated', { name: updated.displayName }));
    } catch (e) {
      setStatus(errorMessage(e));
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
        {role === 'expert' && <p>{t('landing.users.expertsLead')}</p>}
        <p role="status" className="form-status">
          {status}
        </p>
        <ErrorNotice error={list.error} />
        {list.isFetching && <Loading />}
        {page && page.items.length === 0 && <p>{t('users.empty')}</p>}
        {page && page.items.length > 0 && (
          <ScrollRegion labelledBy="list-title">
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
                      {u.mailSuppression && (
                        <>
                          <br />
                          <MailSuppressionBadge suppression={u.mailSuppression} />
                        </>
                      )}
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
          </ScrollRegion>
        )}
        {page && (
          <Pager
            page={page}
            loading={list.isFetching}
            onFirst={() => {
              focusList();
              position.first();
            }}
            onNext={(cursor) => {
              focusList();
              position.next(cursor);
            }}
          />
        )}
      </section>
      {/* Experts are invited where experts are listed, after the list the form adds to. */}
      {role === 'expert' && <InviteExpertForm />}
    </>
  );
}
