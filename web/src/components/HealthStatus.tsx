import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../translation';
import { healthQuery } from '../queries/accounts';

export function HealthStatus() {
  const { t, i18n } = useTranslation();
  const health = useQuery(healthQuery);
  const report = health.isFetching || health.isError ? undefined : health.data;
  const kind = health.isFetching ? 'checking' : (report?.status ?? 'error');
  const time = report ? new Date(report.time).toLocaleTimeString(i18n.language) : '';
  return (
    <section className="card" aria-labelledby="health-title">
      <h2 id="health-title">{t('health.title')}</h2>
      <p role="status" aria-live="polite" data-health={kind} className={`health health-${kind}`}>
        {t(`health.${kind}`)}
        {time && <span className="muted"> {t('health.checkedAt', { time })}</span>}
      </p>
      <button type="button" onClick={() => void health.refetch()} disabled={kind === 'checking'}>
        {t('health.retry')}
      </button>
    </section>
  );
}
