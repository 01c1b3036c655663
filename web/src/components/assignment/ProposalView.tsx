import { forwardRef, useState, type ReactNode } from 'react';
import { useTranslation } from '../../translation';
import { PAGE_SIZE, type Proposal } from '../../queries/assignment';
import { ScrollRegion } from '../ScrollRegion';
import { LoadHistogram } from './LoadHistogram';
import { OffsetPager } from './common';

/**
 * A computed, not yet written assignment: the summary, the load histogram, each expert's load with
 * what changes, and each application's experts (added ones marked, removed ones struck through with
 * the reason), 25 applications per page. The commit button is the caller's.
 */
export const ProposalView = forwardRef<HTMLHeadingElement, { proposal: Proposal; children?: ReactNode }>(
  function ProposalView({ proposal, children }, ref) {
    const { t, i18n } = useTranslation();
    const [offset, setOffset] = useState(0);
    const [changedOnly, setChangedOnly] = useState(false);
    const s = proposal.summary;
    const number = (n: number) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'pl-PL').format(n);
    const apps = changedOnly
      ? proposal.applications.filter((a) => a.removed.length > 0 || a.experts.some((x) => x.status === 'added'))
      : proposal.applications;
    const shown = apps.slice(offset, offset + PAGE_SIZE);
    const facts = [
      ['applications', number(s.applications)],
      ['experts', number(s.experts)],
      ['pairs', number(s.pairs)],
      ['added', number(s.added)],
      ['kept', number(s.kept)],
      ['removed', number(s.removed)],
      ['loads', t('assignment.proposal.loadRange', { min: s.minLoad, mean: number(s.meanLoad), max: s.maxLoad })],
      ['affinity', number(s.totalAffinity)],
    ] as const;

    return (
      <section aria-labelledby="as-proposal-title" className="as-proposal">
        <h3 id="as-proposal-title" tabIndex={-1} ref={ref}>
          {t(`assignment.proposal.title.${proposal.mode}`)}
        </h3>
        <p className="hint">{t(`assignment.proposal.modeHint.${proposal.mode}`, { count: proposal.k })}</p>
        <dl className="facts as-summary">
          {facts.map(([key, value]) => (
            <div key={key} data-key={key} className="as-fact">
              <dt>{t(`assignment.proposal.summary.${key}`)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>

        <LoadHistogram histogram={proposal.histogram} />

        <ScrollRegion labelledBy="as-proposal-experts">
          <table className="as-proposal-experts">
            <caption id="as-proposal-experts">{t('assignment.proposal.expertsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assignment.chapter.expert')}</th>
                <th scope="col" className="as-num">
                  {t('assignment.load.min')}
                </th>
                <th scope="col" className="as-num">
                  {t('assignment.load.max')}
                </th>
                <th scope="col" className="as-num">
                  {t('assignment.load.proposed')}
                </th>
                <th scope="col">{t('assignment.proposal.change')}</th>
              </tr>
            </thead>
            <tbody>
              {proposal.experts.map((x) => (
                <tr key={x.userId} className={x.added || x.removed ? 'as-changed' : undefined}>
                  <th scope="row">{x.displayName}</th>
                  <td className="as-num">{x.minLoad}</td>
                  <td className="as-num">{x.maxLoad}</td>
                  <td className="as-num">{x.load}</td>
                  <td>
                    {x.added > 0 && (
                      <span className="ed-badge as-badge-added">{t('assignment.proposal.plus', { n: x.added })}</span>
                    )}{' '}
                    {x.removed > 0 && (
                      <span className="ed-badge as-badge-removed">
                        {t('assignment.proposal.minus', { n: x.removed })}
                      </span>
                    )}
                    {!x.added && !x.removed && <span className="muted">{t('assignment.proposal.noChange')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>

        <h4 id="as-proposal-apps" tabIndex={-1}>
          {t('assignment.proposal.appsTitle')}
        </h4>
        <div className="ed-check">
          <input
            type="checkbox"
            id="as-changed-only"
            checked={changedOnly}
            onChange={(e) => {
              setChangedOnly(e.target.checked);
              setOffset(0);
            }}
          />
          <label htmlFor="as-changed-only">{t('assignment.proposal.changedOnly')}</label>
        </div>
        <p role="status" className="ed-live">
          {t('assignment.proposal.appsShown', { shown: shown.length, count: apps.length })}
        </p>
        {shown.length > 0 && (
          <ScrollRegion labelledBy="as-proposal-apps">
            <table className="as-proposal-apps">
              <caption className="visually-hidden">{t('assignment.proposal.appsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('assignment.current.institution')}</th>
                  <th scope="col">{t('assignment.proposal.experts')}</th>
                  <th scope="col">{t('assignment.proposal.removedCol')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((a) => (
                  <tr key={a.applicationId} data-application-id={a.applicationId}>
                    <th scope="row">
                      {a.institutionName}
                      <span className="as-sub">{t(`institutionType.${a.type}`)}</span>
                    </th>
                    <td>
                      <ul className="as-experts">
                        {a.experts.map((x) => (
                          <li key={x.userId} className={`as-pair as-pair-${x.status}`}>
                            {x.displayName}{' '}
                            <span className={`ed-badge as-badge-${x.status}`}>
                              {t(`assignment.pairStatus.${x.status}`)}
                            </span>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      {a.removed.length === 0 ? (
                        <span className="muted">—</span>
                      ) : (
                        <ul className="as-experts">
                          {a.removed.map((x) => (
                            <li key={x.userId} className="as-pair as-pair-removed">
                              <del>{x.displayName}</del>{' '}
                              <span className="ed-badge as-badge-removed">
                                {t('assignment.proposal.removedBecause', {
                                  reason: t(`assignment.dropReason.${x.reason}`),
                                })}
                              </span>
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
        <OffsetPager
          offset={offset}
          limit={PAGE_SIZE}
          total={apps.length}
          loading={false}
          onPage={(at) => {
            setOffset(at);
            document.getElementById('as-proposal-apps')?.focus();
          }}
        />
        {children}
      </section>
    );
  },
);
