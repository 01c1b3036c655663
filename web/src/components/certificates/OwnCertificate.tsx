import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../translation';
import { currentLanguage } from '../../i18n';
import {
  type CertificateSummary,
  certificateFiles,
  certificatePaths,
  ownCertificateQuery,
} from '../../queries/certificates';
import { formatWarsawDate } from '../editions/time';
import { ErrorNotice } from '../ErrorNotice';
import { Loading } from '../Loading';

function Issued({ applicationId, c }: { applicationId: string; c: CertificateSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <dl className="facts ct-own-facts">
        <dt>{t('certificates.own.number')}</dt>
        <dd>{c.certificateNumber}</dd>
        <dt>{t('certificates.own.code')}</dt>
        <dd>
          <code className="ct-code">{c.code}</code>
        </dd>
        <dt>{t('certificates.own.issuedAt')}</dt>
        <dd>
          <time dateTime={c.issuedAt}>{formatWarsawDate(c.issuedAt, i18n.language)}</time>
        </dd>
        <dt>{t('certificates.own.validUntil')}</dt>
        <dd>
          <time dateTime={c.validUntil}>{formatWarsawDate(c.validUntil, i18n.language)}</time>
        </dd>
        <dt>{t('certificates.own.verify')}</dt>
        <dd>
          <a href={c.verifyUrl} className="ct-url" aria-describedby="ct-verify-hint">
            {c.verifyUrl}
          </a>
          <span className="hint" id="ct-verify-hint">
            {' '}
            {t('certificates.own.verifyHint')}
          </span>
        </dd>
      </dl>
      <h3 id="ct-files-title">{t('certificates.own.filesTitle')}</h3>
      <ul className="ct-files" aria-labelledby="ct-files-title">
        {certificateFiles.map((file) => (
          <li key={file}>
            <a href={certificatePaths.file(applicationId, file)} download data-file={file}>
              {t(`certificates.own.file.${file}`)}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * "Certyfikat i godło" on an institution's own result: the current certificate's number, validity,
 * verification address and every file once issued; "being prepared" before that; a revocation with
 * its reason. An application without a certificate gets a short note.
 */
export function OwnCertificate({ applicationId }: { applicationId: string }) {
  const { t, i18n } = useTranslation();
  const own = useQuery(ownCertificateQuery(applicationId));
  const c = own.data;
  return (
    <section aria-labelledby="ct-own-title" className="ct-own" data-status={c?.status ?? 'none'}>
      <h2 id="ct-own-title">{t('certificates.own.title')}</h2>
      {own.isPending && <Loading />}
      <ErrorNotice error={own.error} />
      {c === null && <p>{t('certificates.own.none')}</p>}
      {c && (c.status === 'pending' || c.status === 'failed') && (
        <p className="notice">{t('certificates.own.pending')}</p>
      )}
      {c?.status === 'issued' && <Issued applicationId={applicationId} c={c} />}
      {c?.status === 'revoked' && (
        <p className="notice error">
          {t('certificates.own.revoked', {
            date: formatWarsawDate(c.revoked?.at ?? '', i18n.language),
            reason: c.revoked?.reason ?? '',
          })}
        </p>
      )}
      {c?.status === 'superseded' && c.supersededBy && (
        <p className="notice">
          {t('certificates.own.superseded')}{' '}
          <a href={certificatePaths.verifyPage(c.supersededBy, currentLanguage())}>
            <code>{c.supersededBy}</code>
          </a>
        </p>
      )}
    </section>
  );
}
