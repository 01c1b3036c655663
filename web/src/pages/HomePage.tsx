import { useTranslation } from '../translation';
import { HealthStatus } from '../components/HealthStatus';
import { PageTitle } from '../components/PageTitle';
import { homeOf, useSession } from '../session';

export function HomePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('home.title')}</PageTitle>
      <p className="lead">{t('home.lead')}</p>
      <NextSteps />
      <div className="grid">
        <section className="card" aria-labelledby="for-institutions">
          <h2 id="for-institutions">{t('home.forInstitutions')}</h2>
          <p>{t('home.forInstitutionsText')}</p>
          <p>
            <a href="/register">{t('home.registerLink')}</a>
          </p>
        </section>
        <section className="card" aria-labelledby="for-experts">
          <h2 id="for-experts">{t('home.forExperts')}</h2>
          <p>{t('home.forExpertsText')}</p>
        </section>
        <section className="card" aria-labelledby="for-organizers">
          <h2 id="for-organizers">{t('home.forOrganizers')}</h2>
          <p>{t('home.forOrganizersText')}</p>
        </section>
      </div>
      <HealthStatus />
    </>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <p>{t('notFound.text')}</p>
      <p>
        <a href="/">{t('notFound.back')}</a>
      </p>
    </>
  );
}

/** A signed-in visitor of the start page gets a way to the home of each of their roles. */
function NextSteps() {
  const { t } = useTranslation();
  const { state } = useSession();
  if (state.status !== 'signedIn') return null;
  const { roles } = state.user;
  const links = (['organizer', 'institution', 'expert'] as const)
    .filter((role) => roles.includes(role))
    .map((role) => ({ role, href: homeOf({ roles: [role] }) }));
  if (links.length === 0) return null;
  return (
    <section className="card next-steps" aria-labelledby="next-steps-title">
      <h2 id="next-steps-title">{t('landing.next.title')}</h2>
      <ul>
        {links.map(({ role, href }) => (
          <li key={role}>
            <a href={href}>{t(`landing.next.${role}`)}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
