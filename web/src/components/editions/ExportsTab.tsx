import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../translation';
import { exportFormats, type ExportFormat } from '../../../../shared/exports/export-job';
import { exportsQuery, useRequestExport, type ExportItem } from '../../queries/editions';
import { ErrorNotice } from '../ErrorNotice';
import { Loading } from '../Loading';
import { formatSize, formatWarsaw } from './time';

const POLL_MS = 1500;
const isPending = (items: readonly ExportItem[] | undefined) => items?.some((x) => x.status === 'queued') ?? false;

/** Queue an export (CSV, XLSX, ZIP of attachments); the list polls while any is being built. */

export function ExportsTab({ editionId }: { editionId: string }) {
  const { t, i18n } = useTranslation();
  /** Every format by the name on its button ("Opłaty laureatów (CSV dla Excela)"), never a code like FEES-CSV. */
  const formatLabel = (f: ExportFormat) => t(`editions.exports.request.${f}`);
  const exports = useQuery({
    ...exportsQuery(editionId),
    refetchInterval: (query) => (isPending(query.state.data) ? POLL_MS : false),
  });
  const requestExport = useRequestExport(editionId);
  const requesting = requestExport.isPending;
  const [announce, setAnnounce] = useState('');
  const previous = useRef<Map<string, string>>(new Map());
  const items = exports.data;

  // Announce exports that finished since the last poll.
  useEffect(() => {
    if (!items) return;
    const done = items.filter((x) => x.status !== 'queued' && previous.current.get(x.exportId) === 'queued');
    if (done.length > 0)
      setAnnounce(
        done
          .map((x) =>
            t(x.status === 'ready' ? 'editions.exports.readyNow' : 'editions.exports.failedNow', {
              format: t(`editions.exports.request.${x.format}`),
            }),
          )
          .join(' '),
      );
    previous.current = new Map(items.map((x) => [x.exportId, x.status]));
  }, [items, t]);

  const request = (format: ExportFormat) => {
    if (requesting) return;
    requestExport.mutate(format, {
      onSuccess: () => setAnnounce(t('editions.exports.queued', { format: formatLabel(format) })),
    });
  };
  const pending = isPending(items);
  const error = requestExport.error ?? exports.error;

  return (
    <>
      <p>{t('editions.exports.intro')}</p>
      <div className="ed-export-buttons">
        {exportFormats.map((f) => (
          <button key={f} type="button" aria-disabled={requesting || undefined} onClick={() => request(f)}>
            {t(`editions.exports.request.${f}`)}
          </button>
        ))}
      </div>
      <div role="status" aria-live="polite" className="ed-live">
        {pending ? (
          <span className="loading">
            <span className="spinner" aria-hidden="true" /> {t('editions.exports.preparing')}
          </span>
        ) : (
          announce
        )}
      </div>
      <ErrorNotice error={error} />
      {!items && !error && <Loading />}
      {items && items.length === 0 && <p>{t('editions.exports.empty')}</p>}
      {items && items.length > 0 && (
        <table>
          <caption className="visually-hidden">{t('editions.exports.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('editions.exports.format')}</th>
              <th scope="col">{t('editions.exports.requestedAt')}</th>
              <th scope="col">{t('editions.exports.status')}</th>
              <th scope="col">{t('editions.exports.rows')}</th>
              <th scope="col">{t('editions.exports.file')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((x) => (
              <tr key={x.exportId} data-export-id={x.exportId} data-status={x.status}>
                <td>{formatLabel(x.format)}</td>
                <td>
                  <time dateTime={x.requestedAt}>{formatWarsaw(x.requestedAt, i18n.language)}</time>
                </td>
                <td>
                  {x.status === 'queued' && <progress aria-label={t('editions.exports.preparing')} />}{' '}
                  {t(`editions.exports.state.${x.status}`)}
                  {x.status === 'failed' && x.error ? <span className="muted"> ({x.error})</span> : null}
                </td>
                <td>{x.rows ?? ''}</td>
                <td>
                  {x.status === 'ready' && x.fileName ? (
                    <a
                      href={`/api/editions/${encodeURIComponent(editionId)}/exports/${encodeURIComponent(x.exportId)}/file`}
                      download={x.fileName}
                    >
                      {t('editions.exports.download', { file: x.fileName })}
                    </a>
                  ) : null}
                  {x.size !== undefined ? <span className="muted"> ({formatSize(x.size, i18n.language)})</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
