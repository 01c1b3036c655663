import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../translation';
import { fieldsError, toFormError, type FormError } from '../../forms/errors';
import { usePairEdit, type CurrentAssignment, type PairEdit } from '../../queries/assignment';

export type AppRow = CurrentAssignment['applications'][number];

/** Adding an expert to one application, or replacing one of its experts; refusals are shown at the control they concern. */
export function PairEditor({
  editionId,
  app,
  experts,
  k,
  onEdited,
}: {
  editionId: string;
  app: AppRow;
  experts: CurrentAssignment['experts'];
  k: number;
  onEdited: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [addUser, setAddUser] = useState('');
  const [from, setFrom] = useState(app.experts[0]?.userId ?? '');
  const [to, setTo] = useState('');
  const [error, setError] = useState<{ form: 'add' | 'swap'; error: FormError } | null>(null);
  const pairEdit = usePairEdit(editionId);
  const busy = pairEdit.isPending;
  const alertRef = useRef<HTMLDivElement>(null);
  const base = `as-${app.applicationId}`;
  const onApp = new Set(app.experts.map((x) => x.userId));
  const others = experts
    .filter((x) => !onApp.has(x.userId))
    .map((x) => ({
      value: x.userId,
      label: t('assignment.edit.expertOption', { name: x.displayName, load: x.load, max: x.maxLoad }),
    }));
  const nameOf = (userId: string) => experts.find((x) => x.userId === userId)?.displayName ?? userId;

  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  const run = async (form: 'add' | 'swap', edit: PairEdit, message: string) => {
    if (busy) return;
    setError(null);
    try {
      await pairEdit.mutateAsync(edit);
      onEdited(message);
    } catch (e) {
      setError({ form, error: toFormError(e) });
    }
  };

  const fieldError = (form: 'add' | 'swap', field: string) =>
    error?.form === form ? error.error.fields[field] : undefined;
  const local = (form: 'add' | 'swap', field: string, message: string) =>
    setError({ form, error: fieldsError({ [field]: message }) });

  const add = () => {
    if (!addUser) return local('add', 'userId', t('assignment.member.chooseExpert'));
    void run(
      'add',
      { kind: 'add', applicationId: app.applicationId, userId: addUser },
      t('assignment.edit.added', { expert: nameOf(addUser), institution: app.institutionName }),
    );
  };
  const swap = () => {
    if (!from) return local('swap', 'fromUserId', t('assignment.member.chooseExpert'));
    if (!to) return local('swap', 'toUserId', t('assignment.member.chooseExpert'));
    void run(
      'swap',
      { kind: 'swap', applicationId: app.applicationId, fromUserId: from, toUserId: to },
      t('assignment.edit.swapped', { from: nameOf(from), to: nameOf(to), institution: app.institutionName }),
    );
  };

  const selectField = ({
    id,
    form,
    field,
    label,
    value,
    onChange,
    options,
    placeholder,
  }: {
    id: string;
    form: 'add' | 'swap';
    field: string;
    label: string;
    value: string;
    onChange: (v: string) => void;
    options: { value: string; label: string }[];
    placeholder: string;
  }) => {
    const message = fieldError(form, field);
    return (
      <div className={`field${message ? ' field-error' : ''}`}>
        <label htmlFor={id}>{label}</label>
        {message && (
          <p className="error-message" id={`${id}-error`}>
            <span className="visually-hidden">{t('form.errorPrefix')} </span>
            {message}
          </p>
        )}
        <select
          id={id}
          value={value}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">{placeholder}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    );
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: it groups two whole forms under one name; a <fieldset> groups the controls of one form
    <div
      className="as-editor"
      role="group"
      aria-label={t('assignment.edit.groupLabel', { institution: app.institutionName })}
    >
      {error && (
        <div className="error-summary" role="alert" ref={alertRef} tabIndex={-1}>
          <p>
            <strong>{error.error.message}</strong>
          </p>
          {Object.keys(error.error.fields).length > 0 && (
            <ul>
              {Object.entries(error.error.fields).map(([field, message]) => (
                <li key={field}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="as-editor-forms">
        <form
          className="as-mini"
          aria-labelledby={`${base}-add-title`}
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <h4 id={`${base}-add-title`}>{t('assignment.edit.addTitle')}</h4>
          {app.experts.length >= k && <p className="hint">{t('assignment.edit.full', { count: k })}</p>}
          {selectField({
            id: `${base}-add-user`,
            form: 'add',
            field: 'userId',
            label: t('assignment.edit.expert'),
            value: addUser,
            onChange: setAddUser,
            options: others,
            placeholder: t('form.choose'),
          })}
          {fieldError('add', 'applicationId') && <p className="error-message">{fieldError('add', 'applicationId')}</p>}
          <button type="submit" aria-disabled={busy || undefined}>
            {t('assignment.edit.add')}
          </button>
        </form>
        {app.experts.length > 0 && (
          <form
            className="as-mini"
            aria-labelledby={`${base}-swap-title`}
            onSubmit={(e) => {
              e.preventDefault();
              swap();
            }}
          >
            <h4 id={`${base}-swap-title`}>{t('assignment.edit.swapTitle')}</h4>
            {selectField({
              id: `${base}-swap-from`,
              form: 'swap',
              field: 'fromUserId',
              label: t('assignment.edit.from'),
              value: from,
              onChange: setFrom,
              options: app.experts.map((x) => ({ value: x.userId, label: x.displayName })),
              placeholder: t('form.choose'),
            })}
            {selectField({
              id: `${base}-swap-to`,
              form: 'swap',
              field: 'toUserId',
              label: t('assignment.edit.to'),
              value: to,
              onChange: setTo,
              options: others,
              placeholder: t('form.choose'),
            })}
            {fieldError('swap', 'applicationId') && (
              <p className="error-message">{fieldError('swap', 'applicationId')}</p>
            )}
            <button type="submit" aria-disabled={busy || undefined}>
              {t('assignment.edit.swap')}
            </button>
          </form>
        )}
      </div>
      <p role="status" className="ed-live">
        {busy ? t('form.sending') : ''}
      </p>
    </div>
  );
}
