import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from '../../translation';
import { inLanguage } from '../../../../shared/editions/localized';
import { textLimit, type AnswerValue, type Question } from '../../../../shared/editions/questionnaire';
import type { SurveyChoice } from '../../../../shared/surveys/survey-snapshot';
import { ErrorText } from '../../forms/fields';
import { currentLanguage } from '../../i18n';

/** A survey evidence question holds the chosen survey until the server has taken its snapshot. */
export type Value = AnswerValue | SurveyChoice | null;

/** Element ids of one question: the block the error links jump to, its control, help and error. */
export const ids = (questionId: string) => ({
  block: `q-${questionId}`,
  control: `in-${questionId}`,
  help: `in-${questionId}-help`,
  hint: `in-${questionId}-hint`,
  count: `in-${questionId}-count`,
  error: `in-${questionId}-error`,
});

/** Moves focus to a question's first control (or its block) and brings it into view. */
export function focusQuestion(questionId: string): void {
  const block = document.getElementById(ids(questionId).block);
  if (!block) return;
  const control = block.querySelector<HTMLElement>('input:not([type="hidden"]), textarea, select') ?? block;
  block.scrollIntoView({ block: 'center' });
  control.focus({ preventScroll: true });
}

const describedBy = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(' ') || undefined;

export function RequiredMarker({ required }: { required: boolean }) {
  const { t } = useTranslation();
  return required ? (
    <span className="ap-required"> {t('application.requiredMarker')}</span>
  ) : (
    <span className="optional"> {t('application.optional')}</span>
  );
}

/** What every answerable question's control takes. */
export interface QuestionInputProps {
  question: Question;
  value: Value;
  onChange: (value: Value) => void;
  error: string | undefined;
}

/** One question's control(s), labelled by the question, described by its help, constraints and error. */
export function QuestionInput({ question: q, value, onChange, error }: QuestionInputProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const id = ids(q.id);
  const label = inLanguage(q.label, lang);
  const help = q.help ? inLanguage(q.help, lang) : '';
  const invalid = error ? (true as const) : undefined;

  const helpText = help && (
    <p className="hint" id={id.help}>
      {help}
    </p>
  );
  const errorText = <ErrorText id={id.error} message={error} />;
  const wrap = (children: ReactNode) => (
    <div
      id={id.block}
      tabIndex={-1}
      className={error ? 'ap-question field field-error' : 'ap-question field'}
      data-question={q.id}
    >
      {children}
    </div>
  );

  const controlLabel = (
    <label htmlFor={id.control}>
      {label}
      <RequiredMarker required={q.required} />
    </label>
  );

  switch (q.type) {
    case 'shortText':
    case 'longText': {
      const text = typeof value === 'string' ? value : '';
      const limit = textLimit(q);
      const common = {
        id: id.control,
        value: text,
        'aria-required': q.required || undefined,
        'aria-invalid': invalid,
        'aria-describedby': describedBy(help && id.help, id.count, error && id.error),
      };
      return wrap(
        <>
          {controlLabel}
          {helpText}
          {errorText}
          {q.type === 'longText' ? (
            <textarea {...common} rows={8} onChange={(e) => onChange(e.target.value)} />
          ) : (
            <input {...common} type="text" onChange={(e) => onChange(e.target.value)} />
          )}
          <CharCounter id={id.count} count={[...text].length} limit={limit} />
        </>,
      );
    }
    case 'number': {
      const hint =
        q.min !== undefined && q.max !== undefined
          ? t('application.numberRange', { min: q.min, max: q.max })
          : q.min !== undefined
            ? t('application.numberMin', { min: q.min })
            : q.max !== undefined
              ? t('application.numberMax', { max: q.max })
              : '';
      const whole = q.decimals ? '' : t('application.wholeNumber');
      return wrap(
        <>
          {controlLabel}
          {helpText}
          <p className="hint" id={id.hint}>
            {[hint, whole].filter(Boolean).join(' ')}
          </p>
          {errorText}
          <NumberInput
            id={id.control}
            value={value}
            min={q.min}
            max={q.max}
            step={q.decimals ? 'any' : '1'}
            required={q.required}
            invalid={invalid}
            describedBy={describedBy(help && id.help, id.hint, error && id.error)}
            onChange={onChange}
          />
        </>,
      );
    }
    case 'date':
      return wrap(
        <>
          {controlLabel}
          {helpText}
          {/* No "RRRR-MM-DD" hint: the browser's date picker shows its own, localized format. */}
          {errorText}
          <input
            id={id.control}
            type="date"
            className="ap-date"
            value={typeof value === 'string' ? value : ''}
            required={q.required}
            aria-invalid={invalid}
            aria-describedby={describedBy(help && id.help, error && id.error)}
            onChange={(e) => onChange(e.target.value || null)}
          />
        </>,
      );
    case 'yesNo':
    case 'singleChoice': {
      const options =
        q.type === 'yesNo'
          ? [
              { key: 'yes', value: true as Value, label: t('application.yes') },
              { key: 'no', value: false as Value, label: t('application.no') },
            ]
          : (q.options ?? []).map((o) => ({ key: o.value, value: o.value as Value, label: inLanguage(o.label, lang) }));
      return wrap(
        <fieldset className="ap-choices" aria-describedby={describedBy(help && id.help, error && id.error)}>
          <legend>
            {label}
            <RequiredMarker required={q.required} />
          </legend>
          {helpText}
          {errorText}
          {options.map((o, i) => (
            <div className="ap-choice" key={o.key}>
              <input
                type="radio"
                id={i === 0 ? id.control : `${id.control}-${o.key}`}
                name={id.control}
                checked={value === o.value}
                aria-invalid={invalid}
                onChange={() => onChange(o.value)}
              />
              <label htmlFor={i === 0 ? id.control : `${id.control}-${o.key}`}>{o.label}</label>
            </div>
          ))}
          {!q.required && value !== null && value !== undefined && (
            <button type="button" className="link" onClick={() => onChange(null)}>
              {t('application.clearChoice')}
              <span className="visually-hidden">: {label}</span>
            </button>
          )}
        </fieldset>,
      );
    }
    case 'multipleChoice': {
      const chosen = Array.isArray(value) ? value : [];
      const toggle = (option: string, on: boolean) => {
        const order = (q.options ?? []).map((o) => o.value);
        const next = on ? [...new Set([...chosen, option])] : chosen.filter((v) => v !== option);
        next.sort((a, b) => order.indexOf(a) - order.indexOf(b));
        onChange(next.length > 0 ? next : null);
      };
      return wrap(
        <fieldset className="ap-choices" aria-describedby={describedBy(help && id.help, id.hint, error && id.error)}>
          <legend>
            {label}
            <RequiredMarker required={q.required} />
          </legend>
          {helpText}
          <p className="hint" id={id.hint}>
            {t('application.chooseMany')}
          </p>
          {errorText}
          {(q.options ?? []).map((o, i) => (
            <div className="ap-choice" key={o.value}>
              <input
                type="checkbox"
                id={i === 0 ? id.control : `${id.control}-${o.value}`}
                name={id.control}
                value={o.value}
                checked={chosen.includes(o.value)}
                aria-invalid={invalid}
                onChange={(e) => toggle(o.value, e.target.checked)}
              />
              <label htmlFor={i === 0 ? id.control : `${id.control}-${o.value}`}>{inLanguage(o.label, lang)}</label>
            </div>
          ))}
        </fieldset>,
      );
    }
    case 'file':
      return null; // FileQuestion renders these
    case 'surveyResults':
      return null; // SurveyEvidenceQuestion renders these
  }
}

