import type { ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from '../../translation';
import { inLanguage } from '../../../../shared/editions/localized';
import type { Area, ChannelChecklist, Criterion } from '../../../../shared/editions/rubric';
import type { SheetTotal } from '../../../../shared/reviews/scoring';
import { tickValues } from '../../../../shared/reviews/sheet';
import { errorOf, fieldId, useFormMeta } from '../../forms/form';
import { ErrorText, TextAreaField, TextField } from '../../forms/fields';
import { currentLanguage } from '../../i18n';
import type * as z from 'zod/mini';
import type { SheetValues } from './sheet-values';

type Checklist = z.infer<typeof ChannelChecklist>;

const points = (n: number, lang: string) =>
  new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'pl-PL', { maximumFractionDigits: 3 }).format(n);

/** One criterion: its score (0…max on its step) and, for a score of 0 or the maximum, a justification. */
function CriterionFields({ criterion: c, index }: { criterion: Criterion; index: number }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage();
  const { control } = useFormContext<SheetValues>();
  const raw = useWatch({ control, name: `scores.${index}` }) ?? '';
  const score = raw.trim() === '' ? null : Number(raw.replace(',', '.'));
  const extreme = score === 0 || score === c.maxPoints;
  const name = `${c.code} ${inLanguage(c.name, lang)}`;
  const guidance = c.guidance ? inLanguage(c.guidance, lang) : '';
  return (
    <div className="rv-criterion" data-criterion={c.code}>
      <TextField
        name={`scores.${index}`}
        label={t('scoring.review.criterionScore', { name, max: points(c.maxPoints, i18n.language) })}
        hint={`${t('scoring.review.criterionHint', { step: points(c.step, i18n.language), weight: points(c.weight, i18n.language) })}${guidance ? ` ${guidance}` : ''}`}
        type="number"
        inputMode="decimal"
        min={0}
        max={c.maxPoints}
        step={c.step}
        shellClassName="rv-score"
        required
      />
      {extreme && (
        <TextAreaField
          name={`criterionJustifications.${index}`}
          label={t('scoring.review.criterionJustification', { name })}
          hint={t('scoring.review.criterionJustificationHint')}
          rows={3}
          maxLength={4000}
        />
      )}
    </div>
  );
}

/** An area under its legend: its criteria, its subtotal and its justification. */
export function AreaFields({
  area,
  areaIndex,
  firstCriterion,
  minLength,
  total,
}: {
  area: Area;
  areaIndex: number;
  /** The position of the area's first criterion among all the rubric's criteria. */
  firstCriterion: number;
  minLength: number;
  total: SheetTotal;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage();
  const name = inLanguage(area.name, lang);
  return (
    <fieldset className="rv-area" data-area={area.code}>
      <legend>
        {area.code} {name}
      </legend>
      {area.criteria.map((c, i) => (
        <CriterionFields key={c.code} criterion={c} index={firstCriterion + i} />
      ))}
      <p className="rv-subtotal">
        {t('scoring.review.areaTotal', { points: points(total.byArea[area.code] ?? 0, i18n.language) })}
      </p>
      <TextAreaField
        name={`areaJustifications.${areaIndex}`}
        label={t('scoring.review.areaJustification', { name })}
        hint={t('scoring.review.areaJustificationHint', { min: Math.max(1, minLength) })}
        rows={4}
        maxLength={8000}
      />
    </fieldset>
  );
}

/** One checklist item: met / partly / not met, as three radios under the item's legend. */
function TickGroup({ channel, item, index }: { channel: string; item: Checklist['items'][number]; index: number }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage();
  const meta = useFormMeta();
  const { register } = useFormContext<SheetValues>();
  const name = `contacts.${channel}.ticks.${index}` as const;
  const label = `${item.code} ${inLanguage(item.label, lang)}`;
  meta.labels.set(name, label);
  const id = fieldId(meta.id, name);
  const error = errorOf(meta.error, name);
  return (
    <fieldset className="rv-tick" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>
        {label}{' '}
        <span className="muted">
          ({t('scoring.review.itemPoints', { points: points(item.points, i18n.language) })})
        </span>
      </legend>
      <ErrorText id={`${id}-error`} message={error} />
      <div className="rv-radios">
        {tickValues.map((value, i) => {
          const radioId = i === 0 ? id : `${id}-${value}`;
          return (
            <span key={value} className="rv-radio">
              <input type="radio" id={radioId} value={value} {...register(name as `contacts.visit.ticks.${number}`)} />
              <label htmlFor={radioId}>{t(`scoring.review.tick.${value}`)}</label>
            </span>
          );
        })}
      </div>
    </fieldset>
  );
}

/**
 * A mystery-shopper channel: when the contact happened, what was asked, notes, the contact's evidence
 * files (`children`), and the ticked checklist.
 */
export function ChannelFields({
  checklist,
  total,
  children,
}: {
  checklist: Checklist;
  total: SheetTotal;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const meta = useFormMeta();
  const channel = checklist.channel;
  const channelName = t(`scoring.review.channel.${channel}`);
  const ticksPath = `contacts.${channel}.ticks`;
  meta.labels.set(ticksPath, t('scoring.review.checklist', { channel: channelName }));
  const ticksError = meta.error?.fields[ticksPath];
  const ticksId = fieldId(meta.id, ticksPath);
  return (
    <fieldset className="rv-channel" data-channel={channel}>
      <legend>{channelName}</legend>
      <TextField
        name={`contacts.${channel}.at`}
        label={t('scoring.review.contactAt', { channel: channelName })}
        hint={t('scoring.review.contactAtHint')}
        type="datetime-local"
      />
      <TextAreaField
        name={`contacts.${channel}.asked`}
        label={t('scoring.review.asked', { channel: channelName })}
        rows={2}
        maxLength={2000}
        required={false}
      />
      <TextAreaField
        name={`contacts.${channel}.notes`}
        label={t('scoring.review.notes', { channel: channelName })}
        rows={3}
        maxLength={4000}
        required={false}
      />
      {children}
      <fieldset
        id={ticksId}
        tabIndex={-1}
        className="rv-checklist"
        aria-describedby={ticksError ? `${ticksId}-error` : undefined}
      >
        <legend>{t('scoring.review.checklist', { channel: channelName })}</legend>
        <ErrorText id={`${ticksId}-error`} message={ticksError} />
        {checklist.items.map((item, j) => (
          <TickGroup key={item.code} channel={channel} item={item} index={j} />
        ))}
      </fieldset>
      <p className="rv-subtotal">
        {t('scoring.review.channelPoints', { points: points(total.byChannel[channel] ?? 0, i18n.language) })}
      </p>
    </fieldset>
  );
}

export { points as formatPoints };
