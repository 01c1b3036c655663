import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import {
  FormProvider,
  useForm,
  type FieldErrors,
  type FieldValues,
  type UseFormProps,
  type UseFormReturn,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../components/ErrorBox';
import { fieldsError, toFormError, type FormError } from './errors';
import { flattenFieldErrors } from './validation';

/**
 * Every form of the SPA: react-hook-form holds the values (nested like the API's bodies, so a field's
 * name is the API's field path and the server's field messages land on it 1:1); this layer adds what
 * the app shows around them — one error summary that takes focus after each failed submit (from the
 * zod check before sending or from the server), a status line, and one submit at a time.
 */
export interface FormMeta {
  id: string;
  error: FormError | null;
  setError: (error: FormError | null) => void;
  /** Increases on every failed submit, so the summary takes focus again even for the same error. */
  failures: number;
  busy: boolean;
  status: string;
  setStatus: (status: string) => void;
  /** Runs one action at a time: a second click while a request runs is ignored, nothing is lost. */
  run: (action: () => Promise<void>) => Promise<void>;
  /** Field labels by name, registered as fields render, for the summary's links. */
  labels: Map<string, string>;
}

export interface ApiForm<TValues extends FieldValues, TOutput = TValues> {
  meta: FormMeta;
  methods: UseFormReturn<TValues, unknown, TOutput>;
  /** Validates (the resolver, when the form has one) and then runs `onValid` with the checked values. */
  submit: (onValid: (values: TOutput) => Promise<void>) => Promise<void>;
}

export function useApiForm<TValues extends FieldValues, TOutput = TValues>(
  id: string,
  props: UseFormProps<TValues, unknown, TOutput> = {},
): ApiForm<TValues, TOutput> {
  // Errors are shown as the submit found them (not re-checked while typing), and focus goes to the
  // summary, not the first field: the summary says what is wrong and links to each field.
  const methods = useForm<TValues, unknown, TOutput>({ reValidateMode: 'onSubmit', shouldFocusError: false, ...props });
  const [error, setErrorState] = useState<FormError | null>(null);
  const [failures, setFailures] = useState(0);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const running = useRef(false);
  const labels = useRef(new Map<string, string>()).current;

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

  const { handleSubmit } = methods;
  const submit = useCallback(
    (onValid: (values: TOutput) => Promise<void>) =>
      run(() =>
        handleSubmit(onValid, (errors: FieldErrors<TValues>) => setError(fieldsError(flattenFieldErrors(errors))))(),
      ),
    [run, handleSubmit, setError],
  );

  const meta = useMemo(
    () => ({ id, error, setError, failures, busy, status, setStatus, run, labels }),
    [id, error, setError, failures, busy, status, run, labels],
  );
  return { meta, methods, submit };
}

const MetaContext = createContext<FormMeta | null>(null);

export function useFormMeta(): FormMeta {
  const meta = useContext(MetaContext);
  if (!meta) throw new Error('A field outside <FormScope>');
  return meta;
}

/** The form's values and its meta for the fields inside, without a <form> element (the builders save with a button). */
export function FormScope<TValues extends FieldValues, TOutput>({
  form,
  children,
}: {
  form: ApiForm<TValues, TOutput>;
  children: ReactNode;
}) {
  return (
    <FormProvider {...form.methods}>
      <MetaContext.Provider value={form.meta}>{children}</MetaContext.Provider>
    </FormProvider>
  );
}

/** The DOM id of a field: the form's id and the field's path (`profile-address-city`). */
export const fieldId = (formId: string, name: string) => `${formId}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** The message for a field: its own path's, or one about a part of it (`expertise.2` for `expertise`). */
export const errorOf = (error: FormError | null, name: string): string | undefined =>
  Object.entries(error?.fields ?? {}).find(([path]) => path === name || path.startsWith(`${name}.`))?.[1];

interface FormProps<TValues extends FieldValues, TOutput> {
  form: ApiForm<TValues, TOutput>;
  onSubmit: (values: TOutput) => Promise<void>;
  children: ReactNode;
  /** Shown under the summary for particular error codes (e.g. "resend the confirmation link"). */
  errorActions?: ReactNode;
  labelledBy?: string;
  /** The status line's text when the form's page says it (a search: "sending…", "12 found"). */
  statusText?: string;
}

export function Form<TValues extends FieldValues, TOutput>({
  form,
  onSubmit,
  children,
  errorActions,
  labelledBy,
  statusText,
}: FormProps<TValues, TOutput>) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(onSubmit);
  };
  return (
    <FormScope form={form}>
      <form id={form.meta.id} noValidate onSubmit={submit} aria-labelledby={labelledBy} aria-busy={form.meta.busy}>
        <ErrorSummary>{errorActions}</ErrorSummary>
        {children}
        <FormStatus text={statusText} />
      </form>
    </FormScope>
  );
}

/** "Sending…" while the form's request runs, then what the last submit did. */
export function FormStatus({ busyText, text }: { busyText?: string; text?: string }) {
  const { t } = useTranslation();
  const { busy, status } = useFormMeta();
  return (
    <p role="status" className="form-status">
      {busy ? (busyText ?? t('form.sending')) : (text ?? status)}
    </p>
  );
}

/** The nearest element of a field path that is on the page (`areas.0.criteria` for `areas.0.criteria.2`). */
function targetOf(formId: string, path: string): HTMLElement | null {
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const element = document.getElementById(fieldId(formId, p));
    if (element) return element;
  }
  return null;
}

/** The registered label of a path's field, or of the field holding it (`expertise.2` → `expertise`). */
function labelOf(labels: Map<string, string>, path: string): string | undefined {
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const label = labels.get(p);
    if (label) return label;
  }
  return undefined;
}

/**
 * The list of what went wrong, focused after each failed submit; each field message links to its
 * input. `describe` names a field by its path where labels repeat (the builders: "Obszar 2 › Kod").
 */
export function ErrorSummary({
  children,
  headingLevel = 2,
  describe,
}: {
  children?: ReactNode;
  headingLevel?: 2 | 3;
  describe?: (path: string) => string;
}) {
  const { t } = useTranslation();
  const { id, error, failures, labels } = useFormMeta();
  if (!error) return null;
  const headingId = `${id}-error-title`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const focusField = (path: string) => (event: MouseEvent) => {
    event.preventDefault();
    targetOf(id, path)?.focus();
  };
  return (
    <ErrorBox headingId={headingId} heading={<Heading id={headingId}>{t('form.problem')}</Heading>} focusKey={failures}>
      <p>{error.message}</p>
      {Object.keys(error.fields).length > 0 && (
        <ul>
          {Object.entries(error.fields).map(([path, message]) => {
            const label = describe?.(path) ?? labelOf(labels, path);
            return (
              <li key={path}>
                {label ? (
                  <a href={`#${fieldId(id, path)}`} onClick={focusField(path)}>
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
    </ErrorBox>
  );
}

export function SubmitButton({ children }: { children: ReactNode }) {
  const { busy } = useFormMeta();
  // aria-disabled rather than disabled: the button keeps focus while the request runs.
  return (
    <button type="submit" className="primary" aria-disabled={busy || undefined}>
      {children}
    </button>
  );
}
