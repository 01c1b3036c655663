import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../../translation';
import { scoringProgressQuery, type ProgressApplication, type ScoringProgress } from '../../queries/reviews';
import { ErrorNotice } from '../ErrorNotice';
import { Loading } from '../Loading';
import { ScrollRegion } from '../ScrollRegion';
import { formatWarsaw } from '../editions/time';
import { Disagreements } from './Disagreements';
import { formatPoints } from './SheetFields';

type Expert = ScoringProgress['experts'][number];
type ExpertColumn = 'displayName' | 'assigned' | 'notStarted' | 'inProgress' | 'submitted' | 'overdue';
type AppColumn = 'institutionName' | 'submitted' | 'awaitingReplacement';
interface Sort<C> {
  column: C;
  descending: boolean;
}

const compare = (a: string | number, b: string | number) =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'pl');

function sorted<T, C extends string>(rows: T[], sort: Sort<C>, value: (row: T, column: C) => string | number): T[] {
  const out = [...rows].sort((x, y) => compare(value(x, sort.column), value(y, sort.column)));
  return sort.descending ? out.reverse() : out;
}

/** A column heading that sorts the table by itself (again: the other way), announced through aria-sort. */
function SortHeader<C extends string>({
  column,
  label,
  sort,
  onSort,
}: {
  column: C;
  label: string;
  sort: Sort<C>;
  onSort: (s: Sort<C>) => void;
}) {
  const { t } = useTranslation();
  const active = sort.column === column;
  return (
    <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}>
      <button
        type="button"
        className="link-button"
        onClick={() => onSort({ column, descending: active ? !sort.descending : false })}
      >
        {label}
        <span className="visually-hidden"> — {t('scoring.org.sortBy', { column: label })}</span>
        {active && <span aria-hidden="true">{sort.descending ? ' ▼' : ' ▲'}</span>}
      </button>
    </th>
  );
}

