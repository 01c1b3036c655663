import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageTitle } from '../../components/PageTitle';
import { useAction } from '../../fetching';
import { formatSize } from '../../components/editions/time';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  type FeedbackToSend,
  sendFeedbackWithAttachment,
  TRACK_PATH,
  trackPath,
} from '../../queries/feedback-public';
import { useLastSegment } from '../../router';
import { useTranslation } from '../../translation';

const CATEGORIES = ['complaint', 'suggestion', 'praise'] as const;
const MAX_TEXT = 2000;

/** The code big, copyable, with a QR code of its tracking page (qrcode is loaded only now, in its own chunk). */
function Receipt({ code }: { code: string }) {
  const { t } = useTranslation();
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const link = `${window.location.origin}${trackPath(code)}`;
  useEffect(() => {
    heading.current?.focus();
    let live = true;
    import('qrcode')
      .then((m) => m.toDataURL(link, { margin: 1, width: 192 }))
      .then((url) => live && setQr(url))
      .catch(() => undefined); // the code is what matters; the picture is a convenience
    return () => {
      live = false;
    };
  }, [link]);
  const copy = () => {
    navigator.clipboard
      ?.writeText(code)
      .then(() => setCopied(true))
      .catch(() => undefined);
  };
  return (
    <section className="notice success fb-receipt" aria-labelledby="fb-receipt-title">
      <h2 id="fb-receipt-title" ref={heading} tabIndex={-1}>
        {t('survey.feedback.sentTitle')}
      </h2>
      <p>{t('survey.feedback.codeHint')}</p>
      <p className="fb-code" data-testid="tracking-code">
        {code}
      </p>
      <button type="button" onClick={copy}>
        {t('survey.feedback.copy')}
      </button>
      <span role="status" className="hint">
        {copied ? t('survey.feedback.copied') : ''}
      </span>
      {qr && <img src={qr} width={192} height={192} alt={t('survey.feedback.qrAlt')} />}
      <p>
        <a href={trackPath(code)}>{t('survey.feedback.trackLink')}</a>
      </p>
    </section>
  );
}

/**
 * A resident's feedback to an office (issue 18 §6): `/opinia/:institutionId`, no account, on a phone
 * first. The category as a radio group, the text with a counter, an optional e-mail for status mails,
 * and an optional file (PDF, JPEG or PNG up to 5 MB) uploaded through a single-use slot when sending.
 */
