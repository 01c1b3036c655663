import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditionSettings } from '../../../../shared/editions/edition';
import { headcountBrackets, institutionTypes } from '../../../../shared/institutions/institution';
import { TextAreaField, TextField } from '../Field';
import { errorOf, fieldId, Form, SubmitButton, useFormContext, type FormState, type Values } from '../form';
import { parseNumber } from './controls';
import { fromWarsawInput, toWarsawInput, warsawInputInDays } from './time';

const timelineKeys = ['applicationsOpen', 'applicationsClose', 'reviewStart', 'reviewEnd', 'resultsDate'] as const;

/** Form values (flat, by the API's field paths) for settings; datetime-local values in Warsaw time. */
export function settingsToValues(s: EditionSettings): Values {
  const v: Values = {
    name: s.name,
    number: s.number,
    year: String(s.year),
    'description.pl': s.description?.pl ?? '',
    'description.en': s.description?.en ?? '',
    categories: s.categories.join(','),
    thresholdPercent: String(s.thresholdPercent),
    expertsPerApplication: String(s.expertsPerApplication),
    certificateValidityMonths: String(s.certificateValidityMonths),
    'fees.returningLaureateDiscountPercent': String(s.fees.returningLaureateDiscountPercent),
  };
  for (const k of timelineKeys) v[`timeline.${k}`] = toWarsawInput(s.timeline[k]);
  for (const b of headcountBrackets) v[`fees.byHeadcount.${b}`] = String(s.fees.byHeadcount[b]);
  return v;
}

/** Defaults of a new edition: the fee table, all categories, applications open for a month. */
export function defaultSettingsValues(): Values {
  const year = new Date().getFullYear();
  const v: Values = {
    name: 'Przyjazny Urząd',
    number: '',
    year: String(year),
    'description.pl': '',
    'description.en': '',
    categories: institutionTypes.join(','),
    thresholdPercent: '70',
    expertsPerApplication: '3',
    certificateValidityMonths: '12',
    'fees.returningLaureateDiscountPercent': '10',
    'timeline.applicationsOpen': warsawInputInDays(1, '08:00'),
    'timeline.applicationsClose': warsawInputInDays(60, '23:59'),
    'timeline.reviewStart': warsawInputInDays(61, '08:00'),
    'timeline.reviewEnd': warsawInputInDays(90, '23:59'),
    'timeline.resultsDate': warsawInputInDays(105, '12:00'),
  };
  const fees = { '0-20': 1500, '21-40': 2000, '41-100': 2500, '101-150': 3000, '151-200': 3500, '201+': 4000 } as const;
  for (const b of headcountBrackets) v[`fees.byHeadcount.${b}`] = String(fees[b]);
  return v;
}

export function valuesToSettings(v: Values): EditionSettings {
  const get = (k: string) => (v[k] ?? '').trim();
  const descPl = get('description.pl');
  const descEn = get('description.en');
  return {
    name: get('name'),
    number: get('number'),
    year: parseNumber(get('year')),
    ...(descPl || descEn ? { description: descEn ? { pl: descPl, en: descEn } : { pl: descPl } } : {}),
    timeline: Object.fromEntries(
      timelineKeys.map((k) => [k, fromWarsawInput(get(`timeline.${k}`))]),
    ) as EditionSettings['timeline'],
    categories: institutionTypes.filter((c) => get('categories').split(',').includes(c)),
    thresholdPercent: parseNumber(get('thresholdPercent')),
    expertsPerApplication: parseNumber(get('expertsPerApplication')),
    certificateValidityMonths: parseNumber(get('certificateValidityMonths')),
    fees: {
      byHeadcount: Object.fromEntries(
        headcountBrackets.map((b) => [b, parseNumber(get(`fees.byHeadcount.${b}`))]),
      ) as EditionSettings['fees']['byHeadcount'],
      returningLaureateDiscountPercent: parseNumber(get('fees.returningLaureateDiscountPercent')),
    },
  };
}