/** The organizer's "Ocena" tab: summary, progress per expert and per application, the disagreement queue. */
export function ScoringTab({ editionId }: { editionId: string }) {
  const { t, i18n } = useTranslation();
  const progress = useQuery(scoringProgressQuery(editionId));
  const [expertSort, setExpertSort] = useState<Sort<ExpertColumn>>({ column: 'displayName', descending: false });
  const [appSort, setAppSort] = useState<Sort<AppColumn>>({ column: 'institutionName', descending: false });
  const [onlyIncomplete, setOnlyIncomplete] = useState(false);
  if (progress.isPending) return <Loading />;
  if (progress.isError) return <ErrorNotice error={progress.error} />;
  const p = progress.data;
  if (p.summary.pairs === 0 && p.experts.length === 0) return <p className="notice">{t('scoring.org.empty')}</p>;

  const summary = [
    ['pairs', p.summary.pairs],
    ['submitted', p.summary.submitted],
    ['inProgress', p.summary.inProgress],
    ['notStarted', p.summary.notStarted],
    ['disagreements', p.summary.disagreements],
  ] as const;
  const experts = sorted<Expert, ExpertColumn>(p.experts, expertSort, (e, c) => e[c]);
  const apps = sorted<ProgressApplication, AppColumn>(
    p.applications.filter((a) => !onlyIncomplete || a.submitted < a.expected || a.awaitingReplacement > 0),
    appSort,
    (a, c) => (c === 'submitted' ? a.submitted / Math.max(1, a.expected) : a[c]),
  );
  const num = (n: number) => formatPoints(n, i18n.language);

  return (
    <div className="sc-tab">
      <section aria-labelledby="sc-summary-title">
        <h3 id="sc-summary-title">{t('scoring.org.summaryTitle')}</h3>
        <dl className="facts sc-summary">
          <dt>{t('scoring.org.deadline')}</dt>
          <dd>
            <time dateTime={p.deadline}>{formatWarsaw(p.deadline, i18n.language)}</time>
          </dd>
          {summary.map(([key, value]) => (
            <div key={key} data-key={key} className="sc-fact">
              <dt>{t(`scoring.org.${key}`)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {p.summary.pairs > 0 && p.summary.submitted + p.summary.inProgress === 0 && (
          <p className="notice">{t('scoring.org.noSheets')}</p>
        )}
      </section>

      <section aria-labelledby="sc-experts-title">
        <h3 id="sc-experts-title">{t('scoring.org.expertsTitle')}</h3>
        <ScrollRegion labelledBy="sc-experts-title">
          <table className="sc-experts">
            <caption className="visually-hidden">{t('scoring.org.expertsTitle')}</caption>
            <thead>
              <tr>
                {(
                  [
                    ['displayName', t('scoring.org.expert')],
                    ['assigned', t('scoring.org.assigned')],
                    ['notStarted', t('scoring.org.notStarted')],
                    ['inProgress', t('scoring.org.inProgress')],
                    ['submitted', t('scoring.org.submitted')],
                    ['overdue', t('scoring.org.overdue')],
                  ] as const
                ).map(([column, label]) => (
                  <SortHeader key={column} column={column} label={label} sort={expertSort} onSort={setExpertSort} />
                ))}
              </tr>
            </thead>
            <tbody>
              {experts.map((e) => (
                <tr key={e.expertId} data-expert-id={e.expertId}>
                  <th scope="row">{e.displayName}</th>
                  <td className="as-num">{e.assigned}</td>
                  <td className="as-num">{e.notStarted}</td>
                  <td className="as-num">{e.inProgress}</td>
                  <td className="as-num">{e.submitted}</td>
                  <td className={e.overdue > 0 ? 'as-num sc-overdue' : 'as-num'}>{e.overdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>

      <section aria-labelledby="sc-apps-title">
        <h3 id="sc-apps-title">{t('scoring.org.applicationsTitle')}</h3>
        <div className="ed-check">
          <input
            type="checkbox"
            id="sc-only-incomplete"
            checked={onlyIncomplete}
            onChange={(e) => setOnlyIncomplete(e.target.checked)}
          />
          <label htmlFor="sc-only-incomplete">{t('scoring.org.onlyIncomplete')}</label>
        </div>
        {apps.length === 0 ? (
          <p>{t('scoring.org.noneIncomplete')}</p>
        ) : (
          <ScrollRegion labelledBy="sc-apps-title">
            <table className="sc-apps">
              <caption className="visually-hidden">{t('scoring.org.applicationsTitle')}</caption>
              <thead>
                <tr>
                  <SortHeader
                    column="institutionName"
                    label={t('scoring.org.institution')}
                    sort={appSort}
                    onSort={setAppSort}
                  />
                  <SortHeader
                    column="submitted"
                    label={t('scoring.org.submittedOf')}
                    sort={appSort}
                    onSort={setAppSort}
                  />
                  <SortHeader
                    column="awaitingReplacement"
                    label={t('scoring.org.awaiting')}
                    sort={appSort}
                    onSort={setAppSort}
                  />
                  <th scope="col">{t('scoring.org.totals')}</th>
                </tr>
              </thead>
              <tbody>
                {apps.map((a) => (
                  <tr key={a.applicationId} data-application-id={a.applicationId}>
                    <th scope="row">{a.institutionName}</th>
                    <td className="as-num sc-submitted">
                      {t('scoring.org.submittedOfValue', { submitted: a.submitted, expected: a.expected })}
                    </td>
                    <td className="as-num">{a.awaitingReplacement}</td>
                    <td>
                      {a.totals.length === 0 ? (
                        '—'
                      ) : (
                        <ul className="sc-totals">
                          {a.totals.map((x) => (
                            <li key={x.expertId}>
                              {x.displayName}: {num(x.total)}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      <Disagreements editionId={editionId} progress={p} />
    </div>
  );
}
