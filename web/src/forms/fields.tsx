import type { InputHTMLAttributes, ReactNode } from 'react';
import { useTranslation } from '../translation';
import { errorOf, fieldId, useFormMeta, useRegister } from './form-core';

/**
 * The field components of every form: each is named by the API's field path (`address.postalCode`),
 * takes its id from the form's id and that path, registers its label for the error summary, and shows
 * the message the summary holds for it (aria-invalid, aria-describedby).
 */
interface Common {
  name: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  /** A class for the field's wrapper (the builders lay fields out in rows with it). */
  shellClassName?: string;
}

function useField(name: string, label: string, hint: ReactNode) {
  const meta = useFormMeta();
  const register = useRegister();
  meta.labels.set(name, label);
  const id = fieldId(meta.id, name);
  const error = errorOf(meta.error, name);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return {
    id,
    error,
    control: {
      ...register(name),
      id,
      'aria-invalid': error ? (true as const) : undefined,
      'aria-describedby': describedBy,
    },
  };
}

/** The label, hint and error around one control. */
export function FieldShell({
  id,
  label,
  hint,
  error,
  required,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error: string | undefined;
  required?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const classes = ['field', error ? 'field-error' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <label htmlFor={id}>
        {label}
        {!required && <span className="optional"> {t('form.optional')}</span>}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <ErrorText id={`${id}-error`} message={error} />
      {children}
    </div>
  );
}

/** A field's message, read with its control through aria-describedby. */
export function ErrorText({ id, message }: { id: string; message: string | undefined }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <p className="error-message" id={id}>
      <span className="visually-hidden">{t('form.errorPrefix')} </span>
      {message}
    </p>
  );
}

type TextProps = Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'value' | 'onChange' | 'id'>;

export function TextField({ name, label, hint, required = true, shellClassName, ...input }: TextProps) {
  const { id, error, control } = useField(name, label, hint);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required} className={shellClassName}>
      <input type="text" {...input} {...control} required={required} />
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  name,
  label,
  hint,
  required = true,
  shellClassName,
  options,
  placeholder,
}: Common & { options: readonly Option[]; placeholder?: string }) {
  const { id, error, control } = useField(name, label, hint);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required} className={shellClassName}>
      <select {...control} required={required}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  required = true,
  shellClassName,
  rows = 4,
  maxLength,
  lang,
}: Common & { rows?: number; maxLength?: number; lang?: string }) {
  const { id, error, control } = useField(name, label, hint);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required} className={shellClassName}>
      <textarea {...control} rows={rows} maxLength={maxLength} lang={lang} required={required} />
    </FieldShell>
  );
}

/** One checkbox holding a boolean. */
export function CheckboxField({ name, label, hint }: { name: string; label: string; hint?: ReactNode }) {
  const { id, error, control } = useField(name, label, hint);
  return (
    <div className={`ed-check${error ? ' field-error' : ''}`}>
      <input type="checkbox" {...control} />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="error-message" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** Checkboxes under one legend holding the chosen values as a list, in the options' order. */
export function CheckboxGroupField({
  name,
  legend,
  options,
  className = 'as-checks',
}: {
  name: string;
  legend: string;
  options: readonly Option[];
  className?: string;
}) {
  const meta = useFormMeta();
  const register = useRegister();
  meta.labels.set(name, legend);
  const id = fieldId(meta.id, name);
  const error = errorOf(meta.error, name);
  const classes = [className, error ? 'field-error' : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={classes} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {error && (
        <p className="error-message" id={`${id}-error`}>
          {error}
        </p>
      )}
      {options.map((o, i) => {
        // The first box carries the field's id, so the summary's link lands on the group.
        const boxId = i === 0 ? id : `${id}-${o.value}`;
        return (
          <div className="ed-check" key={o.value}>
            <input type="checkbox" id={boxId} value={o.value} {...register(name)} />
            <label htmlFor={boxId}>{o.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
