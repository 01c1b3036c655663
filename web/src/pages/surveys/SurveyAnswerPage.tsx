import { type FormEvent, useRef, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useAction, useFetchOnce } from '../../fetching';
import { type PublicSurvey, readPublicSurvey, type SurveyAnswer, sendSurveyAnswer } from '../../queries/survey-public';
import { useLastSegment, useLocation } from '../../router';
import { useTranslation } from '../../translation';
import { ApiError } from '../../api';

const SCALE = [1, 2, 3, 4, 5] as const;
type Rating = (typeof SCALE)[number];
const plDate = (day: string) => day.split('-').reverse().join('.');

/** One question on the 1–5 scale: a radio group a thumb or the arrow keys can answer. */
function ScaleQuestion({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: Rating | undefined;
  onChange: (v: Rating) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="sv-question">
      <legend>{label}</legend>
      <div className="sv-scale">
        {SCALE.map((v) => (
          <label key={v} className="sv-option">
            <input
              type="radio"
              name={id}
              value={v}
              checked={value === v}
              onChange={() => onChange(v)}
              aria-label={t(`survey.value.${v}`)}
            />
            <span aria-hidden="true">{v}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function AnswerForm({ survey }: { survey: PublicSurvey }) {
  const { t, i18n } = useTranslation();
  const { query } = useLocation();
  const [ratings, setRatings] = useState<Record<string, Rating>>({});
  const [own, setOwn] = useState<Record<string, Rating>>({});
  const preset = (name: string, allowed: readonly string[]) => {
    const v = query.get(name) ?? '';
    return allowed.includes(v) ? v : '';
  };
  const [matter, setMatter] = useState(() => preset('sprawa', survey.matters) || preset('matter', survey.matters));
  const [channel, setChannel] = useState(() => preset('kanal', survey.channels) || preset('channel', survey.channels));
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const honeypot = useRef<HTMLInputElement>(null);
  const first = useRef<HTMLDivElement>(null);
  const answer = useAction(sendSurveyAnswer);
  const text = (l: { pl: string; en?: string }) => (i18n.language === 'en' && l.en ? l.en : l.pl);

  if (answer.isSuccess)
    return (
      <section className="notice success" role="status">
        <h2>{t('survey.thanks')}</h2>
        <p>{t('survey.thanksHint')}</p>
      </section>
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (answer.isPending) return; // a double tap sends one answer
    if (Object.keys(ratings).length + Object.keys(own).length === 0) {
      setMissing(true);
      first.current?.querySelector('input')?.focus();
      return;
    }
    const body: SurveyAnswer = {
      ratings,
      ...(Object.keys(own).length > 0 ? { own } : {}),
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      ...(matter ? { matter: matter as SurveyAnswer['matter'] } : {}),
      ...(channel ? { channel: channel as SurveyAnswer['channel'] } : {}),
      ...(honeypot.current?.value ? { website: honeypot.current.value } : {}),
    };
    answer.mutateAsync({ surveyId: survey.surveyId, answer: body }).catch(() => undefined);
  };

  return (
    <form noValidate onSubmit={submit} className="sv-form">
      <p className="hint" id="sv-scale-legend">
        {t('survey.scaleLegend')}
      </p>
      {missing && (
        <p className="error-message" role="alert">
          {t('survey.noRating')}
        </p>
      )}
      <div ref={first}>
        {survey.aspects.map((aspect) => (
          <ScaleQuestion
            key={aspect}
            id={`sv-${aspect}`}
            label={t(`survey.aspect.${aspect}`)}
            value={ratings[aspect]}
            onChange={(v) => {
              setMissing(false);
              setRatings((r) => ({ ...r, [aspect]: v }));
            }}
          />
        ))}
        {survey.ownQuestions.map((q) => (
          <ScaleQuestion
            key={q.id}
            id={`sv-${q.id}`}
            label={text(q.text)}
            value={own[q.id]}
            onChange={(v) => {
              setMissing(false);
              setOwn((o) => ({ ...o, [q.id]: v }));
            }}
          />
        ))}
      </div>
      <div className="field">
        <label htmlFor="sv-matter">{t('survey.matterLabel')}</label>
        <select id="sv-matter" value={matter} onChange={(e) => setMatter(e.target.value)}>
          <option value="">{t('survey.choose')}</option>
          {survey.matters.map((m) => (
            <option key={m} value={m}>
              {t(`survey.matter.${m}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="sv-channel">{t('survey.channelLabel')}</label>
        <select id="sv-channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
          <option value="">{t('survey.choose')}</option>
          {survey.channels.map((c) => (
            <option key={c} value={c}>
              {t(`survey.channel.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="sv-comment">{t('survey.commentLabel')}</label>
        <p className="hint" id="sv-comment-hint">
          {t('survey.commentHint')}
        </p>
        <textarea
          id="sv-comment"
          rows={3}
          maxLength={1000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          aria-describedby="sv-comment-hint"
        />
      </div>
      {/* The honeypot: hidden from people and assistive technology; a bot that fills it is answered like anyone. */}
      <div className="visually-hidden" aria-hidden="true">
        <label htmlFor="sv-website">{t('survey.honeypot')}</label>
        <input ref={honeypot} id="sv-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <ErrorNotice error={answer.isError ? answer.error : null} />
      <button type="submit" className="primary" disabled={answer.isPending} aria-busy={answer.isPending || undefined}>
        {answer.isPending ? t('survey.sending') : t('survey.submit')}
      </button>
    </form>
  );
}

/**
 * A resident's answer page (issue 18 §2): `/ankieta/:surveyId`, no account, on a phone first. The link
 * handed out after a contact may pre-fill the channel and the matter (`?kanal=phone&sprawa=taxes_fees`).
 */
export function SurveyAnswerPage() {
  const { t } = useTranslation();
  const surveyId = useLastSegment();
  const survey = useFetchOnce(`survey:${surveyId}`, (signal) => readPublicSurvey(surveyId, signal));
  if (survey.isPending) return <Loading label={t('survey.loading')} />;
  if (survey.isError || !survey.data) {
    const missing = survey.error instanceof ApiError && survey.error.status === 404;
    return (
      <>
        <PageTitle>{t('survey.notFound')}</PageTitle>
        {!missing && <ErrorNotice error={survey.error} />}
      </>
    );
  }
  const s = survey.data;
  return (
    <>
      <PageTitle>{s.title.pl}</PageTitle>
      <p className="sv-office">{s.institutionName}</p>
      {s.open ? (
        <>
          <p>{t('survey.intro')}</p>
          <AnswerForm survey={s} />
        </>
      ) : (
        <p className="notice">{t('survey.closed', { from: plDate(s.opensOn), to: plDate(s.closesOn) })}</p>
      )}
    </>
  );
}
