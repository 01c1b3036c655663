import { useRef } from 'react';
import { useTranslation } from '../translation';
import type { AuditSubjectType } from '../../../shared/audit/audit';
import type { AuditEntry } from '../queries/accounts';
import { useFocusWhenShown } from '../queries/paging';
import { ScrollRegion } from './ScrollRegion';

interface Props {
  items: AuditEntry[];
  pageNumber: number;
  /** False while the page asked for is still loading (the previous one is shown meanwhile). */
  shown: boolean;
  onSubject: (type: AuditSubjectType, id: string) => void;
  onNext?: () => void;
  onFirst?: () => void;
}

const compact = (value: unknown) => (value === undefined ? '' : JSON.stringify(value, null, 1));

/** The moment to the second, in Polish time whatever the browser's zone (the column header says so). */
export const auditTime = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'pl-PL', {
    timeZone: 'Europe/Warsaw',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(new Date(iso));

/** Who: the account's name with its e-mail beside; the label alone where there is no account. */
function Actor({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const { label } = entry.actor;
  if (entry.actorName)
    return (
      <>
        {entry.actorName} <span className="muted">({label})</span>
      </>
    );
  if (label === 'anonymous') return <>{t('audit.actorAnonymous')}</>;
  if (label === 'system') return <>{t('audit.actorSystem')}</>;
  return <>{label}</>;
}

/** From where: the client address, or a dash read out as "unknown" when the server could not tell. */
function Address({ ip }: { ip: string | undefined }) {
  const { t } = useTranslation();
  if (ip && ip !== 'unknown') return <>{ip}</>;
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('audit.ipUnknown')}</span>
    </>
  );
}

/** One page of audit entries: when, what, who, on what, from where, and what changed. */
export function AuditTable({ items, pageNumber, shown, onSubject, onNext, onFirst }: Props) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // After "next page" the pager button may vanish: keyboard users continue from the results' top.
  const focusResults = useFocusWhenShown(heading, shown);
  const page = (go: () => void) => () => {
    focusResults();
    go();
  };
  return (
    <section aria-labelledby="audit-results">
      <h2 id="audit-results" tabIndex={-1} ref={heading}>
        {t('audit.results')}{' '}
        {pageNumber > 1 && <span className="muted">{t('common.pageNumber', { number: pageNumber })}</span>}
      </h2>
      {items.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <ScrollRegion labelledBy="audit-results">
          <table>
            <caption className="visually-hidden">{t('audit.results')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.subjectColumn')}</th>
                <th scope="col">{t('audit.ip')}</th>
                <th scope="col">{t('audit.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.entryId}>
                  <td>
                    <time dateTime={e.at}>{auditTime(e.at, i18n.language)}</time>
                  </td>
                  <td>{t(`auditAction.${e.action}`)}</td>
                  <td>
                    <Actor entry={e} />
                  </td>
                  <td>
                    <span className="muted">{t(`audit.subject.${e.subject.type}`)}:</span>{' '}
                    {e.subject.label ?? e.subject.id}{' '}
                    <button type="button" className="link" onClick={() => onSubject(e.subject.type, e.subject.id)}>
                      {t('audit.history')}
                      <span className="visually-hidden"> — {e.subject.label ?? e.subject.id}</span>
                    </button>
                  </td>
                  <td>
                    <Address ip={e.ip} />
                  </td>
                  <td>
                    {(e.before || e.after || e.details) && (
                      <details>
                        <summary>{t('audit.show')}</summary>
                        {e.before && (
                          <>
                            <strong>{t('audit.before')}</strong>
                            <pre>{compact(e.before)}</pre>
                          </>
                        )}
                        {e.after && (
                          <>
                            <strong>{t('audit.after')}</strong>
                            <pre>{compact(e.after)}</pre>
                          </>
                        )}
                        {e.details && (
                          <>
                            <strong>{t('audit.details')}</strong>
                            <pre>{compact(e.details)}</pre>
                          </>
                        )}
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {(onFirst || onNext) && (
        <div className="pager">
          {onFirst && (
            <button type="button" onClick={page(onFirst)}>
              {t('common.firstPage')}
            </button>
          )}
          {onNext && (
            <button type="button" onClick={page(onNext)}>
              {t('common.nextPage')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
