import { inLanguage } from '../../../../shared/editions/localized';
import type { SurveySnapshot } from '../../../../shared/surveys/survey-snapshot';
import { currentLanguage } from '../../i18n';
import { Breakdown, QuestionCharts } from '../../pages/surveys/SurveyFigureTables';
import { useTranslation } from '../../translation';

const ASPECTS: readonly string[] = ['waiting', 'usefulness', 'engagement'];

/** "5 marca 2026" / "5 March 2026": the Warsaw day the snapshot was taken. */
export const snapshotDay = (day: string, lang: 'pl' | 'en') =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString(lang === 'en' ? 'en-GB' : 'pl-PL', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });

/**
 * A survey results snapshot attached to an application (issue 18 §5), as experts and organizers read it:
 * the survey, the day it was taken and n, the figures table and the charts of the results page — the
 * figures frozen when the institution attached them, never a picture.
 */
export function SurveySnapshotView({ snapshot, idPrefix }: { snapshot: SurveySnapshot; idPrefix: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const questions = snapshot.questions.map((q) => ({
    id: q.id,
    label: ASPECTS.includes(q.id) ? t(`survey.aspect.${q.id as 'waiting'}`) : q.text ? inLanguage(q.text, lang) : q.id,
  }));
  const overall = Object.fromEntries(snapshot.questions.map((q) => [q.id, q.figures]));
  const min = snapshot.minAnswers;
  return (
    <div className="survey-snapshot" data-snapshot={snapshot.surveyId}>
      <p>
        <strong>{inLanguage(snapshot.title, lang)}</strong>
        {' — '}
        {t('survey.evidence.snapshotOf', { day: snapshotDay(snapshot.takenOn, lang), n: snapshot.n })}
      </p>
      {snapshot.n === 0 ? (
        <p className="empty">{t('survey.staff.noAnswers')}</p>
      ) : (
        <>
          <p className="hint">{t('survey.staff.explain', { min })}</p>
          <Breakdown
            id={`${idPrefix}-overall`}
            caption={t('survey.staff.overall')}
            rows={[{ label: t('survey.staff.all'), n: snapshot.n, questions: overall }]}
            questions={questions}
            min={min}
          />
          <QuestionCharts
            overall={overall}
            months={snapshot.months ?? []}
            minAnswers={min}
            questions={questions}
            idPrefix={idPrefix}
          />
        </>
      )}
    </div>
  );
}
