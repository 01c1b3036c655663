import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { useTranslation } from '../../translation';
import { applicationStatuses } from '../../../../shared/applications/application';
import { nextState } from '../../../../shared/editions/edition';
import { maxTotal } from '../../../../shared/editions/rubric';
import { questionCount } from '../../../../shared/editions/questionnaire';
import { toFormError, type FormError } from '../../forms/errors';
import { applicationCountsQuery, useChangeEditionState, type Edition } from '../../queries/editions';
import { ConfirmButton } from '../ConfirmButton';
import { ErrorBox } from '../ErrorBox';
import { ErrorNotice } from '../ErrorNotice';
import { Loading } from '../Loading';
import { StateBadge } from './StateBadge';
import { formatWarsaw } from './time';

/**
 * The number of scoring gaps a refused move to deliberation names, which the organizer may confirm
 * (the 409 puts its message on `confirmGaps` and ends it with the count in brackets); null otherwise.
 */
function confirmableGaps(error: FormError): number | null {
  const message = error.fields.confirmGaps;
  if (error.code !== 'INVALID_STATE' || !message) return null;
  const n = Number(/\((\d+)\)\.?\s*$/.exec(message)?.[1]);
  return Number.isInteger(n) && n > 0 ? n : null;
}

const timelineKeys = ['applicationsOpen', 'applicationsClose', 'reviewStart', 'reviewEnd', 'resultsDate'] as const;

/** State, the next-state step (asked twice), and the applications per status. */
export function OverviewTab({
  edition,
  onSaved,
  onReload,
}: {
  edition: Edition;
  /** After the step, with the version the edition had before it. */
  onSaved: (e: Edition, previous: number) => void;
  onReload: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const counts = useQuery(applicationCountsQuery(edition.editionId));
  const transition = useChangeEditionState(edition.editionId);
  const error = transition.error ? toFormError(transition.error) : null;
  const after = nextState(edition.state);
  const next = after === 'draft' ? null : after; // an edition never goes back to draft

  const move = async (confirmGaps?: number) => {
    if (!next || transition.isPending) return;
    const previous = edition.version;
    const saved = await transition
      .mutateAsync({ to: next, version: previous, ...(confirmGaps ? { confirmGaps } : {}) })
      .catch(() => null);
    if (saved) onSaved(saved, previous);
  };
  const gaps = error ? confirmableGaps(error) : null;
  const status = transition.isPending
    ? t('form.sending')
    : transition.data
      ? t('editions.overview.moved', { state: t(`editions.state.${transition.data.state}`) })
      : '';

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
          {status}
        </p>
        {error && (
          <ErrorBox
            headingId="ed-next-error"
            heading={<h4 id="ed-next-error">{t('editions.overview.cannotMove')}</h4>}
            focusKey={transition.error}
          >
            <p>{error.message}</p>
            {gaps !== null && (
              <p>
                <ConfirmButton
                  question={t('scoring.gaps.closeQuestion', { count: gaps })}
                  confirmLabel={t('scoring.gaps.closeConfirm')}
                  busy={transition.isPending}
                  onConfirm={() => void move(gaps)}
                >
                  {t('scoring.gaps.closeAnyway', { count: gaps })}
                </ConfirmButton>
              </p>
            )}
            {error.code === 'STALE_VERSION' && (
              <p>
                <button
                  type="button"
                  onClick={() => {
                    transition.reset();
                    void onReload();
                  }}
                >
                  {t('editions.reload')}
                </button>
              </p>
            )}
          </ErrorBox>
        )}
        {next === 'published' ? (
          // Publication is no state change of its own: the results tab locks the decisions and publishes a snapshot.
          <p className="ed-publish-in-tab">
            {t('results.overview.publishInTab')}{' '}
            <a href={`/organizer/editions/${encodeURIComponent(edition.editionId)}?tab=results`}>
              {t('results.overview.goToTab')}
            </a>
          </p>
        ) : next ? (
          <ConfirmButton
            question={t(`consequences.move.${next}`, {
              close: formatWarsaw(edition.timeline.applicationsClose, i18n.language),
            })}
            confirmLabel={t('editions.overview.moveConfirm')}
            busy={transition.isPending}
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
        <ErrorNotice error={counts.error} />
        {counts.isPending && <Loading />}
        {counts.data && (
          <ul className="ed-counts">
            {applicationStatuses.map((s) => (
              <li key={s} data-status={s}>
                <a href={`?tab=applications&status=${s}`}>
                  <span className="ed-count">{counts.data[s]}</span>{' '}
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
