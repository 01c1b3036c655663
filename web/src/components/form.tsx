import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type FormEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import i18n from '../i18n';

/** What a failed submit shows: the summary message and one message per field path (`account.email`). */
export interface FormError {
  code: string;
  message: string;
  fields: Record<string, string>;
}

export const toFormError = (error: unknown): FormError =>
  error instanceof ApiError
    ? { code: error.code, message: error.message, fields: error.fields }
    : { code: 'NETWORK', message: i18n.t('errors.network'), fields: {} };

/** Flat form values keyed by the API's dotted field paths, so server field errors map onto inputs 1:1. */
export type Values = Record<string, string>;

export interface FormState {
  id: string;
  values: Values;
  setValue: (name: string, value: string) => void;
  replaceValues: (values: Values) => void;
  error: FormError | null;
  setError: (error: FormError | null) => void;
  /** Increases on every failed submit, so the summary takes focus again even for the same error. */
  failures: number;
  busy: boolean;
  status: string;
  setStatus: (status: string) => void;
  /** Runs one submit at a time: a second click while the request runs is ignored, nothing is lost. */
  run: (action: () => Promise<void>) => Promise<void>;
  labels: Map<string, string>;
}

export function useForm(id: string, initial: Values = {}): FormState {
  const [values, setValues] = useState<Values>(initial);
  const [error, setErrorState] = useState<FormError | null>(null);
  const [failures, setFailures] = useState(0);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const running = useRef(false);
  const labels = useRef(new Map<string, string>()).current;

  const setValue = useCallback((name: string, value: string) => setValues((v) => ({ ...v, [name]: value })), []);
  const setError = useCallback((e: FormError | null) => {
    setErrorState(e);
    if (e) setFailures((n) => n + 1);
  }, []);
  const run = useCallback(
    async (action: () => Promise<void>) => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      setStatus('');
      setErrorState(null);
      try {
        await action();
      } catch (e) {
        setError(toFormError(e));
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [setError],
  );
  return {
    id,
    values,
    setValue,
    replaceValues: setValues,
    error,
    setError,
    failures,
    busy,
    status,
    setStatus,
    run,
    labels,
  };
}

const FormContext = createContext<FormState | null>(null);

export function useFormContext(): FormState {
  const form = useContext(FormContext);
  if (!form) throw new Error('A field outside <Form>');
  return form;
}

/** The field a message belongs to: its own path, or a field holding it (`expertise.2` → `expertise`). */
export function fieldOf(path: string, labels: Map<string, string>): string | undefined {
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') if (labels.has(p)) return p;
  return undefined;
}

export const errorOf = (form: FormState, name: string): string | undefined =>
  Object.entries(form.error?.fields ?? {}).find(([path]) => path === name || path.startsWith(`${name}.`))?.[1];

export const fieldId = (formId: string, name: string) => `${formId}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

interface FormProps {
  form: FormState;
  onSubmit: () => Promise<void>;
  children: ReactNode;
  /** Shown under the summary for particular error codes (e.g. "resend the confirmation link"). */
  errorActions?: ReactNode;
  labelledBy?: string;
}

export function Form({ form, onSubmit, children, errorActions, labelledBy }: FormProps) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.run(onSubmit);
  };
  return (
    <FormContext.Provider value={form}>
      <form id={form.id} noValidate onSubmit={submit} aria-labelledby={labelledBy} aria-busy={form.busy}>
        <ErrorSummary form={form}>{errorActions}</ErrorSummary>
        {children}
        <p role="status" className="form-status">
          {form.busy ? t('form.sending') : form.status}
        </p>
      </form>
    </FormContext.Provider>
  );
}

/** The list of what went wrong, focused after each failed submit; each field message links to its input. */
function ErrorSummary({ form, children }: { form: FormState; children?: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (form.failures > 0) ref.current?.focus();
  }, [form.failures]);
  const { error } = form;
  if (!error) return null;
  const headingId = `${form.id}-error-title`;
  const focusField = (name: string) => (event: MouseEvent) => {
    event.preventDefault();
    document.getElementById(fieldId(form.id, name))?.focus();
  };
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="group" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('form.problem')}</h2>
      <p>{error.message}</p>
      {Object.keys(error.fields).length > 0 && (
        <ul>
          {Object.entries(error.fields).map(([name, message]) => {
            const field = fieldOf(name, form.labels);
            const label = field && form.labels.get(field);
            return (
              <li key={name}>
                {field && label ? (
                  <a href={`#${fieldId(form.id, field)}`} onClick={focusField(field)}>
                    {label}: {message}
                  </a>
                ) : (
                  message
                )}
              </li>
            );
          })}
        </ul>
      )}
      {children}
    </div>
  );
}

export function SubmitButton({ children }: { children: ReactNode }) {
  const { busy } = useFormContext();
  // aria-disabled rather than disabled: the button keeps focus while the request runs.
  return (
    <button type="submit" className="primary" aria-disabled={busy || undefined}>
      {children}
    </button>
  );
}
