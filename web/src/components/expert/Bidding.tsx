import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useRef, useState } from 'react';
import { useTranslation } from '../../translation';
import { biddingQuery, PAGE_SIZE } from '../../queries/assignment';
import { useFocusWhenShown, useOffset } from '../../queries/paging';
import { OffsetPager, Reasons } from '../assignment/common';
import { formatWarsaw } from '../editions/time';
import { ErrorNotice } from '../ErrorNotice';
import { Loading } from '../Loading';
import { ScrollRegion } from '../ScrollRegion';
import { BidControl } from './BidControl';
import { DeclareConflictForm } from './DeclareConflictForm';

/** The bidding list: every application of the edition with its conflict and the expert's bid, 25 a page. */
export function Bidding({
  editionId,
  onDeclared,
}: {
  editionId: string;
  onDeclared: (institution: string, flagged: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const { offset, go } = useOffset(editionId);
  const bidding = useQuery({ ...biddingQuery(editionId, offset), placeholderData: keepPreviousData });
  const page = bidding.data;
  const [open, setOpen] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusList = useFocusWhenShown(heading, bidding.isSuccess && !bidding.isPlaceholderData);

  const windowText = page
    ? t(`assignment.bidding.window.${page.window}`, {
        opens: formatWarsaw(page.opensAt, i18n.language),
        closes: formatWarsaw(page.closesAt, i18n.language),
      })
    : '';
  const canBid = page?.window === 'open';

  return (
    <section aria-labelledby="ex-bidding-title" className="ex-bidding">
      <h2 id="ex-bidding-title" tabIndex={-1} ref={heading}>
        {t('assignment.bidding.title')}
      </h2>
      <p className="hint">{t('assignment.bidding.hint')}</p>
      {page && <p className={`notice ex-window ex-window-${page.window}`}>{windowText}</p>}
      <ErrorNotice error={bidding.error} />
      {bidding.isPending && <Loading />}
      {page && page.items.length === 0 && <p>{t('assignment.bidding.empty')}</p>}
      {page && page.items.length > 0 && (
        <ScrollRegion labelledBy="ex-bidding-title">
          <table className="ex-bids">
            <caption className="visually-hidden">{t('assignment.bidding.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assignment.current.institution')}</th>
                <th scope="col">{t('assignment.bidding.conflict')}</th>
                <th scope="col">{t('assignment.bidding.yourBid')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((row) => (
                <Fragment key={row.applicationId}>
                  <tr
                    data-application-id={row.applicationId}
                    className={row.conflict.length > 0 ? 'as-conflicted' : undefined}
                  >
                    <th scope="row">
                      {row.institutionName}
                      <span className="as-sub">
                        {t(`institutionType.${row.type}`)}, {row.voivodeship}
                      </span>
                    </th>
                    <td>
                      {row.conflict.length > 0 ? (
                        <>
                          <span className="ed-badge as-badge-flagged">{t('assignment.bidding.inConflict')}</span>
                          <Reasons reasons={row.conflict} />
                        </>
                      ) : (
                        <>
                          <span className="muted">{t('assignment.bidding.noConflict')}</span>{' '}
                          <button
                            type="button"
                            className="link"
                            aria-expanded={open === row.applicationId}
                            aria-controls={
                              open === row.applicationId ? `ex-bid-declare-${row.applicationId}` : undefined
                            }
                            onClick={() => setOpen(open === row.applicationId ? null : row.applicationId)}
                          >
                            {t('assignment.declare.button')}
                            <span className="visually-hidden"> — {row.institutionName}</span>
                          </button>
                        </>
                      )}
                    </td>
                    <td>
                      <BidControl editionId={editionId} row={row} disabled={!canBid} />
                    </td>
                  </tr>
                  {open === row.applicationId && (
                    <tr className="as-edit-row">
                      <td colSpan={3} id={`ex-bid-declare-${row.applicationId}`}>
                        <DeclareConflictForm
                          editionId={editionId}
                          applicationId={row.applicationId}
                          institution={row.institutionName}
                          onDone={(institution, flagged) => {
                            setOpen(null);
                            onDeclared(institution, flagged);
                          }}
                          onCancel={() => setOpen(null)}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {page && (
        <OffsetPager
          offset={offset}
          limit={PAGE_SIZE}
          total={page.total}
          loading={bidding.isFetching}
          onPage={(at) => {
            focusList();
            go(at);
          }}
        />
      )}
    </section>
  );
}
