import { useState } from 'react';
import { contactChannels, contactMatters } from '../../../../shared/surveys/survey';
import { surveyPath } from '../../queries/survey-public';
import { useTranslation } from '../../translation';

/**
 * The survey's public link pre-filled for one desk — `?kanal=…&sprawa=…`, the names the answer page
 * reads (SurveyAnswerPage.tsx) — and its printable poster with the same link in the QR code.
 */
export function prefilledQuery(channel: string, matter: string): string {
  const query = new URLSearchParams();
  if (channel) query.set('kanal', channel);
  if (matter) query.set('sprawa', matter);
  const search = query.toString();
  return search ? `?${search}` : '';
}

/** The poster download and the link builder (issue 18 §1), on a survey's page for its office's staff. */
export function SurveyPoster({ institutionId, surveyId }: { institutionId: string; surveyId: string }) {
  const { t, i18n } = useTranslation();
  const [channel, setChannel] = useState('');
  const [matter, setMatter] = useState('');
  const [copy, setCopy] = useState<'copied' | 'copyFailed' | null>(null);
  const search = prefilledQuery(channel, matter);
  const link = `${window.location.origin}${surveyPath(surveyId)}${search}`;
  const lang = i18n.language === 'en' ? `${search ? '&' : '?'}lang=en` : '';
  const poster = `/api/institutions/${encodeURIComponent(institutionId)}/surveys/${encodeURIComponent(surveyId)}/poster.pdf${search}${lang}`;
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopy('copied');
    } catch {
      setCopy('copyFailed');
    }
  };
  return (
    <section aria-labelledby="sv-poster-title">
      <h2 id="sv-poster-title">{t('survey.poster.title')}</h2>
      <p className="hint">{t('survey.poster.hint')}</p>
      <div className="field">
        <label htmlFor="sv-poster-channel">{t('survey.poster.channel')}</label>
        <select
          id="sv-poster-channel"
          value={channel}
          onChange={(e) => {
            setChannel(e.target.value);
            setCopy(null);
          }}
        >
          <option value="">{t('survey.poster.none')}</option>
          {contactChannels.map((c) => (
            <option key={c} value={c}>
              {t(`survey.channel.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="sv-poster-matter">{t('survey.poster.matter')}</label>
        <select
          id="sv-poster-matter"
          value={matter}
          onChange={(e) => {
            setMatter(e.target.value);
            setCopy(null);
          }}
        >
          <option value="">{t('survey.poster.none')}</option>
          {contactMatters.map((m) => (
            <option key={m} value={m}>
              {t(`survey.matter.${m}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="sv-poster-link">{t('survey.poster.link')}</label>
        <textarea
          id="sv-poster-link"
          className="sv-link"
          rows={3}
          readOnly
          value={link}
          onFocus={(e) => e.target.select()}
        />
      </div>
      <p>
        <button type="button" onClick={copyLink}>
          {t('survey.poster.copy')}
        </button>{' '}
        <span role="status">{copy ? t(`survey.poster.${copy}`) : ''}</span>
      </p>
      <p>
        <a href={poster} download>
          {t('survey.poster.download')}
        </a>
        <br />
        <span className="hint">{t('survey.poster.downloadHint')}</span>
      </p>
    </section>
  );
}
