import { type ReactNode, useCallback, useMemo, useRef } from 'react';
import { FormFrame, type FormMeta, type Register, useFormMetaState } from './form-core';

/**
 * The public pages' forms (sign in, forgot / reset password, accept an invitation, resend the e-mail
 * confirmation): a few text fields sent as they are, checked by the server only. They are on a first
 * visit's path, so they hold their values without react-hook-form (issue 17: 13 KB of it on `/login`):
 * the inputs stay uncontrolled, as react-hook-form keeps them, and the values are read from them on
 * submit. The same field components, error summary, status line and ARIA as every other form (form-core.tsx);
 * the server's field messages land on the fields by name.
 */
export interface SimpleFormApi<TValues extends Record<string, string>> {
  meta: FormMeta;
  /** The fields' current values (the defaults for a field not on the page). */
  values: () => TValues;
  register: Register;
  /** Runs `onValid` with the values, one submit at a time; a failure fills the error summary. */
  submit: (onValid: (values: TValues) => Promise<void>) => Promise<void>;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export function useSimpleForm<TValues extends Record<string, string>>(
  id: string,
  defaultValues: TValues,
): SimpleFormApi<TValues> {
  const meta = useFormMetaState(id);
  const defaults = useRef(defaultValues).current;
  const controls = useRef(new Map<string, Control>()).current;

  const values = useCallback(() => {
    const out: Record<string, string> = { ...defaults };
    for (const [name, control] of controls) out[name] = control.value;
    return out as TValues;
  }, [defaults, controls]);

  const register = useCallback<Register>(
    (name) => ({
      name,
      defaultValue: defaults[name] ?? '',
      onChange: () => undefined,
      onBlur: () => undefined,
      ref: (control) => {
        if (control) controls.set(name, control);
        else controls.delete(name);
      },
    }),
    [defaults, controls],
  );

  const { run } = meta;
  const submit = useCallback(
    (onValid: (values: TValues) => Promise<void>) => run(() => onValid(values())),
    [run, values],
  );

  return useMemo(() => ({ meta, values, register, submit }), [meta, values, register, submit]);
}

export function SimpleForm<TValues extends Record<string, string>>({
  form,
  onSubmit,
  ...frame
}: {
  form: SimpleFormApi<TValues>;
  onSubmit: (values: TValues) => Promise<void>;
  children: ReactNode;
  errorActions?: ReactNode;
  labelledBy?: string;
  statusText?: string;
}) {
  return <FormFrame meta={form.meta} register={form.register} onSubmit={() => void form.submit(onSubmit)} {...frame} />;
}