export function FeedbackFormPage() {
  const { t, i18n } = useTranslation();
  const institutionId = useLastSegment();
  const [category, setCategory] = useState<(typeof CATEGORIES)[number] | ''>('');
  const [text, setText] = useState('');
  const [email, setEmail] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const honeypot = useRef<HTMLInputElement>(null);
  const action = useAction(sendFeedbackWithAttachment);
  const fields = action.isError && action.error instanceof ApiError ? action.error.fields : {};
  const notFound = action.isError && action.error instanceof ApiError && action.error.status === 404;

  if (action.isSuccess)
    return (
      <>
        <PageTitle>{t('survey.feedback.title')}</PageTitle>
        <Receipt code={action.data.trackingCode} />
      </>
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (action.isPending) return;
    const lacking = [...(category ? [] : ['category']), ...(text.trim() ? [] : ['text'])];
    setMissing(lacking);
    if (lacking.length > 0) {
      document.getElementById(lacking[0] === 'category' ? 'fb-category-complaint' : 'fb-text')?.focus();
      return;
    }
    if (fileProblem) {
      document.getElementById('fb-attachment')?.focus();
      return;
    }
    const body: FeedbackToSend = {
      category: category as FeedbackToSend['category'],
      text: text.trim(),
      ...(email.trim() ? { email: email.trim() } : {}),
      ...(honeypot.current?.value ? { website: honeypot.current.value } : {}),
    };
    action
      .mutateAsync({ institutionId, feedback: body, file, onUpload: () => setUploading(true) })
      .catch(() => undefined)
      .finally(() => setUploading(false));
  };
  /** The browser's quick check of the chosen file (the server checks its bytes again). */
  const choose = (chosen: File | null) => {
    setFile(chosen);
    if (!chosen) return setFileProblem(null);
    if (!(ATTACHMENT_TYPES as readonly string[]).includes(chosen.type))
      return setFileProblem(t('survey.feedback.attachment.type'));
    if (chosen.size === 0) return setFileProblem(t('survey.feedback.attachment.empty'));
    if (chosen.size > ATTACHMENT_MAX_BYTES)
      return setFileProblem(t('survey.feedback.attachment.tooLarge', { size: formatSize(chosen.size, i18n.language) }));
    setFileProblem(null);
  };
  const errorOf = (field: string) =>
    fields[field] ?? (missing.includes(field) ? t(`survey.feedback.missing.${field as 'category' | 'text'}`) : null);
  const categoryError = errorOf('category');
  const textError = errorOf('text');
  const emailError = fields.email ?? null;
  const fileError = fileProblem ?? fields.attachment ?? fields.attachmentSlot ?? null;

  return (
    <>
      <PageTitle>{t('survey.feedback.title')}</PageTitle>
      <p>{t('survey.feedback.intro')}</p>
      <form noValidate onSubmit={submit} className="sv-form">
        <fieldset className="sv-question" aria-describedby={categoryError ? 'fb-category-error' : undefined}>
          <legend>{t('survey.feedback.categoryLabel')}</legend>
          {CATEGORIES.map((c) => (
            <label key={c} className="fb-option" htmlFor={`fb-category-${c}`}>
              <input
                id={`fb-category-${c}`}
                type="radio"
                name="category"
                value={c}
                checked={category === c}
                onChange={() => setCategory(c)}
              />{' '}
              {t(`survey.feedback.category.${c}`)}
            </label>
          ))}
          {categoryError && (
            <p className="error-message" id="fb-category-error">
              {categoryError}
            </p>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor="fb-text">{t('survey.feedback.textLabel')}</label>
          <textarea
            id="fb-text"
            rows={6}
            maxLength={MAX_TEXT}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={textError ? true : undefined}
            aria-describedby={`fb-text-count${textError ? ' fb-text-error' : ''}`}
          />
          <p className="hint" id="fb-text-count" aria-live="polite">
            {t('survey.feedback.counter', { count: text.length, max: MAX_TEXT })}
          </p>
          {textError && (
            <p className="error-message" id="fb-text-error">
              {textError}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="fb-email">{t('survey.feedback.emailLabel')}</label>
          <p className="hint" id="fb-email-hint">
            {t('survey.feedback.emailHint')}
          </p>
          <input
            id="fb-email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={`fb-email-hint${emailError ? ' fb-email-error' : ''}`}
          />
          {emailError && (
            <p className="error-message" id="fb-email-error">
              {emailError}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="fb-attachment">{t('survey.feedback.attachment.label')}</label>
          <p className="hint" id="fb-attachment-hint">
            {t('survey.feedback.attachment.hint')}
          </p>
          <input
            id="fb-attachment"
            type="file"
            accept={ATTACHMENT_TYPES.join(',')}
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
            disabled={action.isPending}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={`fb-attachment-hint${fileError ? ' fb-attachment-error' : ''}`}
          />
          {file && !fileError && (
            <p className="hint">
              {t('survey.feedback.attachment.chosen', { size: formatSize(file.size, i18n.language) })}
            </p>
          )}
          {fileError && (
            <p className="error-message" id="fb-attachment-error">
              {fileError}
            </p>
          )}
        </div>
        {/* The honeypot: hidden from people and assistive technology; a bot that fills it gets a code like anyone. */}
        <div className="visually-hidden" aria-hidden="true">
          <label htmlFor="fb-website">{t('survey.honeypot')}</label>
          <input ref={honeypot} id="fb-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        {notFound ? (
          <p className="notice error" role="alert">
            {t('survey.feedback.noOffice')}
          </p>
        ) : (
          <ErrorNotice error={action.isError && Object.keys(fields).length === 0 ? action.error : null} />
        )}
        <button type="submit" className="primary" disabled={action.isPending} aria-busy={action.isPending || undefined}>
          {uploading
            ? t('survey.feedback.attachment.uploading')
            : action.isPending
              ? t('survey.sending')
              : t('survey.feedback.submit')}
        </button>
      </form>
      <p>
        <a href={TRACK_PATH}>{t('survey.feedback.haveCode')}</a>
      </p>
    </>
  );
}
