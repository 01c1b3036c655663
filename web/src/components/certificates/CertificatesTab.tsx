import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../translation';
import { toFormError } from '../../forms/errors';
import {
  type CertificatesOverview,
  certificatePaths,
  certificatesQuery,
  isRendering,
  useIssueCertificates,
} from '../../queries/certificates';
import { ErrorBox } from '../ErrorBox';
import { ErrorNotice } from '../ErrorNotice';
import { Loading } from '../Loading';
import { CertificatesTable } from './CertificatesTable';
import { SignatoriesSection } from './SignatoriesForm';

/** While anything is being rendered the overview is read again this often. */
export const POLL_MS = 2000;

/** The tab exists once results are published (certificates are issued from the published snapshot). */
export const hasCertificates = (state: string) => state === 'published' || state === 'archived';

function Progress({ overview }: { overview: CertificatesOverview }) {
  const { t } = useTranslation();
  const { counts, eligible } = overview;
  return (
    <section aria-labelledby="ct-progress-title" className="ct-progress">
      <h3 id="ct-progress-title">{t('certificates.org.progressTitle')}</h3>
      <p>{t('certificates.org.eligible', { count: eligible })}</p>
      {eligible > 0 && (
        <p className="ct-bar">
          <label htmlFor="ct-progress" className="ct-progress-label">
            {t('certificates.org.progressLabel')}
          </label>
          <progress id="ct-progress" value={Math.min(counts.issued, eligible)} max={eligible}>
            {counts.issued} / {eligible}
          </progress>
          <span className="ct-progress-text">
            {t('certificates.org.progress', { issued: counts.issued, eligible })}
          </span>
        </p>
      )}
      {counts.pending > 0 && (
        <p className="loading">
          <span className="spinner" aria-hidden="true" /> {t('certificates.org.rendering', { count: counts.pending })}
        </p>
      )}
      {counts.failed > 0 && <p className="notice error">{t('certificates.org.failed', { count: counts.failed })}</p>}
    </section>
  );
}

/**
 * The organizer's "Certyfikaty" tab: who signs them (settable here, as the settings are locked by
 * then), issue (create the missing certificates and queue their rendering; pressing again re-queues
 * failures), the progress while the worker renders (the overview is polled while anything is
 * pending), the list with revocation and re-issue, the ZIP of all.
 */
export function CertificatesTab({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const overview = useQuery({
    ...certificatesQuery(editionId),
    refetchInterval: (query) => (isRendering(query.state.data) ? POLL_MS : false),
  });
  const issue = useIssueCertificates(editionId);
  // A ref, not the mutation's state: a second click in the same tick must already see the first.
  const inFlight = useRef(false);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const data = overview.data;

  // Say so once when the rendering the organizer waited for is over.
  const rendering = isRendering(data);
  const wasRendering = useRef(false);
  useEffect(() => {
    if (wasRendering.current && !rendering) setStatus(t('certificates.org.renderingDone'));
    wasRendering.current = rendering;
  }, [rendering, t]);

  const onIssue = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setFailure(null);
    setStatus('');
    try {
      await issue.mutateAsync();
      setStatus(t('certificates.org.queued'));
    } catch (e) {
      setFailure(e);
    } finally {
      inFlight.current = false;
    }
  };

  if (overview.isPending) return <Loading />;
  if (overview.isError) return <ErrorNotice error={overview.error} />;
  const o = overview.data;
  const error = failure ? toFormError(failure) : null;

  return (
    <div className="ct-tab">
      <p>{t('certificates.org.intro')}</p>
      {!o.published && <p className="notice">{t('certificates.org.notPublished')}</p>}
      {o.signatoriesMissing && (
        <p className="notice">
          {t('certificates.org.signatoriesMissing')} <a href="#ct-sign">{t('certificates.org.toSignatories')}</a>
        </p>
      )}
      {error && (
        <ErrorBox
          headingId="ct-issue-error"
          heading={<h3 id="ct-issue-error">{t('form.problem')}</h3>}
          focusKey={failure}
        >
          <p>{error.message}</p>
          {Object.values(error.fields).length > 0 && (
            <ul>
              {Object.entries(error.fields).map(([path, message]) => (
                <li key={path}>{message}</li>
              ))}
            </ul>
          )}
          {error.fields['certificates.signatories'] !== undefined && (
            <p>
              <a href="#ct-sign">{t('certificates.org.toSignatories')}</a>
            </p>
          )}
        </ErrorBox>
      )}
      <SignatoriesSection editionId={editionId} missing={o.signatoriesMissing} onStatus={setStatus} />
      <p className="hint" id="ct-issue-hint">
        {t('certificates.org.issueHint')}
      </p>
      <p className="rs-actions">
        <button
          type="button"
          className="primary"
          aria-describedby="ct-issue-hint"
          aria-disabled={issue.isPending || undefined}
          onClick={() => void onIssue()}
        >
          {t('certificates.org.issue')}
        </button>
        {o.counts.issued > 0 && (
          <>
            <a href={certificatePaths.archive(editionId)} download aria-describedby="ct-archive-hint">
              {t('certificates.org.archive')}
            </a>
            <span className="hint" id="ct-archive-hint">
              {t('certificates.org.archiveHint')}
            </span>
          </>
        )}
      </p>
      <p role="status" className="form-status ct-status">
        {issue.isPending ? t('form.sending') : status}
      </p>

      <Progress overview={o} />

      <section aria-labelledby="ct-list-title">
        <h3 id="ct-list-title" tabIndex={-1}>
          {t('certificates.org.listTitle')}
        </h3>
        {o.certificates.length === 0 ? (
          <p>{t('certificates.org.empty')}</p>
        ) : (
          <CertificatesTable editionId={editionId} certificates={o.certificates} onStatus={setStatus} />
        )}
      </section>
    </div>
  );
}
