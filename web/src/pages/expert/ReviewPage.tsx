import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../translation';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatWarsaw } from '../../components/editions/time';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RequireRole } from '../../components/RequireRole';
import { OthersSheets } from '../../components/scoring/OthersSheets';
import { ReviewAnswers } from '../../components/scoring/ReviewAnswers';
import { ScoreSheetForm } from '../../components/scoring/ScoreSheetForm';
import { institutionTypes } from '../../../../shared/institutions/institution';
import { ApiError } from '../../api';
import { reviewQuery } from '../../queries/reviews';
import { useLocation } from '../../router';

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** `/expert/editions/:editionId/reviews/:applicationId` → both ids. */
function useReviewParams() {
  const { path } = useLocation();
  const m = /^\/expert\/editions\/([^/]+)\/reviews\/([^/]+)\/?$/.exec(path);
  return { editionId: decode(m?.[1] ?? ''), applicationId: decode(m?.[2] ?? '') };
}

/**
 * An expert scores one assigned application: the answers and attachments read-only beside (on narrow
 * screens above) the score sheet, and the other experts' sheets when the edition's rule allows.
 */
export function ReviewPage() {
  const { editionId, applicationId } = useReviewParams();
  return (
    <RequireRole roles={['expert']}>
      {() => <Review key={`${editionId}/${applicationId}`} editionId={editionId} applicationId={applicationId} />}
    </RequireRole>
  );
}

function Review({ editionId, applicationId }: { editionId: string; applicationId: string }) {
  const { t, i18n } = useTranslation();
  const review = useQuery(reviewQuery(editionId, applicationId));
  const view = review.data;
  const back = `/expert/editions/${encodeURIComponent(editionId)}`;
  const typeName = (type: string) => {
    const known = institutionTypes.find((x) => x === type);
    return known ? t(`institutionType.${known}`) : type;
  };
  const notAssigned = review.error instanceof ApiError && review.error.status === 404;
  return (
    <>
      <PageTitle>
        {view
          ? t('scoring.review.title', { institution: view.application.institution.name })
          : t('scoring.review.titleLoading')}
      </PageTitle>
      <p className="ed-subtitle">
        <a href={back}>{t('scoring.review.back')}</a>
        {view && (
          <>
            {' · '}
            {view.edition.name} — {view.edition.number}
            {' · '}
            {t('scoring.review.deadline', { when: formatWarsaw(view.edition.deadline, i18n.language) })}
          </>
        )}
      </p>
      {notAssigned ? (
        <p className="notice error" role="alert">
          {t('scoring.review.notAssigned')}
        </p>
      ) : (
        <ErrorNotice error={review.error} />
      )}
      {review.isPending && <Loading />}
      {view && (
        <>
          <p>
            {t('scoring.review.institutionFacts', {
              type: typeName(view.application.institution.type),
              voivodeship: view.application.institution.voivodeship,
            })}
            {view.application.submittedAt && (
              <>
                {' · '}
                {t('scoring.review.submittedAt', {
                  when: formatWarsaw(view.application.submittedAt, i18n.language),
                })}
              </>
            )}
          </p>
          <div className="rv-layout">
            <ReviewAnswers editionId={editionId} view={view} />
            <div className="rv-side">
              <ScoreSheetForm editionId={editionId} view={view} />
              <OthersSheets view={view} />
            </div>
          </div>
        </>
      )}
    </>
  );
}
