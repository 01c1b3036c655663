import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from '../../translation';
import { currentLanguage } from '../../i18n';
import { type CertificateStatus, type CertificateSummary, certificatePaths } from '../../queries/certificates';
import { formatWarsawDate } from '../editions/time';
import { idPart, outcomeKey } from '../results/format';
import { ScrollRegion } from '../ScrollRegion';
import { type CertificateAction, ReasonForm } from './ReasonForm';

const COLUMNS = 7;
const actionButtonId = (action: CertificateAction, code: string) => `ct-${action}-${idPart(code)}`;

/** A certificate's status in words (never colour alone). */
export function CertificateStatusBadge({ status }: { status: CertificateStatus }) {
  const { t } = useTranslation();
  return <span className={`ed-badge ct-status-${status}`}>{t(`certificates.status.${status}`)}</span>;
}

/** What a row's status needs said beside it: the failure, the revocation, the codes before and after. */
function StatusNotes({ c }: { c: CertificateSummary }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage();
  const codeLink = (code: string) => (
    <a href={certificatePaths.verifyPage(code, lang)}>
      <code>{code}</code>
    </a>
  );
  return (
    <>
      {c.status === 'failed' && (
        <p className="ct-note ct-error">
          {c.error ? `${t('certificates.org.error', { error: c.error })} ` : ''}
          {t('certificates.org.attempts', { count: c.attempts })}
        </p>
      )}
      {c.revoked && (
        <p className="ct-note">
          {t('certificates.org.revokedOn', {
            date: formatWarsawDate(c.revoked.at, i18n.language),
            reason: c.revoked.reason,
          })}
        </p>
      )}
      {c.supersededBy && (
        <p className="ct-note">
          {t('certificates.org.supersededBy')} {codeLink(c.supersededBy)}
        </p>
      )}
      {c.replaces && (
        <p className="ct-note">
          {t('certificates.org.replaces')} {codeLink(c.replaces)}
        </p>
      )}
    </>
  );
}

/**
 * Every certificate of the edition with its status; an issued one can be revoked or re-issued, each
 * through a reason form opened in a row under it (one at a time).
 */
export function CertificatesTable({
  editionId,
  certificates,
  onStatus,
}: {
  editionId: string;
  certificates: readonly CertificateSummary[];
  onStatus: (status: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage();
  const [open, setOpen] = useState<{ code: string; action: CertificateAction } | null>(null);
  const [returnTo, setReturnTo] = useState<string | null>(null);
  useEffect(() => {
    if (returnTo) document.getElementById(returnTo)?.focus();
  }, [returnTo]);

  const close = (status?: string) => {
    if (status) {
      onStatus(status);
      setReturnTo('ct-list-title');
    } else if (open) setReturnTo(actionButtonId(open.action, open.code));
    setOpen(null);
  };
  const choose = (code: string, action: CertificateAction) => {
    setReturnTo(null);
    setOpen({ code, action });
  };

  return (
    <ScrollRegion labelledBy="ct-caption">
      <table className="ct-table">
        <caption id="ct-caption" className="visually-hidden">
          {t('certificates.org.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('certificates.org.col.number')}</th>
            <th scope="col">{t('certificates.org.col.institution')}</th>
            <th scope="col">{t('certificates.org.col.category')}</th>
            <th scope="col">{t('certificates.org.col.outcome')}</th>
            <th scope="col">{t('certificates.org.col.status')}</th>
            <th scope="col">{t('certificates.org.col.validity')}</th>
            <th scope="col">{t('certificates.org.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {certificates.map((c) => {
            const number = { number: c.certificateNumber };
            const hidden = (key: 'ofCertificate' | 'certificate') => (
              <span className="visually-hidden"> {t(`certificates.org.${key}`, number)}</span>
            );
            return (
              <Fragment key={c.code}>
                <tr data-code={c.code} data-status={c.status}>
                  <th scope="row" className="ct-number">
                    {c.certificateNumber}
                  </th>
                  <td>
                    {c.institution.name}
                    <span className="ct-town">, {c.institution.town}</span>
                  </td>
                  <td>{lang === 'en' ? c.category.en : c.category.pl}</td>
                  <td>{t(outcomeKey(c.outcome))}</td>
                  <td>
                    <CertificateStatusBadge status={c.status} />
                    <StatusNotes c={c} />
                  </td>
                  <td>
                    {t('certificates.org.validUntil', { date: formatWarsawDate(c.validUntil, i18n.language) })}
                    <span className="ct-note">
                      {t('certificates.org.issuedAt', { date: formatWarsawDate(c.issuedAt, i18n.language) })}
                    </span>
                  </td>
                  <td>
                    <div className="ct-actions">
                      {c.status !== 'pending' && c.status !== 'failed' && (
                        <a href={certificatePaths.verifyPage(c.code, lang)}>
                          {t('certificates.org.verifyPage')}
                          {hidden('ofCertificate')}
                        </a>
                      )}
                      {c.status === 'issued' &&
                        (['revoke', 'reissue'] as const).map((action) => (
                          <button
                            key={action}
                            type="button"
                            id={actionButtonId(action, c.code)}
                            aria-expanded={open?.code === c.code && open.action === action}
                            onClick={() => choose(c.code, action)}
                          >
                            {t(`certificates.org.${action}`)}
                            {hidden('certificate')}
                          </button>
                        ))}
                    </div>
                  </td>
                </tr>
                {open?.code === c.code && (
                  <tr className="ct-form-row">
                    <td colSpan={COLUMNS}>
                      <ReasonForm
                        key={open.action}
                        editionId={editionId}
                        certificate={c}
                        action={open.action}
                        onDone={(status) => close(status)}
                        onCancel={() => close()}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
