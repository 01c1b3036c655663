import { useEffect, useRef, type InputHTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { FormError } from '../form';
import { FieldShell } from '../Field';

/**
 * Inputs of the rubric and questionnaire builders. Each is named by the API's field path
 * (`rubric.areas.0.criteria.1.code`): its id comes from the path, so the server's field messages
 * land next to the input and the error summary can link to it.
 */
export type FieldErrors = Record<string, string>;

export const pathId = (path: string) => `ed-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export const errorFor = (errors: FieldErrors, path: string): string | undefined =>
  errors[path] ?? Object.entries(errors).find(([p]) => p.startsWith(`${path}.`))?.[1];

/** Moves focus once React has rendered the element (after adding, removing or moving an item). */
export function focusSoon(id: string, fallbackId?: string): void {
  window.setTimeout(() => {
    const el = document.getElementById(id) ?? (fallbackId ? document.getElementById(fallbackId) : null);
    el?.focus();
  }, 0);
}

interface Common {
  path: string;
  label: ReactNode;
  errors: FieldErrors;
  hint?: ReactNode;
  optional?: boolean;
}

function Shell({ path, label, errors, hint, optional, children }: Common & { children: ReactNode }) {
  return (
    <FieldShell
      id={pathId(path)}
      label={label}
      hint={hint}
      error={errorFor(errors, path)}
      required={!optional}
      className="ed-field"
    >
      {children}
    </FieldShell>
  );
}

function describedBy(path: string, errors: FieldErrors, hint: ReactNode) {
  const id = pathId(path);
  return [hint ? `${id}-hint` : '', errorFor(errors, path) ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function BInput({
  path,
  label,
  errors,
  hint,
  optional,
  value,
  onChange,
  ...input
}: Common & { value: string; onChange: (v: string) => void } & Omit<
    InputHTMLAttributes<HTMLInputElement>,
    'value' | 'onChange' | 'id'
  >) {
  return (
    <Shell path={path} label={label} errors={errors} hint={hint} optional={optional}>
      <input
        type="text"
        {...input}
        id={pathId(path)}
        value={value}
        required={!optional}
        aria-invalid={errorFor(errors, path) ? true : undefined}
        aria-describedby={describedBy(path, errors, hint)}
        onChange={(e) => onChange(e.target.value)}
      />
    </Shell>
  );
}

export function BTextarea({
  path,
  label,
  errors,
  hint,
  optional,
  value,
  onChange,
  rows = 3,
  maxLength,
}: Common & { value: string; onChange: (v: string) => void; rows?: number; maxLength?: number }) {
  return (
    <Shell path={path} label={label} errors={errors} hint={hint} optional={optional}>
      <textarea
        id={pathId(path)}
        value={value}
        rows={rows}
        maxLength={maxLength}
        required={!optional}
        aria-invalid={errorFor(errors, path) ? true : undefined}
        aria-describedby={describedBy(path, errors, hint)}
        onChange={(e) => onChange(e.target.value)}
      />
    </Shell>
  );
}

export function BSelect({
  path,
  label,
  errors,
  hint,
  value,
  onChange,
  options,
}: Common & { value: string; onChange: (v: string) => void; options: readonly { value: string; label: string }[] }) {
  return (
    <Shell path={path} label={label} errors={errors} hint={hint}>
      <select
        id={pathId(path)}
        value={value}
        aria-invalid={errorFor(errors, path) ? true : undefined}
        aria-describedby={describedBy(path, errors, hint)}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export function BCheck({
  path,
  label,
  checked,
  onChange,
  errors,
}: {
  path: string;
  label: ReactNode;
  checked: boolean;
  onChange: (v: boolean) => void;
  errors?: FieldErrors;
}) {
  const id = pathId(path);
  const error = errors ? errorFor(errors, path) : undefined;
  return (
    <div className="ed-check">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {error && (
        <p className="error-message" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** "Obszar 2 › Kryterium 1 › Kod (PL)" for a field path, so summary entries say where the problem is. */
export function describePath(path: string, t: TFunction): string {
  const segments = path.split('.');
  const parts: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] ?? '';
    const next = segments[i + 1];
    if (
      next !== undefined &&
      /^\d+$/.test(next) &&
      ['areas', 'criteria', 'channels', 'items', 'sections', 'questions', 'options'].includes(seg)
    ) {
      parts.push(t(`editions.where.${seg}`, { n: Number(next) + 1 }));
      i += 1;
    } else if (seg === 'pl' || seg === 'en') {
      parts[parts.length - 1] = `${parts[parts.length - 1] ?? ''} (${seg.toUpperCase()})`;
    } else if (seg !== 'rubric' && seg !== 'questionnaire' && seg !== 'mysteryShopper' && !/^\d+$/.test(seg)) {
      parts.push(t(`editions.fieldName.${seg}`, { defaultValue: seg }));
    }
  }
  return parts.join(' › ');
}

/**
 * The builders' error summary: the server's message, one linked line per field, focused after each
 * failed save; for a stale version (or a state change) it offers to reload — the draft stays until then.
 */
export function BuilderErrors({
  error,
  failures,
  onReload,
  reloadExplain,
}: {
  error: FormError | null;
  failures: number;
  onReload?: () => void;
  reloadExplain?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failures > 0) ref.current?.focus();
  }, [failures]);
  if (!error) return null;
  const headingId = `ed-errors-${failures}`;
  const target = (path: string): string | null => {
    for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
      if (document.getElementById(pathId(p))) return pathId(p);
    }
    return null;
  };
  const canReload = onReload && (error.code === 'STALE_VERSION' || error.code === 'INVALID_STATE');
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="group" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('form.problem')}</h3>
      <p>{error.message}</p>
      {Object.keys(error.fields).length > 0 && (
        <ul>
          {Object.entries(error.fields).map(([path, message]) => (
            <li key={path}>
              <a
                href={`#${pathId(path)}`}
                onClick={(event) => {
                  event.preventDefault();
                  const id = target(path);
                  if (id) document.getElementById(id)?.focus();
                }}
              >
                {describePath(path, t)}: {message}
              </a>
            </li>
          ))}
        </ul>
      )}
      {canReload && (
        <p>
          {reloadExplain ?? t('editions.reloadExplain')}{' '}
          <button type="button" onClick={onReload}>
            {t('editions.reload')}
          </button>
        </p>
      )}
    </div>
  );
}

