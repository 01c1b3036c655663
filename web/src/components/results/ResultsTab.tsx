import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from '../../translation';
import { aggregations, bases } from '../../../../shared/results/aggregate';
import { Form, SubmitButton, useApiForm } from '../../forms/form';
import { toFormError } from '../../forms/errors';
import { currentLanguage } from '../../i18n';
import type { Edition } from '../../queries/editions';
import {
  resultsQuery,
  type ResultsMethod,
  type ResultsView,
  useLockDecisions,
  usePublishResults,
  useSetResultsMethod,
  useUnlockDecisions,
} from '../../queries/results';
import { ConfirmButton } from '../ConfirmButton';
import { ErrorBox } from '../ErrorBox';
import { ErrorNotice } from '../ErrorNotice';
import { Loading } from '../Loading';
import { ScrollRegion } from '../ScrollRegion';
import { formatWarsaw } from '../editions/time';
import { CorrectionForm } from './CorrectionForm';
import { DistributionChart } from './DistributionChart';
import { formatPercent, idPart, shortHash } from './format';
import { CategoryTable } from './ResultsTable';

const resultStates = new Set(['review', 'deliberation', 'published', 'archived']);
/** The results tab exists from review on. */
export const hasResults = (state: string) => resultStates.has(state);

type MethodValues = Omit<ResultsMethod, 'version'>;

