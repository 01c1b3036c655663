import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bidValues } from '../../../../shared/chapter/chapter';
import { api, send } from '../../api';
import {
  OffsetPager,
  Reasons,
  type BiddingPage,
  type ExpertEdition,
  type MyAssignments,
} from '../../components/assignment/common';
import { formatWarsaw } from '../../components/editions/time';
import { TextAreaField } from '../../components/Field';
import { Form, SubmitButton, toFormError, useForm } from '../../components/form';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RequireRole } from '../../components/RequireRole';
import { useLastSegment } from '../../router';

const LIMIT = 25;
type BidRowData = BiddingPage['items'][number];

/**
 * One edition for an expert on its chapter: their own assignments (never anyone else's), with a way
 * to declare a conflict of interest, and the bidding list (−2…+2 per application) while it is open.
 */
export function ExpertEditionPage() {
  const editionId = useLastSegment();
  return <RequireRole roles={['expert']}>{() => <EditionForExpert editionId={editionId} />}</RequireRole>;
}

function EditionForExpert({ editionId }: { editionId: string }) {
  const { t, i18n } = useTranslation();
  const [edition, setEdition] = useState<ExpertEdition | null>(null);
  const [error, setError] = useState('');
  const [mine, setMine] = useState<MyAssignments | null>(null);
  const [status, setStatus] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [biddingKey, setBiddingKey] = useState(0);

  const loadMine = useCallback(async () => {
    const res = await send(api.api.expert.editions[':editionId'].assignments.$get({ param: { editionId } }));
    setMine(await res.json());
  }, [editionId]);

  useEffect(() => {
    let live = true;
    send(api.api.expert.editions.$get())
      .then((r) => r.json())
      .then(
        (x) => {
          if (!live) return;
          const found = x.items.find((e) => e.editionId === editionId);
          if (found) setEdition(found);
          else setError(t('assignment.expert.notMember'));
        },
        (e: unknown) => live && setError(toFormError(e).message),
      );
    loadMine().catch((e: unknown) => live && setError(toFormError(e).message));
    return () => {
      live = false;
    };
  }, [editionId, loadMine, t]);

  const declared = async (institution: string, flagged: boolean) => {
    setOpen(null);
    setStatus(t(flagged ? 'assignment.declare.doneFlagged' : 'assignment.declare.done', { institution }));
    await loadMine().catch((e: unknown) => setError(toFormError(e).message));
    setBiddingKey((k) => k + 1);
  };

  const title = edition ? `${edition.name} — ${edition.number} (${edition.year})` : t('assignment.expert.editionTitle');
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <p className="ed-subtitle">
        <a href="/expert">{t('assignment.expert.back')}</a>
      </p>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      <p role="status" className="form-status">
        {status}
      </p>
      {!error && !mine && <Loading />}
      {mine && (
        <section aria-labelledby="ex-mine-title">
          <h2 id="ex-mine-title">{t('assignment.expert.mineTitle')}</h2>
          <p>{t('assignment.expert.loadLine', { load: mine.items.length, min: mine.minLoad, max: mine.maxLoad })}</p>
          {mine.items.length === 0 ? (
            <p className="notice">{t('assignment.expert.noAssignments')}</p>
          ) : (
            <div className="table-scroll" role="region" aria-labelledby="ex-mine-title" tabIndex={0}>
              <table className="ex-mine">
                <caption className="visually-hidden">{t('assignment.expert.mineTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('assignment.current.institution')}</th>
                    <th scope="col">{t('assignment.expert.assignedAt')}</th>
                    <th scope="col">{t('assignment.expert.status')}</th>
                    <th scope="col">{t('assignment.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {mine.items.map((a) => (
                    <Fragment key={a.applicationId}>
                      <tr data-application-id={a.applicationId} className={a.flagged ? 'as-flagged' : undefined}>
                        <th scope="row">{a.institutionName}</th>
                        <td>
                          <time dateTime={a.assignedAt}>{formatWarsaw(a.assignedAt, i18n.language)}</time>
                        </td>
                        <td>
                          {a.flagged ? (
                            <>
                              <span className="ed-badge as-badge-flagged">{t('assignment.expert.flagged')}</span>
                              <span className="as-sub">
                                {t('assignment.expert.flaggedReason', { reason: a.flagged.reason })}
                              </span>
                            </>
                          ) : (
                            t('assignment.expert.active')
                          )}
                        </td>
                        <td>
                          {!a.flagged && (
                            <button
                              type="button"
                              aria-expanded={open === a.applicationId}
                              aria-controls={open === a.applicationId ? `ex-declare-${a.applicationId}` : undefined}
                              onClick={() => setOpen(open === a.applicationId ? null : a.applicationId)}
                            >
                              {t('assignment.declare.button')}
                              <span className="visually-hidden"> — {a.institutionName}</span>
                            </button>
                          )}
                        </td>
                      </tr>
                      {open === a.applicationId && (
                        <tr className="as-edit-row">
                          <td colSpan={4} id={`ex-declare-${a.applicationId}`}>
                            <DeclareConflictForm
                              editionId={editionId}
                              applicationId={a.applicationId}
                              institution={a.institutionName}
                              onDone={declared}
                              onCancel={() => setOpen(null)}
                            />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      {mine && <Bidding key={biddingKey} editionId={editionId} onDeclared={declared} />}
    </>
  );
}

function DeclareConflictForm({
  editionId,
  applicationId,
  institution,
  onDone,
  onCancel,
}: {
  editionId: string;
  applicationId: string;
  institution: string;
  onDone: (institution: string, flagged: boolean) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm(`declare-${applicationId.replace(/[^A-Za-z0-9_-]/g, '')}`, { reason: '' });
  const titleId = `${form.id}-title`;
  useEffect(() => {
    document.getElementById(`${form.id}-reason`)?.focus();
  }, [form.id]);
  const submit = async () => {
    const res = await send(
      api.api.expert.editions[':editionId'].conflicts.$post({
        param: { editionId },
        json: { applicationId, reason: form.values.reason ?? '' },
      }),
    );
    const body = await res.json();
    await onDone(institution, body.flagged);
  };
  return (
    <div className="as-editor">
      <h3 id={titleId} className="as-mini-title">
        {t('assignment.declare.title', { institution })}
      </h3>
      <Form form={form} onSubmit={submit} labelledBy={titleId}>
        <TextAreaField
          name="reason"
          label={t('assignment.declare.reason')}
          hint={t('assignment.declare.reasonHint')}
          rows={3}
        />
        <div className="ed-savebar">
          <SubmitButton>{t('assignment.declare.submit')}</SubmitButton>
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </Form>
    </div>
  );
}

function Bidding({
  editionId,
  onDeclared,
}: {
  editionId: string;
  onDeclared: (institution: string, flagged: boolean) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState<BiddingPage | null>(null);
  const [offset, setOffset] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(
    async (at: number, focus = false) => {
      setLoading(true);
      setError('');
      try {
        const res = await send(
          api.api.expert.editions[':editionId'].bidding.$get({
            param: { editionId },
            query: { offset: String(at), limit: String(LIMIT) },
          }),
        );
        setPage(await res.json());
        setOffset(at);
        if (focus) heading.current?.focus();
      } catch (e) {
        setError(toFormError(e).message);
      } finally {
        setLoading(false);
      }
    },
    [editionId],
  );

  useEffect(() => {
    void load(0);
  }, [load]);

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
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {!page && loading && <Loading />}
      {page && page.items.length === 0 && <p>{t('assignment.bidding.empty')}</p>}
      {page && page.items.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="ex-bidding-title" tabIndex={0}>
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
                          onDone={onDeclared}
                          onCancel={() => setOpen(null)}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page && (
        <OffsetPager
          offset={offset}
          limit={LIMIT}
          total={page.total}
          loading={loading}
          onPage={(at) => void load(at, true)}
        />
      )}
    </section>
  );
}

/**
 * −2…+2 as a radio group named by the institution. A choice is saved at once; choices made while a
 * save runs are sent after it, the last one winning, so arrow keys through the group end at what is shown.
 */
function BidControl({ editionId, row, disabled }: { editionId: string; row: BidRowData; disabled: boolean }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(row.bid);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const inFlight = useRef(false);
  const wanted = useRef<number | null>(null);
  const name = `bid-${row.applicationId}`;

  const save = async (v: number) => {
    inFlight.current = true;
    setError('');
    setMessage(t('assignment.bidding.saving'));
    try {
      await send(
        api.api.expert.editions[':editionId'].bids[':applicationId'].$put({
          param: { editionId, applicationId: row.applicationId },
          json: { value: v },
        }),
      );
      setMessage(t('assignment.bidding.saved', { value: t(`assignment.bid.${v}`) }));
    } catch (e) {
      const f = toFormError(e);
      setMessage('');
      setError([f.message, ...Object.values(f.fields)].join(' '));
    } finally {
      inFlight.current = false;
    }
    const next = wanted.current;
    wanted.current = null;
    if (next !== null && next !== v) await save(next);
  };

  const choose = (v: number) => {
    setValue(v);
    if (inFlight.current) wanted.current = v;
    else void save(v);
  };

  return (
    <fieldset className="ex-bid" disabled={disabled} aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="visually-hidden">
        {t('assignment.bidding.legend', { institution: row.institutionName })}
      </legend>
      <div className="ex-bid-options">
        {bidValues.map((v) => (
          <div className="ex-bid-option" key={v}>
            <input
              type="radio"
              id={`${name}-${v}`}
              name={name}
              value={String(v)}
              checked={value === v}
              onChange={() => choose(v)}
            />
            <label htmlFor={`${name}-${v}`}>{t(`assignment.bid.${v}`)}</label>
          </div>
        ))}
      </div>
      <p role="status" className="ex-bid-status">
        {message}
      </p>
      {error && (
        <p className="error-message" role="alert" id={`${name}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
