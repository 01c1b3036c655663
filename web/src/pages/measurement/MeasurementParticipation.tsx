import { useQuery } from '@tanstack/react-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import { institutionMeasurementsQuery, useSetParticipation } from '../../queries/measurement';
import { measurementPath } from '../../queries/measurement-public';
import { useTranslation } from '../../translation';

/**
 * The institution's opt-in to the yearly standard measurement (issue 18 §4), on its surveys page: one
 * checkbox per year, explicit, changeable until the organizer publishes (then the public ranking's link).
 */
export function MeasurementParticipation({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const list = useQuery(institutionMeasurementsQuery(institutionId));
  const change = useSetParticipation(institutionId);
  if (list.isError) return <ErrorNotice error={list.error} />;
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="ms-participation">
      <h2 id="ms-participation">{t('survey.measurement.toggleTitle')}</h2>
      <p>{t('survey.measurement.toggleIntro')}</p>
      <ul>
        {items.map((m) => (
          <li key={m.year}>
            {m.status === 'open' ? (
              <label>
                <input
                  type="checkbox"
                  checked={m.participating}
                  disabled={change.isPending}
                  onChange={(e) => change.mutate({ year: m.year, participating: e.target.checked })}
                />{' '}
                {t('survey.measurement.participate', { year: m.year })}
              </label>
            ) : (
              <>
                <a href={measurementPath(m.year)}>
                  {t('survey.measurement.publicLink')} {m.year}
                </a>{' '}
                — {m.participating ? t('survey.measurement.closed') : t('survey.measurement.notParticipating')}
              </>
            )}
            {m.status === 'open' && (
              <p className="hint">
                {m.participating && m.optedInAt
                  ? t('survey.measurement.participating', { date: m.optedInAt.slice(0, 10) })
                  : t('survey.measurement.notParticipating')}
              </p>
            )}
          </li>
        ))}
      </ul>
      <ErrorNotice error={change.isError ? change.error : null} />
    </section>
  );
}
