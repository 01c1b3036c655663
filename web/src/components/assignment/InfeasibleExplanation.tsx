import { useTranslation } from '../../translation';
import type { Explanation } from '../../api';

/** Why no assignment exists: demand against capacity, the problems found and what would help. */
export function InfeasibleExplanation({ explanation }: { explanation: Explanation }) {
  const { t } = useTranslation();
  return (
    <>
      <p>
        {t('assignment.infeasible.numbers', {
          demand: explanation.demand,
          capacity: explanation.capacity,
          minimumTotal: explanation.minimumTotal,
        })}
      </p>
      {explanation.problems.length > 0 && (
        <>
          <h5>{t('assignment.infeasible.problems')}</h5>
          <ul className="as-problems">
            {explanation.problems.map((p) => (
              <li key={`${p.kind}:${p.message}`}>{p.message}</li>
            ))}
          </ul>
        </>
      )}
      {explanation.suggestions.length > 0 && (
        <>
          <h5>{t('assignment.infeasible.suggestions')}</h5>
          <ul className="as-suggestions">
            {explanation.suggestions.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
