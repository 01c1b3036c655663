import { useTranslation } from 'react-i18next';
import { HealthStatus } from '../components/HealthStatus';
import { PageTitle } from '../components/PageTitle';

export function HomePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('home.title')}</PageTitle>
      <p className="lead">{t('home.lead')}</p>
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
