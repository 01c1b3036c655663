import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, send } from '../../api';
import { TextField } from '../Field';
import { Form, SubmitButton, toFormError, useForm, type FormError } from '../form';
import { TextAreaField } from '../Field';
import { fromWarsawInput, warsawInputInDays } from './time';

type Mode = 'none' | 'return' | 'reject';

/**
 * The formal check of a submitted application: accept at once, or open the return form (notes and
 * a new deadline in Polish time) or the rejection form (the reason). Server messages are shown with
 * the fields; after a decision the page reloads the application.
 */
export function FormalCheckPanel({
  applicationId,
  version,
  onDecided,
}: {
  applicationId: string;
  version: number;
  onDecided: (message: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('none');
  const [acceptError, setAcceptError] = useState<FormError | null>(null);
  const [accepting, setAccepting] = useState(false);
  const returnForm = useForm('return', { message: '', correctionDeadline: warsawInputInDays(14, '23:59') });
  const rejectForm = useForm('reject', { reason: '' });
  const opened = useRef(false);

  useEffect(() => {
    if (!opened.current) return;
    const id = mode === 'return' ? 'return-message' : mode === 'reject' ? 'reject-reason' : '';
    if (id) document.getElementById(id)?.focus();
  }, [mode]);

  const toggle = (m: Mode) => {
    opened.current = true;
    setMode((current) => (current === m ? 'none' : m));
  };

  const decide = async (
    json: Parameters<(typeof api.api.applications)[':applicationId']['formal-check']['$post']>[0]['json'],
  ) => {
    await send(api.api.applications[':applicationId']['formal-check'].$post({ param: { applicationId }, json }));
  };

  const accept = async () => {
    if (accepting) return;
    setAccepting(true);
    setAcceptError(null);
    try {
      await decide({ decision: 'accept', version });
      await onDecided(t('editions.formal.accepted'));
    } catch (e) {
      setAcceptError(toFormError(e));
    } finally {
      setAccepting(false);
    }
  };

  return (
    <section aria-labelledby="formal-title" className="ed-formal">
      <h2 id="formal-title">{t('editions.formal.title')}</h2>
      <p>{t('editions.formal.intro')}</p>
      {acceptError && (
        <p className="notice error" role="alert">
          {acceptError.message}
        </p>
      )}
      <div className="ed-formal-buttons">
        <button type="button" className="primary" aria-disabled={accepting || undefined} onClick={() => void accept()}>
          {t('editions.formal.accept')}
        </button>
        <button
          type="button"
          aria-expanded={mode === 'return'}
          aria-controls="formal-return-panel"
          onClick={() => toggle('return')}
        >
          {t('editions.formal.return')}
        </button>
        <button
          type="button"
          className="danger"
          aria-expanded={mode === 'reject'}
          aria-controls="formal-reject-panel"
          onClick={() => toggle('reject')}
        >
          {t('editions.formal.reject')}
        </button>
      </div>
      <div id="formal-return-panel" hidden={mode !== 'return'}>
        {mode === 'return' && (
          <Form
            form={returnForm}
            labelledBy="formal-return-title"
            onSubmit={async () => {
              await decide({
                decision: 'return',
                message: returnForm.values.message ?? '',
                correctionDeadline: fromWarsawInput(returnForm.values.correctionDeadline ?? ''),
                version,
              });
              await onDecided(t('editions.formal.returned'));
            }}
          >
            <h3 id="formal-return-title">{t('editions.formal.returnTitle')}</h3>
            <TextAreaField name="message" label={t('editions.formal.message')} rows={5} />
            <TextField
              name="correctionDeadline"
              type="datetime-local"
              label={t('editions.formal.deadline')}
              hint={t('editions.settings.timelineHint')}
            />
            <SubmitButton>{t('editions.formal.sendReturn')}</SubmitButton>
          </Form>
        )}
      </div>
      <div id="formal-reject-panel" hidden={mode !== 'reject'}>
        {mode === 'reject' && (
          <Form
            form={rejectForm}
            labelledBy="formal-reject-title"
            onSubmit={async () => {
              await decide({ decision: 'reject', reason: rejectForm.values.reason ?? '', version });
              await onDecided(t('editions.formal.rejected'));
            }}
          >
            <h3 id="formal-reject-title">{t('editions.formal.rejectTitle')}</h3>
            <TextAreaField name="reason" label={t('editions.formal.reason')} rows={5} />
            <SubmitButton>{t('editions.formal.sendReject')}</SubmitButton>
          </Form>
        )}
      </div>
    </section>
  );
}
