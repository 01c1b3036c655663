import { useEffect, type ReactNode } from 'react';
import { useTranslation } from '../translation';
import { navigate, useLocation } from '../router';
import { useSession, type Me, type Role } from '../session';
import { Loading } from './Loading';
import { PageTitle } from './PageTitle';

/**
 * Pages for signed-in accounts: anonymous visitors go to the login page (and come back after), an
 * account without the role sees why. The API enforces the same rules; this only spares a useless page.
 */
export function RequireRole({ roles, children }: { roles?: readonly Role[]; children: (me: Me) => ReactNode }) {
  const { t } = useTranslation();
  const { state } = useSession();
  const { path, query } = useLocation();
  const anonymous = state.status === 'anonymous';
  useEffect(() => {
    if (anonymous) {
      const here = path + (query.size > 0 ? `?${query.toString()}` : '');
      navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
    }
  }, [anonymous, path, query]);
  if (state.status !== 'signedIn') return <Loading />;
  if (roles && !state.user.roles.some((r) => roles.includes(r))) {
    return (
      <>
        <PageTitle>{t('access.forbiddenTitle')}</PageTitle>
        <p>{t('access.forbiddenText')}</p>
        <p>
          <a href="/">{t('notFound.back')}</a>
        </p>
      </>
    );
  }
  return <>{children({ user: state.user, institution: state.institution })}</>;
}
