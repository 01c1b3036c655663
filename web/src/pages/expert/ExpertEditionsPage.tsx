import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../translation';
import type { EditionState, Timeline } from '../../../../shared/editions/edition';
import { warsaw } from '../../components/applications/format';
import { StateBadge } from '../../components/editions/StateBadge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RequireRole } from '../../components/RequireRole';
import { ScrollRegion } from '../../components/ScrollRegion';
import { expertEditionsQuery } from '../../queries/assignment';
import { recentEditionsQuery } from '../../queries/editions';

/** The editions whose chapter the signed-in expert sits on, with their load in each. */
export function ExpertEditionsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('assignment.expert.editionsTitle')}</PageTitle>
      <RequireRole roles={['expert']}>{() => <MyEditions />}</RequireRole>
    </>
  );
}

function MyEditions() {
  const { t } = useTranslation();
  const editions = useQuery(expertEditionsQuery);
  const items = editions.data;
  // The dates come from the editions list every signed-in account may read (no extra endpoint).
  const timelines = useQuery(recentEditionsQuery);
  const timelineOf = new Map((timelines.data ?? []).map((e) => [e.editionId, e.timeline]));

  return (
    <>
      <p className="lead">{t('assignment.expert.editionsLead')}</p>
      <ErrorNotice error={editions.error} />
      {editions.isPending && <Loading />}
      {items && items.length === 0 && <p className="notice">{t('assignment.expert.noEditions')}</p>}
      {items && items.length > 0 && (
        <ScrollRegion labelledBy="expert-editions-caption">
          <table>
            <caption id="expert-editions-caption" className="visually-hidden">
              {t('assignment.expert.editionsTitle')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('assignment.expert.edition')}</th>
                <th scope="col">{t('assignment.expert.state')}</th>
                <th scope="col">{t('assignment.chapter.role')}</th>
                <th scope="col" className="as-num">
                  {t('assignment.expert.load')}
                </th>
                <th scope="col">{t('landing.expert.next')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.editionId}>
                  <th scope="row">
                    <a
                      href={`/expert/editions/${encodeURIComponent(e.editionId)}`}
                    >{`${e.name} — ${e.number} (${e.year})`}</a>
                  </th>
                  <td>
                    <StateBadge state={e.state} />
                  </td>
                  <td>{e.chair ? t('assignment.chapter.chair') : t('assignment.chapter.memberRole')}</td>
                  <td className="as-num">{e.load}</td>
                  <td>
                    <NextStep state={e.state} timeline={timelineOf.get(e.editionId)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}

/** The expert's next date in the edition: when review starts, when it ends, when results come. */
function NextStep({ state, timeline }: { state: EditionState; timeline: Timeline | undefined }) {
  const { t } = useTranslation();
  if (state === 'draft' || state === 'published' || state === 'archived') return t(`landing.expert.${state}`);
  if (!timeline) return '—';
  const when = { open: timeline.reviewStart, review: timeline.reviewEnd, deliberation: timeline.resultsDate }[state];
  return t(`landing.expert.${state}`, { when: warsaw(when) });
}
