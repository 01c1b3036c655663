import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InferResponseType } from 'hono/client';
import { exportFormats, type ExportFormat } from '../../../../shared/exports/export-job';
import { api, send } from '../../api';
import { toFormError } from '../form';
import { Loading } from '../Loading';
import { formatSize, formatWarsaw } from './time';

type ExportItem = InferResponseType<(typeof api.api.editions)[':editionId']['exports']['$get'], 200>['items'][number];

const POLL_MS = 1500;

/** Queue an export (CSV, XLSX, ZIP of attachments); the list polls while any is being built. */
export function ExportsTab({ editionId }: { editionId: string }) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<ExportItem[] | null>(null);
  const [error, setError] = useState('');
  const [requesting, setRequesting] = useState<ExportFormat | null>(null);
  const [announce, setAnnounce] = useState('');
  const previous = useRef<Map<string, string>>(new Map());

  const load = useCallback(async () => {
    try {
      const res = await send(api.api.editions[':editionId'].exports.$get({ param: { editionId } }));
      const { items: list } = await res.json();
      // Announce exports that finished since the last poll.
      const done = list.filter((x) => x.status !== 'queued' && previous.current.get(x.exportId) === 'queued');
      if (done.length > 0)
        setAnnounce(
          done
            .map((x) =>
              t(x.status === 'ready' ? 'editions.exports.readyNow' : 'editions.exports.failedNow', {
                format: x.format.toUpperCase(),
              }),
            )
            .join(' '),
        );
      previous.current = new Map(list.map((x) => [x.exportId, x.status]));
      setItems(list);
      setError('');
    } catch (e) {
      setError(toFormError(e).message);
    }
  }, [editionId, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const pending = items?.some((x) => x.status === 'queued') ?? false;
  useEffect(() => {
    if (!pending) return undefined;
    const timer = window.setTimeout(() => void load(), POLL_MS);
    return () => window.clearTimeout(timer);
  }, [pending, items, load]);

  const request = async (format: ExportFormat) => {
    if (requesting) return;
    setRequesting(format);
    setError('');
    try {
      await send(api.api.editions[':editionId'].exports.$post({ param: { editionId }, json: { format } }));
      setAnnounce(t('editions.exports.queued', { format: format.toUpperCase() }));
      await load();
    } catch (e) {
      setError(toFormError(e).message);
    } finally {
      setRequesting(null);
    }
  };

  return (
    <>
      <p>{t('editions.exports.intro')}</p>
      <div className="ed-export-buttons">
        {exportFormats.map((f) => (
          <button key={f} type="button" aria-disabled={requesting ? true : undefined} onClick={() => void request(f)}>
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
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
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
                <td>{x.format.toUpperCase()}</td>
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
