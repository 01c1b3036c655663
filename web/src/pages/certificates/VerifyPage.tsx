import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../translation';
import { normalizeCode } from '../../../../shared/certificates/certificate-code';
import { ApiError } from '../../api';
import { formatWarsawDate } from '../../components/editions/time';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useFetchOnce } from '../../fetching';
import { PageTitle } from '../../components/PageTitle';
import i18n, { type Language, loadTexts, type TextArea } from '../../i18n';
import { type Verification, verificationPaths as certificatePaths, readVerification } from '../../queries/verification';
import { navigate, useLastSegment, useLocation } from '../../router';

/**
 * The public verification pages (no login; opened from the QR code on a certificate, mostly on a
 * phone): `/weryfikacja[/:code]` in Polish, `/en/verify[/:code]` in English. The page's language is
 * the path's, whatever the rest of the UI is set to, and it links to the same page in the other one.
 * It shows only what the verification answer carries — what is printed on the certificate.
 */
function usePageLanguage(): Language {
  const { path } = useLocation();
  return path === '/en/verify' || path.startsWith('/en/verify/') ? 'en' : 'pl';
}

const usePageT = (lang: Language) => useTranslation(undefined, { lng: lang });

/** What these pages read, in the page's language (which may not be the UI's, whose texts alone are loaded). */
const PAGE_TEXTS: readonly TextArea[] = ['common', 'verification'];
const hasPageTexts = (lang: Language) => i18n.exists(lang, 'verification.title') && i18n.exists(lang, 'common.loading');

/**
 * True once the page's language's texts are there: `/en/verify` opened in a Polish UI loads the English
 * files first (a few KB), so the page is never shown in the other language. A failed download shows the
 * page anyway (in the UI's language, the Polish fallback) rather than nothing.
 */
