import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from '../../translation';
import { inLanguage } from '../../../../shared/editions/localized';
import { formatPln } from '../../../../shared/results/fees';
import { OwnCertificate } from '../../components/certificates/OwnCertificate';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatWarsawDate } from '../../components/editions/time';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RequireRole } from '../../components/RequireRole';
import { formatPercent, movementParts, shortHash } from '../../components/results/format';
import { currentLanguage } from '../../i18n';
import { type OwnResult, ownResultQuery } from '../../queries/results';
import { useLocation } from '../../router';

type Ready = Extract<OwnResult, { status: 'ready' }>['result'];

/** `/applications/:applicationId/result` → the id, decoded. */
function useApplicationId(): string {
  const { path } = useLocation();
  const raw = path.split('/')[2] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The institution's per-area % beside the edition's median: bars for the eye, the table for everyone. */
function AreasComparison({ result }: { result: Ready }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage();
  const pct = (n: number) => t('results.percent', { value: formatPercent(n, i18n.language) });
  const rowHeight = 44;
  const labelWidth = 60;
  const barWidth = 300;
  const height = result.areas.length * rowHeight + 8;
  return (
    <section aria-labelledby="rs-areas-title">
      <h2 id="rs-areas-title">{t('results.own.areasTitle')}</h2>
      <ul className="rs-legend" aria-hidden="true">
        <li>
          <span className="rs-swatch rs-swatch-yours" />
          {t('results.own.legendYours')}
        </li>
        <li>
          <span className="rs-swatch rs-swatch-median" />
          {t('results.own.legendMedian')}
        </li>
      </ul>
      <svg
        viewBox={`0 0 ${labelWidth + barWidth + 70} ${height}`}
        className="rs-areas-chart"
        aria-hidden="true"
        focusable="false"
      >
        {result.areas.map((a, i) => {
          const y = 4 + i * rowHeight;
          const yours = (Math.max(0, Math.min(100, a.percent)) / 100) * barWidth;
          const median = (Math.max(0, Math.min(100, a.editionMedian)) / 100) * barWidth;
          return (
            <g key={a.code}>
              <text x={0} y={y + 24} className="as-bar-label">
                {a.code}
              </text>
              <rect x={labelWidth} y={y} width={yours} height={16} className="rs-bar-yours" />
              <text x={labelWidth + yours + 6} y={y + 13} className="as-bar-value">
                {formatPercent(a.percent, i18n.language)}%
              </text>
              <rect x={labelWidth} y={y + 19} width={median} height={16} className="rs-bar-median" />
              <text x={labelWidth + median + 6} y={y + 32} className="as-bar-value">
                {formatPercent(a.editionMedian, i18n.language)}%
              </text>
            </g>
          );
        })}
      </svg>
      <table className="rs-areas">
        <caption>{t('results.own.areasCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.own.area')}</th>
            <th scope="col" className="as-num">
              {t('results.own.yours')}
            </th>
            <th scope="col" className="as-num">
              {t('results.own.median')}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.areas.map((a) => (
            <tr key={a.code} data-area={a.code}>
              <th scope="row">
                {a.code} {inLanguage({ pl: a.name.pl, en: a.name.en ?? '' }, lang)}
              </th>
              <td className="as-num">{pct(a.percent)}</td>
              <td className="as-num">{pct(a.editionMedian)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Fee({ result }: { result: Ready }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const fee = result.fee;
  if (!fee) return null;
  const pln = (g: number) => formatPln(g, lang);
  return (
    <section aria-labelledby="rs-fee-title">
      <h2 id="rs-fee-title">{t('results.own.feeTitle')}</h2>
      <p>{t('results.own.feeIntro', { bracket: t(`headcount.${fee.bracket}`) })}</p>
      <dl className="facts rs-fee">
        <dt>{t('results.own.feeList')}</dt>
        <dd>{pln(fee.listNet)}</dd>
        {fee.discount > 0 && (
          <>
            <dt>{t('results.own.feeDiscount', { percent: fee.discountPercent })}</dt>
            <dd>−{pln(fee.discount)}</dd>
          </>
        )}
        <dt>{t('results.own.feeNet')}</dt>
        <dd>{pln(fee.net)}</dd>
        <dt>{t('results.own.feeVat')}</dt>
        <dd>{pln(fee.vat)}</dd>
        <dt>{t('results.own.feeGross')}</dt>
        <dd className="rs-gross">
          <strong>{pln(fee.gross)}</strong>
        </dd>
      </dl>
    </section>
  );
}

function ResultView({ applicationId, result }: { applicationId: string; result: Ready }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage();
  const pct = (n: number) => t('results.percent', { value: formatPercent(n, i18n.language) });
  const movement = movementParts(result.movement, lang);
  const name = result.institution.name;
  return (
    <>
      <section
        aria-labelledby="rs-outcome-title"
        className={`rs-outcome-box rs-outcome-${result.outcome}`}
        data-outcome={result.outcome}
      >
        <h2 id="rs-outcome-title">{t('results.own.outcomeTitle')}</h2>
        <p>{t(`results.own.${result.outcome}`, { name })}</p>
        {result.outcome === 'distinction' && result.distinctionReason && (
          <p>{t('results.own.distinctionReason', { reason: result.distinctionReason })}</p>
        )}
        <dl className="facts">
          <dt>{t('results.own.score')}</dt>
          <dd>{pct(result.percent)}</dd>
          <dt>{t('results.own.category')}</dt>
          <dd>{lang === 'en' ? result.category.name.en : result.category.name.pl}</dd>
          <dt>{t('results.own.place')}</dt>
          <dd>
            {t('results.own.placeOf', { place: result.place, size: result.categorySize })}
            {result.exAequo && ` (${t('results.exAequo')})`}
          </dd>
          <dt>{t('results.own.movement')}</dt>
          <dd>
            {movement.arrow && <span aria-hidden="true">{movement.arrow} </span>}
            {movement.text}
          </dd>
          {result.validUntil && result.outcome !== 'notAwarded' && (
            <>
              <dt>{t('results.own.validUntil')}</dt>
              <dd>
                <time dateTime={result.validUntil}>{formatWarsawDate(result.validUntil, i18n.language)}</time>
              </dd>
            </>
          )}
        </dl>
      </section>

      {result.outcome !== 'notAwarded' && <OwnCertificate applicationId={applicationId} />}

      {result.outcome === 'laureate' && (
        <>
          <Fee result={result} />
          <section aria-labelledby="rs-next-title">
            <h2 id="rs-next-title">{t('results.own.nextTitle')}</h2>
            <ul>
              {result.fee && <li>{t('results.own.nextFee')}</li>}
              <li>{t('results.own.nextCertificate')}</li>
            </ul>
          </section>
        </>
      )}

      <AreasComparison result={result} />

      <section aria-labelledby="rs-feedback-title">
        <h2 id="rs-feedback-title">{t('results.own.feedbackTitle')}</h2>
        {result.feedback.length === 0 ? (
          <p>{t('results.own.feedbackNone')}</p>
        ) : (
          <ul className="rs-feedback">
            {result.feedback.map((f, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the comments have no ids and never reorder on the page
              <li key={i} className="rs-feedback-item">
                {f}
              </li>
            ))}
          </ul>
        )}
      </section>

      <p className="hint">
        {t('results.own.hash', { hash: shortHash(result.sha256) })}{' '}
        {result.outcome !== 'notAwarded' && (
          <a href={`/laureaci/${encodeURIComponent(result.editionId)}`}>{t('results.own.publicLink')}</a>
        )}
      </p>
    </>
  );
}

function OwnResultView({ applicationId, onTitle }: { applicationId: string; onTitle: (s: string) => void }) {
  const { t } = useTranslation();
  const own = useQuery(ownResultQuery(applicationId));
  const data = own.data;
  const title = data?.status === 'ready' ? `${data.result.edition.name} — ${data.result.edition.number}` : '';
  useEffect(() => {
    if (title) onTitle(title);
  }, [title, onTitle]);
  if (own.isError) return <ErrorNotice error={own.error} />;
  if (!data) return <Loading />;
  if (data.status === 'pending')
    return (
      <section className="notice rs-pending" aria-labelledby="rs-pending-title">
        <h2 id="rs-pending-title">{t('results.own.pending')}</h2>
        <p>{t('results.own.pendingHint')}</p>
      </section>
    );
  return <ResultView applicationId={applicationId} result={data.result} />;
}

/** An institution's own result of one application: pending, or outcome, place, areas, feedback and fee. */
export function OwnResultPage() {
  const { t } = useTranslation();
  const applicationId = useApplicationId();
  const [title, setTitle] = useState('');
  return (
    <>
      <PageTitle>{title ? t('results.own.titleOf', { edition: title }) : t('results.own.title')}</PageTitle>
      <p>
        <a href="/applications">{t('results.own.back')}</a>
      </p>
      <RequireRole roles={['institution', 'organizer']}>
        {() => <OwnResultView applicationId={applicationId} onTitle={setTitle} />}
      </RequireRole>
    </>
  );
}
