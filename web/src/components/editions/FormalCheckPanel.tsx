import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../translation';
import { TextAreaField, TextField } from '../../forms/fields';
import { Form, SubmitButton, useApiForm } from '../../forms/form';
import { useFormalCheck } from '../../queries/applications';
import { ConfirmButton } from '../ConfirmButton';
import { ErrorNotice } from '../ErrorNotice';
import { fromWarsawInput, toWarsawInput, warsawInputInDays } from './time';

type Mode = 'none' | 'return' | 'reject';

/** Two weeks from today, or the edition's own deadline when that is later (a returned application never gets less time than the others). */
function defaultCorrectionDeadline(editionDeadline: string | undefined): string {
  const inTwoWeeks = warsawInputInDays(14, '23:59');
  const edition = toWarsawInput(editionDeadline);
  // datetime-local values of the same shape sort as text in time order.
  return [edition, inTwoWeeks].sort().at(-1) ?? inTwoWeeks;
}

/**
 * The formal check of a submitted application: accept (asked twice: it is final and mails the
 * institution), or open the return form (notes and
 * a new deadline in Polish time) or the rejection form (the reason). Server messages are shown with
 * the fields; after a decision the application is read again and the page says what happened.
 */
export function FormalCheckPanel({
  applicationId,
  version,
  editionDeadline,
  onDecided,
}: {
  applicationId: string;
  version: number;
  /** The edition's application deadline: the correction deadline offered is never earlier. */
  editionDeadline?: string;
  onDecided: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('none');
  const formalCheck = useFormalCheck(applicationId);
  const accept = useFormalCheck(applicationId);
  const returnForm = useApiForm('return', {
    defaultValues: { message: '', correctionDeadline: defaultCorrectionDeadline(editionDeadline) },
  });
  const rejectForm = useApiForm('reject', { defaultValues: { reason: '' } });
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

  const acceptNow = async () => {
    if (accept.isPending) return;
    // Awaited rather than an onSuccess callback: the read that follows the decision closes this panel.
    const decided = await accept.mutateAsync({ decision: 'accept', version }).catch(() => null);
    if (decided) onDecided(t('editions.formal.accepted'));
  };

  return (
    <section aria-labelledby="formal-title" className="ed-formal">
      <h2 id="formal-title">{t('editions.formal.title')}</h2>
      <p>{t('editions.formal.intro')}</p>
      <ErrorNotice error={accept.error} />
      <div className="ed-formal-buttons">
        <ConfirmButton
          question={t('consequences.formal.acceptQuestion')}
          confirmLabel={t('consequences.formal.acceptConfirm')}
          busy={accept.isPending}
          onConfirm={() => void acceptNow()}
        >
          {t('editions.formal.accept')}
        </ConfirmButton>
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
            onSubmit={async (v) => {
              await formalCheck.mutateAsync({
                decision: 'return',
                message: v.message,
                correctionDeadline: fromWarsawInput(v.correctionDeadline),
                version,
              });
              onDecided(t('editions.formal.returned'));
            }}
          >
            <h3 id="formal-return-title">{t('editions.formal.returnTitle')}</h3>
            <p>{t('consequences.formal.returnNotice')}</p>
            <TextAreaField name="message" label={t('editions.formal.message')} rows={8} />
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
            onSubmit={async (v) => {
              await formalCheck.mutateAsync({ decision: 'reject', reason: v.reason, version });
              onDecided(t('editions.formal.rejected'));
            }}
          >
            <h3 id="formal-reject-title">{t('editions.formal.rejectTitle')}</h3>
            <p>{t('consequences.formal.rejectNotice')}</p>
            <TextAreaField name="reason" label={t('editions.formal.reason')} rows={5} />
            <SubmitButton>{t('editions.formal.sendReject')}</SubmitButton>
          </Form>
        )}
      </div>
    </section>
  );
}
