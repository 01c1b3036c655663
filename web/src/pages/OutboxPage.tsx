import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../translation';
import { Loading } from '../components/Loading';
import { PageTitle } from '../components/PageTitle';
import { errorMessage } from '../forms/errors';
import { outboxQuery } from '../queries/accounts-signed-in';

export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const outbox = useQuery(outboxQuery);
  // "Refresh" shows the loading line again, as a fresh read does.
  const items = outbox.isFetching ? undefined : outbox.data?.items;

  return (
    <>
      <PageTitle>{t('outbox.title')}</PageTitle>
      <p className="notice info">{t('outbox.note')}</p>
      <p>
        <button type="button" onClick={() => void outbox.refetch()}>
          {t('outbox.refresh')}
        </button>
      </p>
      <div aria-live="polite">
        {outbox.isFetching && <Loading />}
        {!outbox.isFetching && outbox.data === null && <p>{t('outbox.notLocal')}</p>}
        {!outbox.isFetching && outbox.isError && <p className="notice error">{errorMessage(outbox.error)}</p>}
        {items && items.length === 0 && <p>{t('outbox.empty')}</p>}
        {items && items.length > 0 && <p>{t('outbox.count', { count: items.length })}</p>}
      </div>
      {items?.map((mail) => (
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
  let offset = 0;
  return text.split(URL_PATTERN).map((part, i) => {
    const at = offset; // where the piece starts in the text: its identity among the pieces
    offset += part.length;
    if (i % 2 === 0) return part;
    const url = URL.canParse(part) ? new URL(part) : null;
    if (!url) return part;
    const local = url.port === window.location.port && ['localhost', '127.0.0.1'].includes(url.hostname);
    return (
      <a key={at} href={local ? url.pathname + url.search : part}>
        {part}
      </a>
    );
  });
}
