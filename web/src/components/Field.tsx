import type { InputHTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorOf, fieldId, useFormContext } from './form';

interface Common {
  /** The API's field path (`institution.address.postalCode`): the value key and where its error comes from. */
  name: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
}

/** Label, hint, the API's message for this field, and the control wired to them (aria-invalid, aria-describedby). */
function useField({ name, label, hint }: Common) {
  const form = useFormContext();
  form.labels.set(name, label);
  const id = fieldId(form.id, name);
  const error = errorOf(form, name);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return {
    form,
    id,
    error,
    control: { id, name, 'aria-invalid': error ? (true as const) : undefined, 'aria-describedby': describedBy },
  };
}

/** The label, hint and error around one control; every form of the SPA lays out fields with it. */
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
      {error && (
        <p className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

type TextProps = Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'value' | 'onChange' | 'id'>;

export function TextField({ name, label, hint, required = true, ...input }: TextProps) {
  const { form, id, error, control } = useField({ name, label, hint });
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <input
        type="text"
        {...input}
        {...control}
        required={required}
        value={form.values[name] ?? ''}
        onChange={(e) => form.setValue(name, e.target.value)}
      />
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
  options,
  placeholder,
}: Common & { options: readonly Option[]; placeholder?: string }) {
  const { form, id, error, control } = useField({ name, label, hint });
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <select
        {...control}
        required={required}
        value={form.values[name] ?? ''}
        onChange={(e) => form.setValue(name, e.target.value)}
      >
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

/** A multi-line field of a <Form>, wired like TextField. */
export function TextAreaField({
  name,
  label,
  hint,
  required = true,
  rows = 4,
  lang,
}: Common & { rows?: number; lang?: string }) {
  const { form, id, error, control } = useField({ name, label, hint });
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <textarea
        {...control}
        rows={rows}
        lang={lang}
        required={required}
        value={form.values[name] ?? ''}
        onChange={(e) => form.setValue(name, e.target.value)}
      />
    </FieldShell>
  );
}