function usePageTexts(lang: Language): boolean {
  const [failed, setFailed] = useState(false);
  const [, setLoaded] = useState(0);
  const ready = hasPageTexts(lang);
  useEffect(() => {
    if (ready) return;
    let live = true;
    loadTexts(PAGE_TEXTS, [lang]).then(
      () => live && setLoaded((n) => n + 1),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [lang, ready]);
  return ready || failed;
}

function OtherLanguage({ lang, code }: { lang: Language; code?: string }) {
  const { t } = usePageT(lang);
  const other: Language = lang === 'pl' ? 'en' : 'pl';
  const href = code ? certificatePaths.verifyPage(code, other) : certificatePaths.verifyForm(other);
  return (
    <p className="ct-language">
      <a href={href} lang={other} hrefLang={other}>
        {t('verification.otherLanguage')}
      </a>
    </p>
  );
}

/** Type a code, go to its page (trimmed; the server reads it case-insensitively, hyphens optional). */
function CodeForm({ lang, initial = '' }: { lang: Language; initial?: string }) {
  const { t } = usePageT(lang);
  const [code, setCode] = useState(initial);
  const [missing, setMissing] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.trim();
    if (!trimmed) {
      setMissing(true);
      input.current?.focus();
      return;
    }
    navigate(certificatePaths.verifyPage(trimmed, lang));
  };
  const describedBy = ['ct-verify-code-hint', missing ? 'ct-verify-code-error' : ''].filter(Boolean).join(' ');
  return (
    <form noValidate onSubmit={submit} className="ct-verify-form">
      <div className={`field${missing ? ' field-error' : ''}`}>
        <label htmlFor="ct-verify-code">{t('verification.codeLabel')}</label>
        <p className="hint" id="ct-verify-code-hint">
          {t('verification.codeHint')}
        </p>
        {missing && (
          <p className="error-message" id="ct-verify-code-error">
            {t('verification.codeRequired')}
          </p>
        )}
        <input
          ref={input}
          id="ct-verify-code"
          className="ct-code-input"
          type="text"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-invalid={missing || undefined}
          aria-describedby={describedBy}
        />
      </div>
      <button type="submit" className="primary">
        {t('verification.submit')}
      </button>
    </form>
  );
}

function Verdict({ v, lang }: { v: Verification; lang: Language }) {
  const { t } = usePageT(lang);
  const c = v.certificate;
  const date = (iso: string) => <time dateTime={iso}>{formatWarsawDate(iso, lang)}</time>;
  const hint =
    v.status === 'revoked'
      ? t('verification.statusHint.revoked', {
          date: formatWarsawDate(v.revoked?.at ?? '', lang),
          reason: v.revoked?.reason ?? '',
        })
      : v.status === 'superseded'
        ? t('verification.statusHint.superseded')
        : t(`verification.statusHint.${v.status}`, { date: formatWarsawDate(c.validUntil, lang) });
  return (
    <>
      <section
        aria-labelledby="ct-verdict-title"
        className={`ct-verdict ct-verdict-${v.status}`}
        data-status={v.status}
      >
        <h2 id="ct-verdict-title">
          <span className="ct-verdict-mark" aria-hidden="true">
            {v.status === 'valid' ? '✓' : '✗'}
          </span>{' '}
          {t(`verification.status.${v.status}`)}
        </h2>
        <p>{hint}</p>
        {v.supersededBy && (
          <p>
            <a href={certificatePaths.verifyPage(v.supersededBy, lang)}>
              {t('verification.newer', { code: v.supersededBy })}
            </a>
          </p>
        )}
      </section>
      <section aria-labelledby="ct-facts-title">
        <h2 id="ct-facts-title">{t('verification.facts')}</h2>
        <dl className="facts ct-facts">
          <dt>{t('verification.institution')}</dt>
          <dd>
            {c.institution.name}, {c.institution.town}
          </dd>
          <dt>{t('verification.outcome')}</dt>
          <dd>{t(`verification.outcomeValue.${c.outcome}`)}</dd>
          {c.distinctionReason && (
            <>
              <dt>{t('verification.distinctionReason')}</dt>
              <dd>{c.distinctionReason}</dd>
            </>
          )}
          <dt>{t('verification.category')}</dt>
          <dd>{lang === 'en' ? c.category.en : c.category.pl}</dd>
          <dt>{t('verification.edition')}</dt>
          <dd>{t('verification.editionValue', c.edition)}</dd>
          <dt>{t('verification.number')}</dt>
          <dd>{c.certificateNumber}</dd>
          <dt>{t('verification.issuedAt')}</dt>
          <dd>{date(c.issuedAt)}</dd>
          <dt>{t('verification.validUntil')}</dt>
          <dd>{date(c.validUntil)}</dd>
          <dt>{t('verification.code')}</dt>
          <dd>
            <code className="ct-code">{v.code}</code>
          </dd>
          <dt>{t('verification.hash')}</dt>
          <dd>
            <code>{c.snapshotHash}</code>
          </dd>
        </dl>
      </section>
    </>
  );
}

/** 404 and 429 in the page's words; anything else as the server said it. */
function Failure({
  error,
  code,
  lang,
  onRetry,
}: {
  error: unknown;
  code: string;
  lang: Language;
  onRetry: () => void;
}) {
  const { t } = usePageT(lang);
  if (error instanceof ApiError && error.status === 404)
    return (
      <>
        <section aria-labelledby="ct-verdict-title" className="ct-verdict ct-verdict-unknown" data-status="unknown">
          <h2 id="ct-verdict-title">{t('verification.notFound')}</h2>
          <p>{t('verification.notFoundHint')}</p>
          {normalizeCode(code) === null && <p>{t('verification.malformedHint')}</p>}
        </section>
        <CodeForm lang={lang} initial={code} />
      </>
    );
  if (error instanceof ApiError && error.status === 429)
    return (
      <section aria-labelledby="ct-verdict-title" className="ct-verdict ct-verdict-limited" data-status="limited">
        <h2 id="ct-verdict-title">{t('verification.tooMany')}</h2>
        {error.retryAfterSeconds !== undefined && (
          <p>{t('verification.tooManyRetry', { seconds: error.retryAfterSeconds })}</p>
        )}
        <p>
          <button type="button" onClick={onRetry}>
            {t('verification.retry')}
          </button>
        </p>
      </section>
    );
  return <ErrorNotice error={error} />;
}

/** `/weryfikacja`, `/en/verify`: the form. */
export function VerifyFormPage() {
  const lang = usePageLanguage();
  const { t } = usePageT(lang);
  if (!usePageTexts(lang)) return <Loading />;
  return (
    <div lang={lang} className="ct-verify">
      <PageTitle>{t('verification.title')}</PageTitle>
      <OtherLanguage lang={lang} />
      <p>{t('verification.intro')}</p>
      <CodeForm lang={lang} />
    </div>
  );
}

/** `/weryfikacja/:code`, `/en/verify/:code`: the verdict, big and in words, then what the certificate says. */
export function VerifyCodePage() {
  const lang = usePageLanguage();
  const code = useLastSegment();
  const { t } = usePageT(lang);
  const verification = useFetchOnce(`${lang} ${code}`, (signal) => readVerification(code, lang, signal));
  if (!usePageTexts(lang)) return <Loading />;
  return (
    <div lang={lang} className="ct-verify">
      <PageTitle>{t('verification.title')}</PageTitle>
      <OtherLanguage lang={lang} code={code} />
      {verification.isPending && <Loading label={t('common.loading')} />}
      {verification.data && <Verdict v={verification.data} lang={lang} />}
      {verification.isError && (
        <Failure error={verification.error} code={code} lang={lang} onRetry={() => void verification.refetch()} />
      )}
      <p>
        <a href={certificatePaths.verifyForm(lang)}>{t('verification.other')}</a>
      </p>
    </div>
  );
}
