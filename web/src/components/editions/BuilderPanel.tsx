import type { ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import { useTranslation } from '../../translation';
import { ErrorSummary, FormScope, FormStatus, type ApiForm } from '../../forms/form';
import { describePath } from './builder';

/**
 * A builder tab (rubric, questionnaire): the lock notice, the error summary (paths in words, and a
 * reload for a stale version or a state change — the draft stays until then), the builder in a
 * fieldset that locks with the edition's state, and the save button with its status. No <form>:
 * Enter in a field does not save half a rubric.
 */
export function BuilderPanel<TValues extends FieldValues, TOutput>({
  form,
  locked,
  lockedText,
  saveLabel,
  onSave,
  onReload,
  children,
}: {
  form: ApiForm<TValues, TOutput>;
  locked: boolean;
  lockedText: string;
  saveLabel: string;
  onSave: () => void;
  onReload: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const code = form.meta.error?.code;
  return (
    <FormScope form={form}>
      {locked && <p className="notice">{lockedText}</p>}
      <ErrorSummary headingLevel={3} describe={(path) => describePath(path, t)}>
        {(code === 'STALE_VERSION' || code === 'INVALID_STATE') && (
          <p>
            {t('editions.reloadExplain')}{' '}
            <button type="button" onClick={onReload}>
              {t('editions.reload')}
            </button>
          </p>
        )}
      </ErrorSummary>
      {children}
      <div className="ed-savebar">
        {!locked && (
          <button type="button" className="primary" aria-disabled={form.meta.busy || undefined} onClick={onSave}>
            {saveLabel}
          </button>
        )}
        <FormStatus busyText={t('editions.saving')} />
      </div>
    </FormScope>
  );
}
