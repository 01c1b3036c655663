import { useQuery } from '@tanstack/react-query';
import { inLanguage } from '../../../../shared/editions/localized';
import { isSurveyChoice } from '../../../../shared/surveys/survey-snapshot';
import { ErrorText } from '../../forms/fields';
import { currentLanguage } from '../../i18n';
import { surveysQuery } from '../../queries/surveys';
import { useTranslation } from '../../translation';
import { ids, type QuestionInputProps, RequiredMarker } from './QuestionInput';
import { SurveySnapshotView, snapshotDay } from './SurveySnapshotView';

const describedBy = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(' ') || undefined;

/**
 * A `surveyResults` question in the institution's form (issue 18 §5): a select of the institution's own
 * surveys. The form sends only the choice; the server takes the snapshot on save and it comes back as
 * the answer, shown with its day and n. Saving again keeps it; "Take a new snapshot" asks for a new one.
 */
export function SurveyEvidenceQuestion({
  institutionId,
  question: q,
  value,
  onChange,
  error,
}: QuestionInputProps & { institutionId: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const surveys = useQuery(surveysQuery(institutionId));
  const id = ids(q.id);
  const help = q.help ? inLanguage(q.help, lang) : '';
  const choice = isSurveyChoice(value) ? value : null;
  const snapshot =
    typeof value === 'object' && value !== null && !Array.isArray(value) && 'kind' in value ? value : null;
  const items = surveys.data?.items ?? [];
  // A survey no longer listed (or not loaded yet) still shows as the chosen one.
  const options = items.map((s) => ({ value: s.surveyId, label: inLanguage(s.title, lang) }));
  if (choice && !options.some((o) => o.value === choice.surveyId))
    options.unshift({
      value: choice.surveyId,
      label: snapshot ? inLanguage(snapshot.title, lang) : choice.surveyId,
    });
  const statusId = `${id.control}-status`;
  return (
    <div
      id={id.block}
      tabIndex={-1}
      className={error ? 'ap-question field field-error' : 'ap-question field'}
      data-question={q.id}
    >
      <label htmlFor={id.control}>
        {inLanguage(q.label, lang)}
        <RequiredMarker required={q.required} />
      </label>
      {help && (
        <p className="hint" id={id.help}>
          {help}
        </p>
      )}
      <ErrorText id={id.error} message={error} />
      {surveys.isPending && <p className="hint">{t('survey.evidence.loading')}</p>}
      {surveys.isSuccess && items.length === 0 && !choice && <p className="hint">{t('survey.evidence.noSurveys')}</p>}
      <select
        id={id.control}
        value={choice?.surveyId ?? ''}
        aria-required={q.required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(help && id.help, choice ? statusId : undefined, error && id.error)}
        onChange={(e) => onChange(e.target.value ? { surveyId: e.target.value } : null)}
      >
        <option value="">{t('survey.evidence.choose')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {snapshot ? (
        <>
          <p id={statusId} className="hint">
            {inLanguage(snapshot.title, lang)} —{' '}
            {t('survey.evidence.snapshotOf', { day: snapshotDay(snapshot.takenOn, lang), n: snapshot.n })}.{' '}
            {t('survey.evidence.frozen')}
          </p>
          <button
            type="button"
            className="secondary"
            onClick={() => onChange({ surveyId: snapshot.surveyId, refresh: true })}
          >
            {t('survey.evidence.refresh')}
          </button>
          <details>
            <summary>{t('survey.evidence.show')}</summary>
            <SurveySnapshotView snapshot={snapshot} idPrefix={`ev-${q.id}`} />
          </details>
        </>
      ) : (
        choice && (
          <p id={statusId} className="hint" aria-live="polite">
            {t(choice.refresh ? 'survey.evidence.refreshing' : 'survey.evidence.pending')}
          </p>
        )
      )}
    </div>
  );
}
