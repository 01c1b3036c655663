import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from '../../translation';
import { TextAreaField, TextField } from '../../forms/fields';
import { fieldId, useFormMeta } from '../../forms/form';
import { focusMoved, focusSoon, ItemTools } from './builder';
import { freeCode } from './drafts';
import { QuestionFields } from './QuestionFields';
import { newQuestion, newSection, type QuestionnaireValues } from './questionnaire-draft';

/**
 * The questionnaire builder: sections (move, remove, add) holding questions. Fields are named by
 * the API's paths (`questionnaire.sections.0.title.pl`).
 */
export function QuestionnaireBuilder() {
  const { t } = useTranslation();
  const { id } = useFormMeta();
  const { control } = useFormContext<QuestionnaireValues>();
  const sections = useFieldArray({ control, name: 'questionnaire.sections' });
  const values = useWatch({ control, name: 'questionnaire.sections' });
  const questionIds = new Set(values.flatMap((s) => s.questions.map((q) => q.id)));

  const addSection = () => {
    sections.append(newSection(freeCode('s', new Set(values.map((s) => s.id)))), { shouldFocus: false });
    focusSoon(fieldId(id, `questionnaire.sections.${sections.fields.length}.title.pl`));
  };

  return (
    <div className="ed-builder">
      {sections.fields.length === 0 && <p>{t('editions.questionnaire.noSections')}</p>}
      {sections.fields.map((field, s) => {
        const sp = `questionnaire.sections.${s}`;
        const titlePl = values[s]?.title.pl ?? '';
        const sName = t('editions.where.sections', { n: s + 1 }) + (titlePl ? ` ${titlePl}` : '');
        return (
          <fieldset key={field.id} className="ed-area">
            <legend>{sName}</legend>
            <ItemTools
              idBase={`ed-sec-${field.id}`}
              name={sName}
              index={s}
              count={sections.fields.length}
              onMove={(from, to) => {
                sections.move(from, to);
                focusMoved(`ed-sec-${field.id}`, from, to, sections.fields.length);
              }}
              onRemove={() => {
                sections.remove(s);
                focusSoon('ed-add-section');
              }}
            />
            <div className="ed-row">
              <TextField
                name={`${sp}.id`}
                label={t('editions.fieldName.id')}
                className="short"
                shellClassName="ed-field"
              />
              <TextField
                name={`${sp}.title.pl`}
                label={t('editions.questionnaire.titlePl')}
                shellClassName="ed-field"
              />
              <TextField
                name={`${sp}.title.en`}
                label={t('editions.questionnaire.titleEn')}
                required={false}
                lang="en"
                shellClassName="ed-field"
              />
            </div>
            <TextAreaField
              name={`${sp}.description.pl`}
              label={t('editions.questionnaire.descriptionPl')}
              required={false}
              rows={3}
              shellClassName="ed-field"
            />
            <TextAreaField
              name={`${sp}.description.en`}
              label={t('editions.questionnaire.descriptionEn')}
              required={false}
              rows={3}
              shellClassName="ed-field"
            />
            <Questions section={s} sectionKey={field.id} sectionName={sName} usedIds={questionIds} />
          </fieldset>
        );
      })}
      <p>
        <button type="button" id="ed-add-section" onClick={addSection}>
          {t('editions.questionnaire.addSection')}
        </button>
      </p>
    </div>
  );
}

function Questions({
  section,
  sectionKey,
  sectionName,
  usedIds,
}: {
  section: number;
  sectionKey: string;
  sectionName: string;
  usedIds: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const { id } = useFormMeta();
  const { control } = useFormContext<QuestionnaireValues>();
  const questions = useFieldArray({ control, name: `questionnaire.sections.${section}.questions` });
  const labels = useWatch({ control, name: `questionnaire.sections.${section}.questions` }).map((q) => q.label.pl);

  const addQuestion = () => {
    questions.append(newQuestion(freeCode('q', usedIds)), { shouldFocus: false });
    focusSoon(fieldId(id, `questionnaire.sections.${section}.questions.${questions.fields.length}.label.pl`));
  };

  return (
    <>
      {questions.fields.length === 0 && <p className="muted">{t('editions.questionnaire.noQuestions')}</p>}
      {questions.fields.map((field, qi) => {
        const labelPl = labels[qi] ?? '';
        const qName =
          t('editions.questionnaire.questionLegend', { n: `${section + 1}.${qi + 1}` }) +
          (labelPl ? ` ${labelPl}` : '');
        return (
          <fieldset key={field.id} className="ed-criterion">
            <legend>{qName}</legend>
            <ItemTools
              idBase={`ed-q-${field.id}`}
              name={qName}
              index={qi}
              count={questions.fields.length}
              onMove={(from, to) => {
                questions.move(from, to);
                focusMoved(`ed-q-${field.id}`, from, to, questions.fields.length);
              }}
              onRemove={() => {
                questions.remove(qi);
                focusSoon(`ed-add-question-${sectionKey}`);
              }}
            />
            <QuestionFields
              at={`questionnaire.sections.${section}.questions.${qi}`}
              questionKey={field.id}
              name={qName}
            />
          </fieldset>
        );
      })}
      <button type="button" id={`ed-add-question-${sectionKey}`} onClick={addQuestion}>
        {t('editions.questionnaire.addQuestion')}
        <span className="visually-hidden"> — {sectionName}</span>
      </button>
    </>
  );
}