/**
 * A number input that keeps what is typed ("1," or "-") while the stored answer is a number: the
 * text is shown as typed, the answer changes only when the text parses.
 */
function NumberInput({
  id,
  value,
  min,
  max,
  step,
  required,
  invalid,
  describedBy: described,
  onChange,
}: {
  id: string;
  value: Value;
  min?: number;
  max?: number;
  step: string;
  required: boolean;
  invalid?: true;
  describedBy?: string;
  onChange: (v: Value) => void;
}) {
  const [text, setText] = useState(typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '');
  const last = useRef(value);
  useEffect(() => {
    // A value from outside (loading the saved version) replaces the text.
    if (value !== last.current) {
      last.current = value;
      setText(typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '');
    }
  }, [value]);
  return (
    <input
      id={id}
      type="text"
      inputMode={step === 'any' ? 'decimal' : 'numeric'}
      className="short"
      value={text}
      aria-required={required || undefined}
      aria-invalid={invalid}
      aria-describedby={described}
      data-min={min}
      data-max={max}
      onChange={(e) => {
        const raw = e.target.value;
        setText(raw);
        const trimmed = raw.trim().replace(',', '.');
        const next: Value = trimmed === '' ? null : /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : raw;
        last.current = next;
        onChange(next);
      }}
    />
  );
}

/**
 * "123 / 3000" next to the field, read with it (aria-describedby). Screen readers are told the count
 * only after typing pauses and only near the limit, never on every keystroke.
 */
function CharCounter({ id, count, limit }: { id: string; count: number; limit: number }) {
  const { t } = useTranslation();
  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    if (count < limit * 0.9) {
      setAnnounced('');
      return;
    }
    const timer = setTimeout(() => setAnnounced(t('application.charCountLong', { count, limit })), 1500);
    return () => clearTimeout(timer);
  }, [count, limit, t]);
  return (
    <>
      <p id={id} className={count > limit ? 'ap-counter ap-counter-over' : 'ap-counter'}>
        {t('application.charCount', { count, limit })}
      </p>
      <span className="visually-hidden" aria-live="polite">
        {announced}
      </span>
    </>
  );
}