function Radios<K extends string>({
  name,
  legend,
  options,
}: {
  name: string;
  legend: string;
  options: readonly { value: K; label: string }[];
}) {
  const { register } = useFormContext();
  return (
    <fieldset className="rs-radios">
      <legend>{legend}</legend>
      {options.map((o) => (
        <div className="ed-check" key={o.value}>
          <input type="radio" id={`rs-method-${name}-${o.value}`} value={o.value} {...register(name)} />
          <label htmlFor={`rs-method-${name}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** Which result decides (raw | calibrated; mean | median), changeable until the decisions are locked. */
function MethodForm({ view, onStatus }: { view: ResultsView; onStatus: (s: string) => void }) {
  const { t } = useTranslation();
  const save = useSetResultsMethod(view.editionId);
  const form = useApiForm<MethodValues>('rs-method', {
    defaultValues: { basis: view.deliberation.basis, aggregation: view.deliberation.aggregation },
  });
  const { deliberation } = view;
  const locked =
    !!deliberation.locked || !!deliberation.published || (view.state !== 'review' && view.state !== 'deliberation');
  const uncalibrated = view.experts.filter((e) => !e.calibratable).length;
  return (
    <section aria-labelledby="rs-method-title" className="rs-method">
      <h3 id="rs-method-title">{t('results.org.methodTitle')}</h3>
      <p className="rs-deciding-note">
        {t('results.org.deciding', {
          basis: t(`results.basis.${deliberation.basis}`),
          aggregation: t(`results.aggregation.${deliberation.aggregation}`),
          threshold: formatPercent(view.thresholdPercent, currentLanguage()),
          max: view.maxTotal,
        })}
      </p>
      {uncalibrated > 0 && <p className="hint">{t('results.org.notCalibratable', { count: uncalibrated })}</p>}
      {locked ? (
        <p className="notice">{t('results.org.methodLocked')}</p>
      ) : (
        <Form
          form={form}
          labelledBy="rs-method-title"
          onSubmit={async (values) => {
            await save.mutateAsync({ ...values, version: deliberation.version });
            form.meta.setStatus(t('results.org.methodSaved'));
            onStatus(t('results.org.methodSaved'));
          }}
        >
          <p className="hint">{t('results.org.methodHint')}</p>
          <div className="rs-method-choices">
            <Radios
              name="basis"
              legend={t('results.org.basisLegend')}
              options={bases.map((b) => ({ value: b, label: t(`results.basis.${b}`) }))}
            />
            <Radios
              name="aggregation"
              legend={t('results.org.aggregationLegend')}
              options={aggregations.map((a) => ({ value: a, label: t(`results.aggregation.${a}`) }))}
            />
          </div>
          <SubmitButton>{t('results.org.methodSave')}</SubmitButton>
        </Form>
      )}
    </section>
  );
}

/** Lock, unlock and publish; the server's refusal (409 naming what is missing) is shown as it said it. */
function LockAndPublish({
  view,
  onStatus,
  onReload,
}: {
  view: ResultsView;
  onStatus: (s: string) => void;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lock = useLockDecisions(view.editionId);
  const unlock = useUnlockDecisions(view.editionId);
  const publish = usePublishResults(view.editionId);
  const [failure, setFailure] = useState<unknown>(null);
  const { deliberation } = view;
  const busy = lock.isPending || unlock.isPending || publish.isPending;
  const run = async (action: () => Promise<string>) => {
    if (busy) return;
    setFailure(null);
    try {
      onStatus(await action());
    } catch (e) {
      setFailure(e);
    }
  };
  const error = failure ? toFormError(failure) : null;
  if (deliberation.published) return null;
  return (
    <section aria-labelledby="rs-lock-title" className="rs-lock">
      <h3 id="rs-lock-title">{t('results.org.lockTitle')}</h3>
      {view.state !== 'deliberation' && <p className="notice">{t('results.org.onlyInDeliberation')}</p>}
      {deliberation.locked ? (
        <p className="notice success">
          {t('results.org.lockedAt', {
            when: formatWarsaw(deliberation.locked.at, i18n.language),
            by: deliberation.locked.by.name ?? deliberation.locked.by.label,
          })}
        </p>
      ) : (
        <p>{t('results.org.notLocked')}</p>
      )}
      {error && (
        <ErrorBox
          headingId="rs-lock-error"
          heading={<h4 id="rs-lock-error">{t('results.org.cannot')}</h4>}
          focusKey={failure}
        >
          <p>{error.message}</p>
          {(error.code === 'STALE_VERSION' || error.code === 'INVALID_STATE') && (
            <p>
              <button
                type="button"
                onClick={() => {
                  setFailure(null);
                  onReload();
                }}
              >
                {t('results.org.reload')}
              </button>
            </p>
          )}
        </ErrorBox>
      )}
      {view.state === 'deliberation' && (
        <p className="rs-actions">
          {deliberation.locked ? (
            <button
              type="button"
              aria-disabled={busy || undefined}
              onClick={() =>
                void run(async () => {
                  await unlock.mutateAsync(deliberation.version);
                  return t('results.org.unlocked');
                })
              }
            >
              {t('results.org.unlock')}
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              aria-disabled={busy || undefined}
              onClick={() =>
                void run(async () => {
                  await lock.mutateAsync(deliberation.version);
                  return t('results.org.locked');
                })
              }
            >
              {t('results.org.lock')}
            </button>
          )}{' '}
          <ConfirmButton
            question={t('results.org.publishQuestion')}
            confirmLabel={t('results.org.publishConfirm')}
            busy={busy}
            onConfirm={() =>
              void run(async () => {
                const p = await publish.mutateAsync(deliberation.version);
                return p.created
                  ? t('results.org.published', { version: p.version, hash: shortHash(p.sha256) })
                  : t('results.org.alreadyPublished', { version: p.version });
              })
            }
          >
            {t('results.org.publish')}
          </ConfirmButton>
        </p>
      )}
    </section>
  );
}

function Versions({ view }: { view: ResultsView }) {
  const { t, i18n } = useTranslation();
  const base = `/laureaci/${encodeURIComponent(view.editionId)}`;
  return (
    <section aria-labelledby="rs-versions-title">
      <h3 id="rs-versions-title">{t('results.org.versionsTitle')}</h3>
      <p>
        <a href={base}>{t('results.org.publicPage')}</a>
      </p>
      <ScrollRegion labelledBy="rs-versions-title">
        <table className="rs-versions">
          <caption className="visually-hidden">{t('results.org.versionsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.org.version')}</th>
              <th scope="col">{t('results.org.hash')}</th>
              <th scope="col">{t('results.org.publishedAt')}</th>
              <th scope="col">{t('results.org.correctionReason')}</th>
            </tr>
          </thead>
          <tbody>
            {view.versions.map((v) => (
              <tr key={v.version} data-version={v.version}>
                <th scope="row">
                  <a href={`${base}?wersja=${v.version}`}>
                    {v.version}
                    <span className="visually-hidden"> — {t('results.org.openVersion', { version: v.version })}</span>
                  </a>
                </th>
                <td>
                  <code title={v.sha256}>{shortHash(v.sha256)}</code>
                </td>
                <td>
                  <time dateTime={v.publishedAt}>{formatWarsaw(v.publishedAt, i18n.language)}</time>
                </td>
                <td>{v.reason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

/** The organizer's "Wyniki" tab: method, ranked tables with decisions, distribution, lock, publication, corrections. */
export function ResultsTab({ edition }: { edition: Edition }) {
  const { t } = useTranslation();
  const results = useQuery(resultsQuery(edition.editionId));
  const [status, setStatus] = useState('');
  if (!hasResults(edition.state))
    return <p className="notice">{t('results.org.notYet', { state: t(`editions.state.${edition.state}`) })}</p>;
  if (results.isPending) return <Loading />;
  if (results.isError) return <ErrorNotice error={results.error} />;
  const view = results.data;
  const lang = currentLanguage();
  const { deliberation } = view;
  const editable = view.state === 'deliberation' && !deliberation.locked && !deliberation.published;
  const counts = [
    ['applications', view.counts.applications],
    ['laureates', view.counts.laureates],
    ['distinctions', view.counts.distinctions],
    ['notAwarded', view.counts.notAwarded],
    ['overridden', view.counts.overridden],
  ] as const;
  const bins = new Map(view.distribution.map((d) => [d.code, d.bins]));

  return (
    <div className="rs-tab">
      <p role="status" className="form-status rs-status">
        {status}
      </p>
      <MethodForm key={deliberation.version} view={view} onStatus={setStatus} />

      <section aria-labelledby="rs-counts-title">
        <h3 id="rs-counts-title">{t('results.org.countsTitle')}</h3>
        <dl className="facts rs-counts">
          {counts.map(([key, value]) => (
            <div key={key} data-key={key} className="sc-fact">
              <dt>{t(`results.org.counts.${key}`)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      {view.counts.applications === 0 && <p className="notice">{t('results.org.empty')}</p>}

      {view.categories.map((c) => {
        const name = lang === 'en' ? c.category.name.en : c.category.name.pl;
        const id = `rs-cat-${idPart(c.category.code)}`;
        return (
          <section key={c.category.code} aria-labelledby={id} className="rs-category">
            <h3 id={id}>{t('results.org.categoryTitle', { name })}</h3>
            <CategoryTable view={view} edition={edition} table={c} editable={editable} onStatus={setStatus} />
            <h4>{t('results.org.distributionTitle')}</h4>
            <DistributionChart code={c.category.code} name={name} bins={bins.get(c.category.code) ?? []} />
          </section>
        );
      })}

      <LockAndPublish view={view} onStatus={setStatus} onReload={() => void results.refetch()} />

      {deliberation.published && (
        <>
          <Versions view={view} />
          <section aria-labelledby="rs-correction-title">
            <h3 id="rs-correction-title">{t('results.org.correctionTitle')}</h3>
            <CorrectionForm key={deliberation.version} view={view} onDone={setStatus} />
          </section>
        </>
      )}
    </div>
  );
}
