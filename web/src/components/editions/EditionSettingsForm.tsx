import type { ReactNode } from 'react';
import { useTranslation } from '../../translation';
import { defaultFees, EditionSettings, resultsSettingsOf } from '../../../../shared/editions/edition';
import i18n from '../../i18n';
import { headcountBrackets, institutionTypes } from '../../../../shared/institutions/institution';
import { CheckboxField, CheckboxGroupField, SelectField, TextAreaField, TextField } from '../../forms/fields';
import { Form, SubmitButton, type ApiForm } from '../../forms/form';
import { apiResolver } from '../../forms/validation';
import { SignatoriesFields } from '../certificates/SignatoriesFields';
import { parseNumber } from './drafts';
import { fromWarsawInput, toWarsawInput, warsawInputInDays } from './time';

const timelineKeys = ['applicationsOpen', 'applicationsClose', 'reviewStart', 'reviewEnd', 'resultsDate'] as const;
type Bracket = (typeof headcountBrackets)[number];

/** The settings as the form holds them: the API's shape, numbers as typed, dates as Warsaw wall time. */
export interface SettingsValues {
  name: string;
  number: string;
  year: string;
  description: { pl: string; en: string };
  timeline: Record<(typeof timelineKeys)[number], string>;
  categories: string[];
  thresholdPercent: string;
  expertsPerApplication: string;
  certificateValidityMonths: string;
  fees: { byHeadcount: Record<Bracket, string>; returningLaureateDiscountPercent: string };
  /** How results are ranked and published (issue 14): categories, scores in the public record, aggregation. */
  results: { categoriesBy: 'none' | 'headcount' | 'types'; publishScores: boolean; aggregation: 'mean' | 'median' };
  /** Who signs the certificates (issue 15): none until the organizer adds them; sent only when some are given. */
  certificates: { signatories: { name: string; role: string }[] };
}

const byBracket = (value: (b: Bracket) => string) =>
  Object.fromEntries(headcountBrackets.map((b) => [b, value(b)])) as Record<Bracket, string>;

export function settingsToValues(s: EditionSettings): SettingsValues {
  return {
    name: s.name,
    number: s.number,
    year: String(s.year),
    description: { pl: s.description?.pl ?? '', en: s.description?.en ?? '' },
    timeline: Object.fromEntries(
      timelineKeys.map((k) => [k, toWarsawInput(s.timeline[k])]),
    ) as SettingsValues['timeline'],
    categories: [...s.categories],
    thresholdPercent: String(s.thresholdPercent),
    expertsPerApplication: String(s.expertsPerApplication),
    certificateValidityMonths: String(s.certificateValidityMonths),
    fees: {
      byHeadcount: byBracket((b) => String(s.fees.byHeadcount[b])),
      returningLaureateDiscountPercent: String(s.fees.returningLaureateDiscountPercent),
    },
    results: (() => {
      const r = resultsSettingsOf(s);
      return { categoriesBy: r.categories.by, publishScores: r.publishScores, aggregation: r.aggregation };
    })(),
    certificates: { signatories: (s.certificates?.signatories ?? []).map(({ name, role }) => ({ name, role })) },
  };
}

/** Defaults of a new edition: the usual fee table, all categories, applications open for a month. */
export function defaultSettingsValues(): SettingsValues {
  const fees = defaultFees();
  return {
    name: 'Przyjazny Urząd',
    number: '',
    year: String(new Date().getFullYear()),
    description: { pl: '', en: '' },
    timeline: {
      applicationsOpen: warsawInputInDays(1, '08:00'),
      applicationsClose: warsawInputInDays(60, '23:59'),
      reviewStart: warsawInputInDays(61, '08:00'),
      reviewEnd: warsawInputInDays(90, '23:59'),
      resultsDate: warsawInputInDays(105, '12:00'),
    },
    categories: [...institutionTypes],
    thresholdPercent: '75',
    expertsPerApplication: '3',
    certificateValidityMonths: '12',
    fees: {
      byHeadcount: byBracket((b) => String(fees.byHeadcount[b])),
      returningLaureateDiscountPercent: String(fees.returningLaureateDiscountPercent),
    },
    results: { categoriesBy: 'none', publishScores: false, aggregation: 'mean' },
    certificates: { signatories: [] },
  };
}