/** Move up / move down / remove for one item of a list; labels name the item for screen readers. */
export function ItemTools({
  idBase,
  name,
  index,
  count,
  onMove,
  onRemove,
}: {
  idBase: string;
  name: string;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="ed-tools">
      <button type="button" id={`${idBase}-up`} disabled={index === 0} onClick={() => onMove(index, index - 1)}>
        {t('editions.moveUp')}
        <span className="visually-hidden"> — {name}</span>
      </button>
      <button
        type="button"
        id={`${idBase}-down`}
        disabled={index === count - 1}
        onClick={() => onMove(index, index + 1)}
      >
        {t('editions.moveDown')}
        <span className="visually-hidden"> — {name}</span>
      </button>
      <button type="button" className="danger" id={`${idBase}-remove`} onClick={onRemove}>
        {t('editions.remove')}
        <span className="visually-hidden"> — {name}</span>
      </button>
    </div>
  );
}

/** After a move the pressed button may now be disabled (at the top or bottom): then its partner takes focus. */
export function focusMoved(idBase: string, from: number, to: number, count: number): void {
  const up = to < from;
  const blocked = up ? to === 0 : to === count - 1;
  focusSoon(`${idBase}-${up !== blocked ? 'up' : 'down'}`);
}

export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
}

/** A number typed in a field ("12,5" accepted); NaN when blank, so the server names the field. */
export const parseNumber = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s.trim().replace(',', '.')));

let nextKey = 0;
/** A stable React key for a builder item (ids can change while typed). */
export const newKey = () => `k${(nextKey += 1)}`;
