import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { InferResponseType } from 'hono/client';
import type { ReactNode } from 'react';
import type { ConflictReason } from '../../../../shared/chapter/chapter';
import { api } from '../../api';
import { errorOf, fieldId, useFormContext } from '../form';

/**
 * What the chapter, conflict, assignment and expert screens share: the API's response types (taken
 * from the routes, never redeclared), reasons in words, an offset pager and checkbox fields for <Form>.
 */
type EditionApi = (typeof api.api.editions)[':editionId'];
type ExpertApi = (typeof api.api.expert.editions)[':editionId'];

export type ChapterMemberRow = InferResponseType<EditionApi['chapter']['$get'], 200>['items'][number];
export type AssignmentSettingsView = InferResponseType<EditionApi['assignment-settings']['$get'], 200>;
export type ConflictPage = InferResponseType<EditionApi['conflicts']['$get'], 200>;
export type Proposal = InferResponseType<EditionApi['assignment']['preview']['$post'], 200>;
export type CurrentAssignment = InferResponseType<EditionApi['assignment']['$get'], 200>;
export type CommitResult = InferResponseType<EditionApi['assignment']['commit']['$post'], 200>;
export type ExpertEdition = InferResponseType<typeof api.api.expert.editions.$get, 200>['items'][number];
export type MyAssignments = InferResponseType<ExpertApi['assignments']['$get'], 200>;
export type BiddingPage = InferResponseType<ExpertApi['bidding']['$get'], 200>;

/** Every item of a cursor-paged list (bounded at 50 pages of 100), for choosing from it in a form. */
export async function allPages<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; cursor: string | null }>,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 50; i++) {
    const next = await page(cursor);
    out.push(...next.items);
    if (!next.cursor) break;
    cursor = next.cursor;
  }
  return out;
}

/** One reason of a conflict in the UI's language ("ten sam powiat", "zgłoszony przez eksperta: …"). */
export function reasonText(reason: ConflictReason, t: TFunction): string {
  if (reason.source === 'rule') return t(`assignment.rule.${reason.rule}`);
  return t(`assignment.reason.${reason.source}`, { reason: reason.reason });
}

export function Reasons({ reasons }: { reasons: readonly ConflictReason[] }) {
  const { t } = useTranslation();
  if (reasons.length === 1 && reasons[0]) return <>{reasonText(reasons[0], t)}</>;
  return (
    <ul className="as-reasons">
      {reasons.map((r, i) => (
        <li key={i}>{reasonText(r, t)}</li>
      ))}
    </ul>
  );
}

/**
 * "Previous page" / "Next page" and "page 2 of 5" under an offset-paged list, with the look of the
 * cursor Pager: buttons stay in place while a page loads (aria-disabled). Nothing on a single page.
 */
export function OffsetPager({
  offset,
  limit,
  total,
  loading,
  onPage,
}: {
  offset: number;
  limit: number;
  total: number;
  loading: boolean;
  onPage: (offset: number) => void;
}) {
  const { t } = useTranslation();
  if (total <= limit) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <div className="pager">
      {page > 1 && (
        <button
          type="button"
          aria-disabled={loading || undefined}
          onClick={() => !loading && onPage(Math.max(0, offset - limit))}
        >
          {t('assignment.pager.previous')}
        </button>
      )}
      <span className="as-page-of">{t('assignment.pager.pageOf', { page, pages })}</span>
      {page < pages && (
        <button type="button" aria-disabled={loading || undefined} onClick={() => !loading && onPage(offset + limit)}>
          {t('common.nextPage')}
        </button>
      )}
    </div>
  );
}

/** A single checkbox of a <Form>; the value is 'true' or ''. */
export function CheckboxField({ name, label, hint }: { name: string; label: string; hint?: ReactNode }) {
  const form = useFormContext();
  form.labels.set(name, label);
  const id = fieldId(form.id, name);
  const error = errorOf(form, name);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`ed-check${error ? ' field-error' : ''}`}>
      <input
        type="checkbox"
        id={id}
        name={name}
        checked={form.values[name] === 'true'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => form.setValue(name, e.target.checked ? 'true' : '')}
      />
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

/** Several checkboxes under one legend; the value is the chosen options joined by commas. */
export function CheckboxGroupField({
  name,
  legend,
  options,
}: {
  name: string;
  legend: string;
  options: readonly { value: string; label: string }[];
}) {
  const form = useFormContext();
  form.labels.set(name, legend);
  const id = fieldId(form.id, name);
  const error = errorOf(form, name);
  const chosen = new Set((form.values[name] ?? '').split(',').filter(Boolean));
  const toggle = (value: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(value);
    else next.delete(value);
    form.setValue(
      name,
      options
        .map((o) => o.value)
        .filter((v) => next.has(v))
        .join(','),
    );
  };
  return (
    <fieldset
      className={`as-checks${error ? ' field-error' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      {error && (
        <p className="error-message" id={`${id}-error`}>
          {error}
        </p>
      )}
      {options.map((o, i) => (
        <div className="ed-check" key={o.value}>
          <input
            type="checkbox"
            id={i === 0 ? id : `${id}-${o.value}`}
            checked={chosen.has(o.value)}
            onChange={(e) => toggle(o.value, e.target.checked)}
          />
          <label htmlFor={i === 0 ? id : `${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
