import { useEffect, useState } from 'react';
import { useTranslation } from '../../translation';
import { TextAreaField } from '../../forms/fields';
import { Form, SubmitButton, useApiForm } from '../../forms/form';
import {
  useAskToReconsider,
  useReopenSheet,
  type ProgressApplication,
  type ScoringProgress,
} from '../../queries/reviews';
import { formatPoints } from './SheetFields';

const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '');

/** One text (a message or a reason) and a send button, inline under the action that opened it. */
function TextForm({
  id,
  label,
  submitLabel,
  onSend,
  onCancel,
}: {
  id: string;
  label: string;
  submitLabel: string;
  onSend: (text: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useApiForm(id, { defaultValues: { text: '' } });
  useEffect(() => {
    document.getElementById(`${id}-text`)?.focus();
  }, [id]);
  return (
    <div className="as-editor">
      <Form form={form} onSubmit={({ text }) => onSend(text)}>
        <TextAreaField name="text" label={label} rows={3} maxLength={2000} />
        <div className="ed-savebar">
          <SubmitButton>{submitLabel}</SubmitButton>
          <button type="button" onClick={onCancel}>
            {t('scoring.org.cancel')}
          </button>
        </div>
      </Form>
    </div>
  );
}

/** A flagged application: the spread of totals and criteria, "ask to reconsider" and per-sheet "reopen". */
function Disagreement({
  editionId,
  application: a,
  onDone,
}: {
  editionId: string;
  application: ProgressApplication;
  onDone: (status: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const reconsider = useAskToReconsider(editionId);
  const reopen = useReopenSheet(editionId);
  const d = a.disagreement;
  if (!d) return null;
  const num = (n: number) => formatPoints(n, i18n.language);
  const key = safe(a.applicationId);
  return (
    <li className="sc-disagreement" data-application-id={a.applicationId}>
      <h4 id={`sc-dis-${key}`}>{a.institutionName}</h4>
      <p>
        {t('scoring.org.spread', {
          spread: num(d.totalSpread),
          percent: num(Math.round(d.totalSpreadPercent * 10) / 10),
        })}
      </p>
      {d.criteria.some((c) => c.flagged) && (
        <ul className="sc-criteria">
          {d.criteria
            .filter((c) => c.flagged)
            .map((c) => (
              <li key={c.code}>
                {t('scoring.org.criterionSpread', {
                  code: c.code,
                  min: num(c.min),
                  max: num(c.max),
                  spread: num(c.spread),
                  scale: num(c.scale),
                })}
              </li>
            ))}
        </ul>
      )}
      <p>
        <button
          type="button"
          aria-expanded={open === 'reconsider'}
          onClick={() => setOpen(open === 'reconsider' ? null : 'reconsider')}
        >
          {t('scoring.org.reconsider')}
          <span className="visually-hidden"> — {a.institutionName}</span>
        </button>
      </p>
      {open === 'reconsider' && (
        <TextForm
          id={`sc-reconsider-${key}`}
          label={t('scoring.org.reconsiderMessage', { institution: a.institutionName })}
          submitLabel={t('scoring.org.reconsiderSend')}
          onCancel={() => setOpen(null)}
          onSend={async (message) => {
            const r = await reconsider.mutateAsync({ applicationId: a.applicationId, message });
            setOpen(null);
            onDone(t('scoring.org.reconsidered', { count: r.reopened }));
          }}
        />
      )}
      <ul className="sc-sheets">
        {a.totals.map((x) => (
          <li key={x.expertId}>
            {x.displayName}: {num(x.total)}{' '}
            <button
              type="button"
              aria-expanded={open === x.expertId}
              onClick={() => setOpen(open === x.expertId ? null : x.expertId)}
            >
              {t('scoring.org.reopen')}
              <span className="visually-hidden">
                {' '}
                — {x.displayName}, {a.institutionName}
              </span>
            </button>
            {open === x.expertId && (
              <TextForm
                id={`sc-reopen-${key}-${safe(x.expertId)}`}
                label={t('scoring.org.reopenReason', { expert: x.displayName })}
                submitLabel={t('scoring.org.reopenSend')}
                onCancel={() => setOpen(null)}
                onSend={async (reason) => {
                  await reopen.mutateAsync({ applicationId: a.applicationId, expertId: x.expertId, reason });
                  setOpen(null);
                  onDone(t('scoring.org.reopened', { expert: x.displayName }));
                }}
              />
            )}
          </li>
        ))}
      </ul>
    </li>
  );
}

/** "Rozbieżności": the applications whose experts disagree beyond the edition's threshold. */
export function Disagreements({ editionId, progress }: { editionId: string; progress: ScoringProgress }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const flagged = progress.applications.filter((a) => a.disagreement?.flagged);
  return (
    <section aria-labelledby="sc-dis-title" className="sc-disagreements">
      <h3 id="sc-dis-title">{t('scoring.org.disagreementsTitle')}</h3>
      <p role="status" className="form-status sc-status">
        {status}
      </p>
      {flagged.length === 0 ? (
        <p>{t('scoring.org.noDisagreements', { percent: progress.disagreementPercent })}</p>
      ) : (
        <ul className="sc-dis-list">
          {flagged.map((a) => (
            <Disagreement key={a.applicationId} editionId={editionId} application={a} onDone={setStatus} />
          ))}
        </ul>
      )}
    </section>
  );
}
