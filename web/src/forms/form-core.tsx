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
import { ErrorBox } from '../components/ErrorBox';
import { useTranslation } from '../translation';
import { toFormError, type FormError } from './errors';

/**
 * What every form of the SPA shows around its fields, whoever holds the values (react-hook-form in
 * form.tsx, or simple-form.tsx's plain inputs on the public pages, which a first visit loads — issue 17):
 * one error summary that takes focus after each failed submit (from a check before sending or from the
 * server), a status line, and one submit at a time. Nothing here imports react-hook-form.
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

/** The form's state besides its values: the error, the status line, one action at a time. */
export function useFormMetaState(id: string): FormMeta {
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

  return useMemo(
    () => ({ id, error, setError, failures, busy, status, setStatus, run, labels }),
    [id, error, setError, failures, busy, status, run, labels],
  );
}

/**
 * What a field spreads on its control to be part of the form's values (react-hook-form's `register(name)`
 * has this shape; simple-form.tsx's too).
 */
export interface FieldRegistration {
  name: string;
  onChange: (event: { target: unknown; type?: unknown }) => unknown;
  onBlur: (event: { target: unknown; type?: unknown }) => unknown;
  ref: (instance: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null) => void;
  defaultValue?: string;
}
export type Register = (name: string) => FieldRegistration;

export const MetaContext = createContext<FormMeta | null>(null);
export const RegisterContext = createContext<Register | null>(null);

export function useFormMeta(): FormMeta {
  const meta = useContext(MetaContext);
  if (!meta) throw new Error('A field outside <FormScope>');
  return meta;
}

/** How the fields inside a form join its values. */
export function useRegister(): Register {
  const register = useContext(RegisterContext);
  if (!register) throw new Error('A field outside <FormScope>');
  return register;
}

/** The DOM id of a field: the form's id and the field's path (`profile-address-city`). */
export const fieldId = (formId: string, name: string) => `${formId}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** The message for a field: its own path's, or one about a part of it (`expertise.2` for `expertise`). */
export const errorOf = (error: FormError | null, name: string): string | undefined =>
  Object.entries(error?.fields ?? {}).find(([path]) => path === name || path.startsWith(`${name}.`))?.[1];

/** The <form> element of every form: the summary first, the fields, the status line last. */
export function FormFrame({
  meta,
  register,
  onSubmit,
  children,
  errorActions,
  labelledBy,
  statusText,
  sectionOf,
}: {
  meta: FormMeta;
  register: Register;
  onSubmit: () => void;
  children: ReactNode;
  /** Shown under the summary for particular error codes (e.g. "resend the confirmation link"). */
  errorActions?: ReactNode;
  labelledBy?: string;
  /** The status line's text when the form's page says it (a search: "sending…", "12 found"). */
  statusText?: string;
  /** The section (fieldset) of a field path: the summary then lists errors under their sections. */
  sectionOf?: (path: string) => string | undefined;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <MetaContext.Provider value={meta}>
      <RegisterContext.Provider value={register}>
        <form id={meta.id} noValidate onSubmit={submit} aria-labelledby={labelledBy} aria-busy={meta.busy}>
          <ErrorSummary sectionOf={sectionOf}>{errorActions}</ErrorSummary>
          {children}
          <FormStatus text={statusText} />
        </form>
      </RegisterContext.Provider>
    </MetaContext.Provider>
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
/**
 * Dispatched (bubbling) on a field the error summary is about to focus: a part of the form that
 * folds its fields away (RubricBuilder's areas) listens and opens synchronously (flushSync), so the
 * focus lands on a visible field even after the person folded the area again.
 */
export const REVEAL_EVENT = 'form:reveal';

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
 * Field errors by section, sections and fields in the form's order (the order the fields registered
 * their labels as they rendered); errors of fields without a label come last.
 */
export function groupBySection(
  paths: readonly string[],
  sectionOf: (path: string) => string | undefined,
  labels: Map<string, string>,
): { section: string; paths: string[] }[] {
  const order = [...labels.keys()];
  const rank = (path: string) => {
    const i = order.findIndex((name) => path === name || path.startsWith(`${name}.`));
    return i < 0 ? order.length : i;
  };
  const groups = new Map<string, string[]>();
  for (const path of [...paths].sort((a, b) => rank(a) - rank(b))) {
    const section = sectionOf(path) ?? '';
    groups.set(section, [...(groups.get(section) ?? []), path]);
  }
  return [...groups].map(([section, inSection]) => ({ section, paths: inSection }));
}

/**
 * The list of what went wrong, focused after each failed submit; each field message links to its
 * input. `describe` names a field by its path where labels repeat (the builders: "Obszar 2 › Kod");
 * `sectionOf` lists the errors under their sections instead (registration: "Osoba do kontaktu").
 */
export function ErrorSummary({
  children,
  headingLevel = 2,
  describe,
  sectionOf,
}: {
  children?: ReactNode;
  headingLevel?: 2 | 3;
  describe?: (path: string) => string;
  sectionOf?: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { id, error, failures, labels } = useFormMeta();
  if (!error) return null;
  const headingId = `${id}-error-title`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const focusField = (path: string) => (event: MouseEvent) => {
    event.preventDefault();
    const target = targetOf(id, path);
    // A field folded away (a closed rubric area) is asked to show itself first: see REVEAL_EVENT.
    target?.dispatchEvent(new Event(REVEAL_EVENT, { bubbles: true }));
    target?.focus();
  };
  /** One error: a link to its field; the section repeated for screen readers' list of links. */
  const item = (path: string, message: string, section?: string) => {
    const label = describe?.(path) ?? labelOf(labels, path);
    if (!label) return message;
    return (
      <a href={`#${fieldId(id, path)}`} onClick={focusField(path)}>
        {label}
        {section && <span className="visually-hidden"> ({section})</span>}: {message}
      </a>
    );
  };
  return (
    <ErrorBox headingId={headingId} heading={<Heading id={headingId}>{t('form.problem')}</Heading>} focusKey={failures}>
      <p>{error.message}</p>
      {Object.keys(error.fields).length > 0 &&
        (sectionOf ? (
          <ul className="error-sections">
            {groupBySection(Object.keys(error.fields), sectionOf, labels).map(({ section, paths }) => (
              <li key={section}>
                {section && <span className="error-section">{section}</span>}
                <ul>
                  {paths.map((path) => (
                    <li key={path}>{item(path, error.fields[path] ?? '', section)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        ) : (
          <ul>
            {Object.entries(error.fields).map(([path, message]) => (
              <li key={path}>{item(path, message)}</li>
            ))}
          </ul>
        ))}
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
