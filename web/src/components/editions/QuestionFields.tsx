import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from '../../translation';
import { fileKinds, questionTypes } from '../../../../shared/editions/questionnaire';
import { CheckboxField, CheckboxGroupField, SelectField, TextAreaField, TextField } from '../../forms/fields';
import { fieldId, useFormMeta } from '../../forms/form';
import { focusSoon } from './builder';
import { freeCode } from './drafts';
import { newOption, type QuestionnaireValues } from './questionnaire-draft';

type QuestionPath = `questionnaire.sections.${number}.questions.${number}`;

/** One question's settings: id, type, texts, whether it is required, and what its type needs. */
export function QuestionFields({ at, questionKey, name }: { at: QuestionPath; questionKey: string; name: string }) {
  const { t } = useTranslation();
  const { control } = useFormContext<QuestionnaireValues>();
  const type = useWatch({ control, name: `${at}.type` });
  const typeOptions = questionTypes.map((v) => ({ value: v, label: t(`editions.questionType.${v}`) }));
  return (
    <>
      <div className="ed-row">
        <TextField name={`${at}.id`} label={t('editions.fieldName.id')} className="short" shellClassName="ed-field" />
        <SelectField
          name={`${at}.type`}
          label={t('editions.fieldName.type')}
          options={typeOptions}
          shellClassName="ed-field"
        />
      </div>
      <TextField name={`${at}.label.pl`} label={t('editions.questionnaire.labelPl')} shellClassName="ed-field" />
      <TextField
        name={`${at}.label.en`}
        label={t('editions.questionnaire.labelEn')}
        required={false}
        lang="en"
        shellClassName="ed-field"
      />
      <TextAreaField
        name={`${at}.help.pl`}
        label={t('editions.questionnaire.helpPl')}
        required={false}
        rows={2}
        shellClassName="ed-field"
      />
      <TextAreaField
        name={`${at}.help.en`}
        label={t('editions.questionnaire.helpEn')}
        required={false}
        rows={2}
        shellClassName="ed-field"
      />
      <CheckboxField name={`${at}.required`} label={t('editions.fieldName.required')} />
      {(type === 'shortText' || type === 'longText') && (
        <TextField
          name={`${at}.maxLength`}
          label={t('editions.fieldName.maxLength')}
          hint={t(
            type === 'shortText' ? 'editions.questionnaire.maxLengthShort' : 'editions.questionnaire.maxLengthLong',
          )}
          required={false}
          inputMode="numeric"
          className="short"
          shellClassName="ed-field"
        />
      )}
      {type === 'number' && (
        <div className="ed-row">
          <TextField
            name={`${at}.min`}
            label={t('editions.fieldName.min')}
            required={false}
            inputMode="decimal"
            className="short"
            shellClassName="ed-field"
          />
          <TextField
            name={`${at}.max`}
            label={t('editions.fieldName.max')}
            required={false}
            inputMode="decimal"
            className="short"
            shellClassName="ed-field"
          />
          <CheckboxField name={`${at}.decimals`} label={t('editions.fieldName.decimals')} />
        </div>
      )}
      {(type === 'singleChoice' || type === 'multipleChoice') && (
        <Options at={at} questionKey={questionKey} name={name} />
      )}
      {type === 'file' && (
        <>
          <CheckboxGroupField
            name={`${at}.allowedTypes`}
            legend={t('editions.fieldName.allowedTypes')}
            options={fileKinds.map((k) => ({ value: k, label: k.toUpperCase() }))}
            className="ed-checklist ed-inline"
          />
          <TextField
            name={`${at}.maxSizeBytes`}
            label={t('editions.questionnaire.maxSizeMb')}
            hint={t('editions.questionnaire.maxSizeHint')}
            required={false}
            inputMode="decimal"
            className="short"
            shellClassName="ed-field"
          />
        </>
      )}
    </>
  );
}

/** The answers a choice question offers: value and label per option (add, remove). */
function Options({ at, questionKey, name }: { at: QuestionPath; questionKey: string; name: string }) {
  const { t } = useTranslation();
  const { id, error } = useFormMeta();
  const { control } = useFormContext<QuestionnaireValues>();
  const options = useFieldArray({ control, name: `${at}.options` });
  const values = useWatch({ control, name: `${at}.options` });
  // A message about the list itself ("at least two options"), not one of its fields.
  const listError = error?.fields[`${at}.options`];
  return (
    <fieldset className="ed-checklist" id={fieldId(id, `${at}.options`)} tabIndex={-1}>
      <legend>{t('editions.fieldName.options')}</legend>
      {listError && <p className="error-message">{listError}</p>}
      {options.fields.map((field, oi) => {
        const op = `${at}.options.${oi}`;
        return (
          <div key={field.id} className="ed-row ed-item">
            <TextField
              name={`${op}.value`}
              label={t('editions.fieldName.value')}
              className="short"
              shellClassName="ed-field"
            />
            <TextField name={`${op}.label.pl`} label={t('editions.questionnaire.optionPl')} shellClassName="ed-field" />
            <TextField
              name={`${op}.label.en`}
              label={t('editions.questionnaire.optionEn')}
              required={false}
              lang="en"
              shellClassName="ed-field"
            />
            <button
              type="button"
              className="danger"
              onClick={() => {
                options.remove(oi);
                focusSoon(`ed-add-option-${questionKey}`);
              }}
            >
              {t('editions.remove')}
              <span className="visually-hidden"> — {values[oi]?.label.pl || values[oi]?.value}</span>
            </button>
          </div>
        );
      })}
      <button
        type="button"
        id={`ed-add-option-${questionKey}`}
        onClick={() => {
          options.append(newOption(freeCode('opt', new Set(values.map((o) => o.value)))), { shouldFocus: false });
          focusSoon(fieldId(id, `${at}.options.${options.fields.length}.label.pl`));
        }}
      >
        {t('editions.questionnaire.addOption')}
        <span className="visually-hidden"> — {name}</span>
      </button>
    </fieldset>
  );
}
