import { useEffect, useRef } from 'react';
import { useTranslation } from '../../translation';
import { inLanguage } from '../../../../shared/editions/localized';
import { currentLanguage } from '../../i18n';
import type { ApplicationView } from '../../queries/applications';
import { ConfirmButton } from '../ConfirmButton';
import { warsaw } from './format';

/**
 * What the application's state means for the institution: returned with notes, rejected, accepted,
 * submitted (with "withdraw" while the window is open), withdrawn, or the window closed. After the
 * user's own submit or withdrawal (`notice`) the matching notice takes focus.
 */
export function ApplicationNotices({
  view,
  editable,
  notice,
  onWithdraw,
}: {
  view: ApplicationView;
  editable: boolean;
  notice: 'submitted' | 'withdrawn' | null;
  onWithdraw: () => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const noticeRef = useRef<HTMLDivElement>(null);
  const { application, window: submissionWindow } = view;
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  return (
    <>
      {application.status === 'returned' && application.correction && (
        <section className="notice ap-returned" aria-labelledby="ap-returned-title">
          <h2 id="ap-returned-title">{t('application.returnedTitle')}</h2>
          <p className="ap-correction-message">{application.correction.message}</p>
          <p>
            <strong>{t('application.returnedDeadline', { when: warsaw(application.correction.deadline) })}</strong>
          </p>
          {editable && <p>{t('application.returnedHelp')}</p>}
        </section>
      )}
      {application.status === 'rejected' && application.rejection && (
        <section className="notice error" aria-labelledby="ap-rejected-title">
          <h2 id="ap-rejected-title">{t('application.rejectedTitle')}</h2>
          <p>{application.rejection.reason}</p>
        </section>
      )}
      {application.status === 'accepted' &&
        (view.edition.state === 'published' || view.edition.state === 'archived' ? (
          <p className="notice success">
            <a href={`/applications/${encodeURIComponent(application.applicationId)}/result`}>
              {t('results.own.resultLink')}
            </a>
          </p>
        ) : (
          <p className="notice success">{t('application.acceptedText')}</p>
        ))}
      {application.status === 'submitted' && (
        // biome-ignore lint/a11y/useSemanticElements: a focusable notice named by its heading; it holds a button, not a group of form fields
        <div
          className="notice success ap-submitted"
          ref={noticeRef}
          tabIndex={-1}
          role="group"
          aria-labelledby="ap-submitted-title"
        >
          <h2 id="ap-submitted-title">{t('application.submittedTitle')}</h2>
          <p>
            {t('application.submittedText', { when: application.submittedAt ? warsaw(application.submittedAt) : '' })}
          </p>
          {submissionWindow.open && (
            <ConfirmButton
              question={t('application.withdrawQuestion')}
              confirmLabel={t('application.withdrawConfirm')}
              onConfirm={onWithdraw}
            >
              {t('application.withdraw')}
            </ConfirmButton>
          )}
        </div>
      )}
      {application.status === 'withdrawn' && (
        <p className="notice" ref={notice === 'withdrawn' ? noticeRef : undefined} tabIndex={-1}>
          {notice === 'withdrawn' ? t('application.withdrawn') : t('application.withdrawnNotice')}
        </p>
      )}
      {!submissionWindow.open && submissionWindow.reason && (
        <section className="notice" aria-labelledby="ap-closed-title">
          <h2 id="ap-closed-title">{t('application.closedTitle')}</h2>
          <p>{inLanguage(submissionWindow.reason, lang)}</p>
        </section>
      )}
    </>
  );
}
