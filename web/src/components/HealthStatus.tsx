import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';

type State = { kind: 'checking' } | { kind: 'ok' | 'unavailable'; time: string } | { kind: 'error' };

export function HealthStatus() {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'checking' });

  const check = useCallback(async () => {
    setState({ kind: 'checking' });
    try {
      const res = await api.api.health.$get();
      const report = await res.json();
      setState('error' in report ? { kind: 'error' } : { kind: report.status, time: report.time });
    } catch {
      setState({ kind: 'error' });
    }
  }, []);

  useEffect(() => {
    void check();
  }, [check]);

  const time = 'time' in state ? new Date(state.time).toLocaleTimeString(i18n.language) : '';
  return (
    <section className="card" aria-labelledby="health-title">
      <h2 id="health-title">{t('health.title')}</h2>
      <p role="status" aria-live="polite" data-health={state.kind} className={`health health-${state.kind}`}>
        {t(`health.${state.kind}`)}
        {time && <span className="muted"> {t('health.checkedAt', { time })}</span>}
      </p>
      <button type="button" onClick={() => void check()} disabled={state.kind === 'checking'}>
        {t('health.retry')}
      </button>
    </section>
  );
}
