import { useTranslation } from '../../translation';
import { inLanguage } from '../../../../shared/editions/localized';
import type { AnswerValue } from '../../../../shared/editions/questionnaire';
import { currentLanguage } from '../../i18n';
import { reviewAttachmentUrl, type ReviewView } from '../../queries/reviews';
import { AnswerText } from '../applications/ReadOnlyAnswers';
import { useFileSize } from '../applications/format';

type Attachment = ReviewView['attachments'][number];

/** The attachments of one question (or all of them), as downloads through the expert's own route. */
function Files({ editionId, applicationId, files }: { editionId: string; applicationId: string; files: Attachment[] }) {
  const size = useFileSize();
  return (
    <ul className="ap-files">
      {files.map((f) => (
        <li key={f.attachmentId}>
          <a href={reviewAttachmentUrl(editionId, applicationId, f.attachmentId)} download={f.fileName}>
            {f.fileName}
          </a>{' '}
          <span className="muted">({size(f.size)})</span>
        </li>
      ))}
    </ul>
  );
}

/** The application read-only, section by section as the questionnaire orders it, then every attachment. */
export function ReviewAnswers({ editionId, view }: { editionId: string; view: ReviewView }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const applicationId = view.application.applicationId;
  const ready = view.attachments.filter((a) => a.status === 'ready');
  return (
    <section className="rv-answers ap-readonly" aria-labelledby="rv-answers-title">
      <h2 id="rv-answers-title">{t('scoring.review.answersTitle')}</h2>
      {view.questionnaire.sections.map((section) => {
        const answers = view.sections[section.id] ?? {};
        const titleId = `rv-section-${section.id}-title`;
        return (
          <section key={section.id} className="ap-section" aria-labelledby={titleId}>
            <h3 id={titleId}>{inLanguage(section.title, lang)}</h3>
            <dl className="ap-answers">
              {section.questions.map((q) => {
                const files = ready.filter((a) => a.questionId === q.id);
                return (
                  <div key={q.id} className="ap-answer" data-question={q.id}>
                    <dt>{inLanguage(q.label, lang)}</dt>
                    <dd>
                      {q.type === 'file' ? (
                        files.length > 0 ? (
                          <Files editionId={editionId} applicationId={applicationId} files={files} />
                        ) : (
                          <span className="muted">{t('application.notAnswered')}</span>
                        )
                      ) : (
                        <AnswerText question={q} value={answers[q.id] as AnswerValue | undefined} />
                      )}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </section>
        );
      })}
      <section className="ap-section" aria-labelledby="rv-attachments-title">
        <h3 id="rv-attachments-title">{t('scoring.review.attachmentsTitle')}</h3>
        {ready.length === 0 ? (
          <p>{t('scoring.review.noAttachments')}</p>
        ) : (
          <Files editionId={editionId} applicationId={applicationId} files={ready} />
        )}
      </section>
    </section>
  );
}
