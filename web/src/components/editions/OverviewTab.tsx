import { Fragment, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applicationStatuses, type ApplicationStatus } from '../../../../shared/applications/application';
import { nextState, type Edition } from '../../../../shared/editions/edition';
import { maxTotal } from '../../../../shared/editions/rubric';
import { questionCount } from '../../../../shared/editions/questionnaire';
import { api, send } from '../../api';
import { ConfirmButton } from '../ConfirmButton';
import { toFormError, type FormError } from '../form';
import { Loading } from '../Loading';
import { StateBadge } from './StateBadge';
import { formatWarsaw } from './time';

const timelineKeys = ['applicationsOpen', 'applicationsClose', 'reviewStart', 'reviewEnd', 'resultsDate'] as const;

/** State, the next-state step (asked twice), and the applications per status. */
export function OverviewTab({
  edition,
  onSaved,
  onReload,
}: {
  edition: Edition;
  onSaved: (e: Edition) => void;
  onReload: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [counts, setCounts] = useState<Record<ApplicationStatus, number> | null>(null);
  const [countsError, setCountsError] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const [status, setStatus] = useState('');
  const errorRef = useRef<HTMLDivElement>(null);
  const next = nextState(edition.state);

  useEffect(() => {
    let live = true;
    send(api.api.editions[':editionId']['application-counts'].$get({ param: { editionId: edition.editionId } }))
      .then((res) => res.json())
      .then(
        (c) => live && setCounts(c),
        (e: unknown) => live && setCountsError(toFormError(e).message),
      );
    return () => {
      live = false;
    };
  }, [edition.editionId]);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const move = async () => {
    if (!next || busy) return;
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      const res = await send(
        api.api.editions[':editionId'].transitions.$post({
          param: { editionId: edition.editionId },
          json: { to: next, version: edition.version },
        }),
      );
      const saved = (await res.json()) as Edition;
      onSaved(saved);
      setStatus(t('editions.overview.moved', { state: t(`editions.state.${saved.state}`) }));
    } catch (e) {
      setError(toFormError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <dl className="facts">
        <dt>{t('editions.state.label')}</dt>
        <dd>
          <StateBadge state={edition.state} />
        </dd>
        <dt>{t('editions.settings.number')}</dt>
        <dd>
          {edition.number}, {edition.year}
        </dd>
        {timelineKeys.map((k) => (
          <Fragment key={k}>
            <dt>{t(`editions.timeline.${k}`)}</dt>
            <dd>
              <time dateTime={edition.timeline[k]}>{formatWarsaw(edition.timeline[k], i18n.language)}</time>
            </dd>
          </Fragment>
        ))}
        <dt>{t('editions.rubric.maxTotal')}</dt>
        <dd>{maxTotal(edition.rubric)}</dd>
        <dt>{t('editions.overview.questions')}</dt>
        <dd>{questionCount(edition.questionnaire)}</dd>
        <dt>{t('editions.settings.categories')}</dt>
        <dd>{edition.categories.map((c) => t(`institutionType.${c}`)).join(', ')}</dd>
      </dl>

      <section aria-labelledby="ed-next-title" className="ed-next">
        <h3 id="ed-next-title">{t('editions.overview.nextTitle')}</h3>
        <p>{t('editions.overview.flow')}</p>
        <p role="status" className="form-status">
          {busy ? t('form.sending') : status}
        </p>
        {error && (
          <div className="error-summary" ref={errorRef} tabIndex={-1} role="group" aria-labelledby="ed-next-error">
            <h4 id="ed-next-error">{t('editions.overview.cannotMove')}</h4>
            <p>{error.message}</p>
            {(error.code === 'STALE_VERSION' || error.code === 'INVALID_STATE') && (
              <p>
                <button
                  type="button"
                  onClick={() => {
                    setError(null);
                    void onReload();
                  }}
                >
                  {t('editions.reload')}
                </button>
              </p>
            )}
          </div>
        )}
        {next ? (
          <ConfirmButton
            question={t('editions.overview.moveQuestion', { state: t(`editions.state.${next}`) })}
            confirmLabel={t('editions.overview.moveConfirm')}
            busy={busy}
            onConfirm={() => void move()}
          >
            {t(`editions.transition.${next}`)}
          </ConfirmButton>
        ) : (
          <p>{t('editions.overview.final')}</p>
        )}
      </section>

      <section aria-labelledby="ed-counts-title">
        <h3 id="ed-counts-title">{t('editions.overview.countsTitle')}</h3>
        {countsError && (
          <p className="notice error" role="alert">
            {countsError}
          </p>
        )}
        {!counts && !countsError && <Loading />}
        {counts && (
          <ul className="ed-counts">
            {applicationStatuses.map((s) => (
              <li key={s} data-status={s}>
                <a href={`?tab=applications&status=${s}`}>
                  <span className="ed-count">{counts[s]}</span>{' '}
                  <span className="ed-count-label">{t(`editions.appStatusPlural.${s}`)}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