function CategoriesField() {
  const { t } = useTranslation();
  const form = useFormContext();
  const legend = t('editions.settings.categories');
  form.labels.set('categories', legend);
  const chosen = (form.values.categories ?? '').split(',').filter(Boolean);
  const error = errorOf(form, 'categories');
  const id = fieldId(form.id, 'categories');
  const toggle = (c: string, on: boolean) =>
    form.setValue('categories', institutionTypes.filter((x) => (x === c ? on : chosen.includes(x))).join(','));
  return (
    <fieldset className={error ? 'field-error' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {error && (
        <p className="error-message" id={`${id}-error`}>
          {error}
        </p>
      )}
      {institutionTypes.map((c, i) => (
        <div className="ed-check" key={c}>
          <input
            type="checkbox"
            id={i === 0 ? id : `${id}-${c}`}
            checked={chosen.includes(c)}
            onChange={(e) => toggle(c, e.target.checked)}
          />
          <label htmlFor={i === 0 ? id : `${id}-${c}`}>{t(`institutionType.${c}`)}</label>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * All settings of an edition: names, timeline (Polish time), categories, thresholds and the fee
 * table. With `lockedReason` the fields are shown but disabled, with the reason above them.
 */
export function EditionSettingsForm({
  form,
  onSubmit,
  submitLabel,
  lockedReason,
  errorActions,
  labelledBy,
}: {
  form: FormState;
  onSubmit: () => Promise<void>;
  submitLabel: string;
  lockedReason?: string;
  errorActions?: ReactNode;
  labelledBy?: string;
}) {
  const { t } = useTranslation();
  return (
    <Form form={form} onSubmit={onSubmit} errorActions={errorActions} labelledBy={labelledBy}>
      {lockedReason && <p className="notice">{lockedReason}</p>}
      <fieldset disabled={!!lockedReason} className="ed-plain">
        <fieldset>
          <legend>{t('editions.settings.basics')}</legend>
          <TextField name="name" label={t('editions.settings.name')} />
          <TextField
            name="number"
            label={t('editions.settings.number')}
            hint={t('editions.settings.numberHint')}
            className="short"
          />
          <TextField name="year" label={t('editions.settings.year')} inputMode="numeric" className="short" />
          <TextAreaField name="description.pl" label={t('editions.settings.descriptionPl')} required={false} />
          <TextAreaField
            name="description.en"
            label={t('editions.settings.descriptionEn')}
            required={false}
            lang="en"
          />
        </fieldset>
        <fieldset>
          <legend>{t('editions.settings.timeline')}</legend>
          <p className="hint">{t('editions.settings.timelineHint')}</p>
          {timelineKeys.map((k) => (
            <TextField key={k} name={`timeline.${k}`} type="datetime-local" label={t(`editions.timeline.${k}`)} />
          ))}
        </fieldset>
        <CategoriesField />
        <fieldset>
          <legend>{t('editions.settings.evaluation')}</legend>
          <TextField
            name="thresholdPercent"
            label={t('editions.settings.thresholdPercent')}
            hint={t('editions.settings.thresholdHint')}
            inputMode="decimal"
            className="short"
          />
          <TextField
            name="expertsPerApplication"
            label={t('editions.settings.expertsPerApplication')}
            hint={t('editions.settings.expertsHint')}
            inputMode="numeric"
            className="short"
          />
          <TextField
            name="certificateValidityMonths"
            label={t('editions.settings.certificateValidityMonths')}
            inputMode="numeric"
            className="short"
          />
        </fieldset>
        <fieldset>
          <legend>{t('editions.settings.fees')}</legend>
          <p className="hint">{t('editions.settings.feesHint')}</p>
          {headcountBrackets.map((b) => (
            <TextField
              key={b}
              name={`fees.byHeadcount.${b}`}
              label={t('editions.settings.feeFor', { bracket: t(`headcount.${b}`) })}
              inputMode="decimal"
              className="short"
            />
          ))}
          <TextField
            name="fees.returningLaureateDiscountPercent"
            label={t('editions.settings.discount')}
            inputMode="decimal"
            className="short"
          />
        </fieldset>
      </fieldset>
      {!lockedReason && <SubmitButton>{submitLabel}</SubmitButton>}
    </Form>
  );
}
