import { useTranslation } from '../../translation';
import { answerProblem, isAnswered, type Section } from '../../../../shared/editions/questionnaire';
import { clock } from './format';
import type { SectionDraft } from './section-drafts';

/** What the form itself finds wrong with the answers typed so far (the same check the server runs). */
export function localProblems(section: Section, draft: SectionDraft, lang: 'pl' | 'en'): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const q of section.questions) {
    if (q.type === 'file') continue;
    const v = draft.values[q.id];
    if (v === undefined || v === null || !isAnswered(v)) continue;
    const problem = answerProblem(q, v);
    if (problem) problems[q.id] = problem[lang];
  }
  return problems;
}

/** A section's autosave state in words ("Zapisano 14:03", "Nie zapisano…") with "try again" after a failure. */
export function SaveLine({
  draft,
  sectionId,
  lang,
  onRetry,
}: {
  draft: SectionDraft;
  sectionId: string;
  lang: string;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const savedAt = draft.savedAt ? t('application.savedAt', { time: clock(new Date(draft.savedAt), lang) }) : '';
  let text = '';
  if (draft.status === 'saving') text = t('application.saving');
  else if (draft.status === 'saved') text = savedAt;
  else if (draft.status === 'dirty') text = draft.restored ? t('application.restoredDraft') : savedAt;
  else if (draft.status === 'invalid') text = t('application.notSavedInvalid');
  else if (draft.status === 'error') text = t('application.saveFailed', { message: draft.message ?? '' });
  return (
    <div className="ap-save">
      <p
        role="status"
        className={
          draft.status === 'error' || draft.status === 'invalid' ? 'ap-save-status ap-save-problem' : 'ap-save-status'
        }
        data-section={sectionId}
      >
        {text}
      </p>
      {draft.status === 'error' && (
        <button type="button" onClick={onRetry}>
          {t('application.retrySave')}
        </button>
      )}
    </div>
  );
}