/**
 * Ranking by institution type: one category per chosen type, named in both languages (the public
 * record names categories in Polish and English whatever the organizer's language).
 */
function typeGroups(types: readonly (typeof institutionTypes)[number][]) {
  const pl = i18n.getFixedT('pl');
  const en = i18n.getFixedT('en');
  return types.map((type) => ({
    code: type,
    name: { pl: pl(`institutionType.${type}`), en: en(`institutionType.${type}`) },
    types: [type],
  }));
}

export function valuesToSettings(v: SettingsValues): EditionSettings {
  const descPl = v.description.pl.trim();
  const descEn = v.description.en.trim();
  return {
    name: v.name.trim(),
    number: v.number.trim(),
    year: parseNumber(v.year),
    ...(descPl || descEn ? { description: descEn ? { pl: descPl, en: descEn } : { pl: descPl } } : {}),
    timeline: Object.fromEntries(
      timelineKeys.map((k) => [k, fromWarsawInput(v.timeline[k])]),
    ) as EditionSettings['timeline'],
    categories: institutionTypes.filter((c) => v.categories.includes(c)),
    thresholdPercent: parseNumber(v.thresholdPercent),
    expertsPerApplication: parseNumber(v.expertsPerApplication),
    certificateValidityMonths: parseNumber(v.certificateValidityMonths),
    fees: {
      byHeadcount: Object.fromEntries(
        headcountBrackets.map((b) => [b, parseNumber(v.fees.byHeadcount[b])]),
      ) as EditionSettings['fees']['byHeadcount'],
      returningLaureateDiscountPercent: parseNumber(v.fees.returningLaureateDiscountPercent),
    },
    results: {
      categories:
        v.results.categoriesBy === 'types'
          ? { by: 'types', groups: typeGroups(institutionTypes.filter((c) => v.categories.includes(c))) }
          : { by: v.results.categoriesBy },
      publishScores: v.results.publishScores,
      aggregation: v.results.aggregation,
    },
    ...(v.certificates.signatories.length > 0
      ? { certificates: { signatories: v.certificates.signatories.map(({ name, role }) => ({ name, role })) } }
      : {}),
  };
}

/** Checked with the server's settings schema before anything is sent. */
export const settingsResolver = apiResolver(EditionSettings, valuesToSettings);

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
  form: ApiForm<SettingsValues, EditionSettings>;
  onSubmit: (settings: EditionSettings) => Promise<void>;
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
        <CheckboxGroupField
          name="categories"
          legend={t('editions.settings.categories')}
          options={institutionTypes.map((c) => ({ value: c, label: t(`institutionType.${c}`) }))}
          className=""
        />
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
          <legend>{t('editions.settings.results')}</legend>
          <SelectField
            name="results.categoriesBy"
            label={t('editions.settings.categoriesBy')}
            hint={t('editions.settings.categoriesByHint')}
            options={(['none', 'headcount', 'types'] as const).map((v) => ({
              value: v,
              label: t(`editions.settings.categoriesByOption.${v}`),
            }))}
          />
          <SelectField
            name="results.aggregation"
            label={t('editions.settings.aggregation')}
            hint={t('editions.settings.aggregationHint')}
            options={(['mean', 'median'] as const).map((v) => ({
              value: v,
              label: t(`editions.settings.aggregationOption.${v}`),
            }))}
          />
          <CheckboxField
            name="results.publishScores"
            label={t('editions.settings.publishScores')}
            hint={t('editions.settings.publishScoresHint')}
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
        <SignatoriesFields />
      </fieldset>
      {!lockedReason && <SubmitButton>{submitLabel}</SubmitButton>}
    </Form>
  );
}
