import { useTranslation } from '../translation';
import { useFetchOnce } from '../fetching';
import { readHealth } from '../queries/accounts';

export function HealthStatus() {
  const { t, i18n } = useTranslation();
  const health = useFetchOnce('health', readHealth);
  const report = health.isPending || health.isError ? undefined : health.data;
  const kind = health.isPending ? 'checking' : (report?.status ?? 'error');
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
