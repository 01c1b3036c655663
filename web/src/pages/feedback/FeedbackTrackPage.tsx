import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../fetching';
import { readTrackedFeedback } from '../../queries/feedback-public';
import { useLocation } from '../../router';
import { useTranslation } from '../../translation';

const plDate = (day: string) => day.split('-').reverse().join('.');

/**
 * The public status of a feedback by its tracking code (issue 18 §6): `/opinia/sprawdz`, the code typed
 * (any case, with or without hyphens) or taken from the QR code's link (`?kod=`). Shows the status, its
 * dates and the office's public answer — nothing else is sent by the server.
 */
export function FeedbackTrackPage() {
  const { t } = useTranslation();
  const { query } = useLocation();
  const [code, setCode] = useState(() => query.get('kod') ?? '');
  const lookup = useAction(readTrackedFeedback);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (lookup.isPending || !code.trim()) return;
    lookup.mutateAsync(code).catch(() => undefined);
  };
  const unknown = lookup.isError && lookup.error instanceof ApiError && lookup.error.status === 404;
  const found = lookup.isSuccess ? lookup.data : null;
  return (
    <>
      <PageTitle>{t('survey.feedback.trackTitle')}</PageTitle>
      <form noValidate onSubmit={submit} className="sv-form">
        <div className="field">
          <label htmlFor="fb-code">{t('survey.feedback.codeLabel')}</label>
          <input
            id="fb-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-describedby="fb-code-hint"
          />
          <p className="hint" id="fb-code-hint">
            {t('survey.feedback.codeFormat')}
          </p>
        </div>
        <button type="submit" className="primary" disabled={lookup.isPending} aria-busy={lookup.isPending || undefined}>
          {t('survey.feedback.check')}
        </button>
      </form>
      {unknown ? (
        <p className="notice error" role="alert">
          {t('survey.feedback.unknownCode')}
        </p>
      ) : (
        <ErrorNotice error={lookup.isError ? lookup.error : null} />
      )}
      {found && (
        <section className="notice" role="status" aria-labelledby="fb-status-title">
          <h2 id="fb-status-title">
            {t('survey.feedback.statusIs', { status: t(`survey.feedback.status.${found.status}`) })}
          </h2>
          <dl>
            <dt>{t('survey.feedback.office')}</dt>
            <dd>{found.institutionName}</dd>
            <dt>{t('survey.feedback.categoryLabel')}</dt>
            <dd>{t(`survey.feedback.category.${found.category}`)}</dd>
            <dt>{t('survey.feedback.submittedOn')}</dt>
            <dd>{plDate(found.submittedOn)}</dd>
            {found.answeredOn && (
              <>
                <dt>{t('survey.feedback.answeredOn')}</dt>
                <dd>{plDate(found.answeredOn)}</dd>
              </>
            )}
          </dl>
          {found.hasAttachment && <p>{t('survey.feedback.attachment.tracked')}</p>}
          {found.publicAnswer && (
            <>
              <h3>{t('survey.feedback.answer')}</h3>
              <p className="fb-answer">{found.publicAnswer}</p>
            </>
          )}
        </section>
      )}
    </>
  );
}
