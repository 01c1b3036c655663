import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InferResponseType } from 'hono/client';
import { api, ApiError, send } from '../api';
import { toFormError } from '../components/form';
import { Loading } from '../components/Loading';
import { PageTitle } from '../components/PageTitle';

type Mail = InferResponseType<typeof api.api.dev.outbox.$get, 200>['items'][number];
type State =
  | { kind: 'loading' }
  | { kind: 'loaded'; items: Mail[] }
  | { kind: 'notLocal' }
  | { kind: 'error'; message: string };

export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const { items } = await (await send(api.api.dev.outbox.$get())).json();
      setState({ kind: 'loaded', items });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) setState({ kind: 'notLocal' });
      else setState({ kind: 'error', message: toFormError(error).message });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <PageTitle>{t('outbox.title')}</PageTitle>
      <p className="notice info">{t('outbox.note')}</p>
      <p>
        <button type="button" onClick={() => void load()}>
          {t('outbox.refresh')}
        </button>
      </p>
      <div aria-live="polite">
        {state.kind === 'loading' && <Loading />}
        {state.kind === 'notLocal' && <p>{t('outbox.notLocal')}</p>}
        {state.kind === 'error' && <p className="notice error">{state.message}</p>}
        {state.kind === 'loaded' && state.items.length === 0 && <p>{t('outbox.empty')}</p>}
        {state.kind === 'loaded' && state.items.length > 0 && <p>{t('outbox.count', { count: state.items.length })}</p>}
      </div>
      {state.kind === 'loaded' &&
        state.items.map((mail) => (
          <article key={mail.id} className="mail" aria-labelledby={`mail-${mail.id}`} data-to={mail.to}>
            <h2 id={`mail-${mail.id}`}>{mail.subject}</h2>
            <dl className="facts">
              <dt>{t('outbox.to')}</dt>
              <dd>{mail.to}</dd>
              <dt>{t('outbox.sentAt')}</dt>
              <dd>
                <time dateTime={mail.sentAt}>{new Date(mail.sentAt).toLocaleString(i18n.language)}</time>
              </dd>
            </dl>
            <div className="mail-text">{withLinks(mail.text)}</div>
          </article>
        ))}
    </>
  );
}

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/**
 * The mail's text with its links clickable. A link to this platform opens on the address the page
 * was opened with (localhost vs 127.0.0.1 hold different cookies).
 */
function withLinks(text: string) {
  return text.split(URL_PATTERN).map((part, i) => {
    if (i % 2 === 0) return part;
    const url = URL.canParse(part) ? new URL(part) : null;
    if (!url) return part;
    const local = url.port === window.location.port && ['localhost', '127.0.0.1'].includes(url.hostname);
    return (
      <a key={i} href={local ? url.pathname + url.search : part}>
        {part}
      </a>
    );
  });
}
