import { useTranslation } from '../../translation';
import type { Localized } from '../../../../shared/editions/localized';
import type { Questionnaire } from '../../../../shared/editions/questionnaire';
import { MB } from './questionnaire-draft';

/** How the institution will see the form: the questions rendered as (inactive) controls. */
export function QuestionnairePreview({ questionnaire }: { questionnaire: Questionnaire }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'pl';
  const text = (l: Localized | undefined) => (l ? (lang === 'en' && l.en ? l.en : l.pl) : '');
  if (questionnaire.sections.length === 0) return <p>{t('editions.questionnaire.noSections')}</p>;
  return (
    <div className="ed-preview">
      {questionnaire.sections.map((s, si) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the preview is drawn afresh from the draft, keeps no state per item, and ids may repeat while typed: the position is the identity
        <section key={si} aria-labelledby={`pv-s${si}`} className="ed-preview-section">
          <h4 id={`pv-s${si}`}>{text(s.title) || t('editions.where.sections', { n: si + 1 })}</h4>
          {s.description && <p>{text(s.description)}</p>}
          {s.questions.map((q, qi) => {
            const id = `pv-${si}-${qi}`;
            const label = (
              <>
                {text(q.label) || t('editions.questionnaire.questionLegend', { n: `${si + 1}.${qi + 1}` })}
                {q.required ? (
                  <span className="ed-required"> {t('editions.questionnaire.requiredMark')}</span>
                ) : (
                  <span className="optional"> {t('form.optional')}</span>
                )}
              </>
            );
            const help = q.help ? (
              <p className="hint" id={`${id}-help`}>
                {text(q.help)}
              </p>
            ) : null;
            const describedBy = q.help ? `${id}-help` : undefined;
            if (q.type === 'singleChoice' || q.type === 'multipleChoice' || q.type === 'yesNo') {
              const options =
                q.type === 'yesNo'
                  ? [
                      { value: 'yes', label: t('editions.yes') },
                      { value: 'no', label: t('editions.no') },
                    ]
                  : (q.options ?? []).map((o) => ({ value: o.value, label: text(o.label) || o.value }));
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: the preview is drawn afresh from the draft, keeps no state per item, and ids may repeat while typed: the position is the identity
                <fieldset key={qi} className="ed-preview-q" disabled aria-describedby={describedBy}>
                  <legend>{label}</legend>
                  {help}
                  {options.map((o, oi) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the preview is drawn afresh from the draft, keeps no state per item, and ids may repeat while typed: the position is the identity
                    <div key={oi} className="ed-check">
                      <input type={q.type === 'multipleChoice' ? 'checkbox' : 'radio'} name={id} id={`${id}-${oi}`} />
                      <label htmlFor={`${id}-${oi}`}>{o.label}</label>
                    </div>
                  ))}
                </fieldset>
              );
            }
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the preview is drawn afresh from the draft, keeps no state per item, and ids may repeat while typed: the position is the identity
              <div key={qi} className="field ed-preview-q">
                <label htmlFor={id}>{label}</label>
                {help}
                {q.type === 'longText' ? (
                  <textarea id={id} disabled rows={3} aria-describedby={describedBy} />
                ) : q.type === 'surveyResults' ? (
                  // The institution picks one of its own surveys; the server attaches a dated snapshot.
                  <select id={id} disabled aria-describedby={describedBy}>
                    <option>{t('editions.questionType.surveyResults')}</option>
                  </select>
                ) : (
                  <input
                    id={id}
                    disabled
                    aria-describedby={describedBy}
                    type={
                      q.type === 'number' ? 'number' : q.type === 'date' ? 'date' : q.type === 'file' ? 'file' : 'text'
                    }
                    accept={
                      q.type === 'file'
                        ? (q.allowedTypes ?? ['pdf']).map((k) => `.${k === 'jpeg' ? 'jpg' : k}`).join(',')
                        : undefined
                    }
                  />
                )}
                {(q.type === 'shortText' || q.type === 'longText') && q.maxLength && (
                  <p className="hint">{t('editions.questionnaire.previewLimit', { count: q.maxLength })}</p>
                )}
                {q.type === 'number' && (q.min !== undefined || q.max !== undefined) && (
                  <p className="hint">
                    {t('editions.questionnaire.previewRange', { min: q.min ?? '—', max: q.max ?? '—' })}
                  </p>
                )}
                {q.type === 'file' && (
                  <p className="hint">
                    {t('editions.questionnaire.previewFile', {
                      types: (q.allowedTypes ?? ['pdf']).map((k) => k.toUpperCase()).join(', '),
                      size: Math.round(((q.maxSizeBytes ?? 10 * MB) / MB) * 10) / 10,
                    })}
                  </p>
                )}
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}
