import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from '../../translation';
import { enabledChannels, sheetTotal } from '../../../../shared/reviews/scoring';
import { toFormError, type FormError } from '../../forms/errors';
import { ErrorSummary, FormScope, useApiForm } from '../../forms/form';
import { TextAreaField } from '../../forms/fields';
import { reviewQuery, useSubmitSheet, type ReviewView } from '../../queries/reviews';
import { ConfirmButton } from '../ConfirmButton';
import { clock } from '../applications/format';
import { formatWarsaw } from '../editions/time';
import { EvidenceField } from './EvidenceField';
import { AreaFields, ChannelFields, formatPoints } from './SheetFields';
import { toFormFields, toSheetContent, toSheetValues, type SheetValues } from './sheet-values';
import { useSheetAutosave, type AutosaveState } from './useSheetAutosave';

/**
 * The expert's score sheet: per area its criteria and justification, the mystery-shopper contacts,
 * feedback and a private note; a live weighted total computed as the server counts it; autosave of
 * the draft; submit (which names what is missing); read-only once submitted or when scoring closed.
 */
export function ScoreSheetForm({ editionId, view }: { editionId: string; view: ReviewView }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { rubric, scoring, maxTotal } = view.edition;
  const applicationId = view.application.applicationId;
  const form = useApiForm<SheetValues>('sheet', { defaultValues: toSheetValues(rubric, view.sheet) });
  const [saveError, setSaveError] = useState<FormError | null>(null);
  const submitted = view.sheet.status === 'submitted';
  const closed = view.edition.state !== 'review';
  const readOnly = submitted || closed;
  const autosave = useSheetAutosave({
    editionId,
    applicationId,
    rubric,
    initial: view.sheet,
    methods: form.methods,
    enabled: !readOnly,
    onFieldErrors: setSaveError,
  });
  const submit = useSubmitSheet(editionId, applicationId);

  // The fields show the submit's messages, or else the last autosave's; only a submit moves focus.
  // An evidence upload's problem joins them without taking focus: the user stays at the file input.
  const [evidenceErrors, setEvidenceErrors] = useState<Record<string, string>>({});
  const onEvidenceProblem = useCallback((path: string, message: string | null) => {
    setEvidenceErrors(({ [path]: _, ...rest }) => (message ? { ...rest, [path]: message } : rest));
  }, []);
  const base = form.meta.error ?? saveError;
  const shown = useMemo((): FormError | null => {
    if (readOnly || Object.keys(evidenceErrors).length === 0) return base;
    if (base) return { ...base, fields: { ...base.fields, ...evidenceErrors } };
    return { code: 'VALIDATION_FAILED', message: t('scoring.evidence.problem'), fields: evidenceErrors };
  }, [base, evidenceErrors, readOnly, t]);
  const scoped = useMemo(
    () => ({ ...form, meta: { ...form.meta, error: shown, failures: form.meta.error ? form.meta.failures : 0 } }),
    [form, shown],
  );

  const values = useWatch({ control: form.methods.control }) as SheetValues;
  const total = sheetTotal(rubric, toSheetContent(rubric, values));

  const loadSaved = useCallback(async () => {
    try {
      const fresh = await queryClient.fetchQuery(reviewQuery(editionId, applicationId));
      form.methods.reset(toSheetValues(rubric, fresh.sheet));
      autosave.rebase(fresh.sheet);
      setSaveError(null);
      form.meta.setError(null);
      form.meta.setStatus(t('scoring.review.loaded'));
    } catch (error) {
      form.meta.setError(toFormError(error));
    }
  }, [queryClient, editionId, applicationId, form, rubric, autosave, t]);

  const send = () =>
    form.meta.run(async () => {
      await autosave.flush();
      if (autosave.isBlocked() || autosave.hasPending()) return;
      try {
        await submit.mutateAsync(autosave.version.current);
        form.meta.setStatus(t('scoring.review.submittedNow'));
        await queryClient.invalidateQueries({ queryKey: reviewQuery(editionId, applicationId).queryKey });
      } catch (error) {
        const e = toFormError(error);
        form.meta.setError({ ...e, fields: toFormFields(rubric, e.fields) });
      }
    });

  let firstCriterion = 0;
  return (
    <FormScope form={scoped}>
      <form
        id="sheet"
        noValidate
        aria-labelledby="rv-sheet-title"
        aria-busy={form.meta.busy}
        onSubmit={(event) => event.preventDefault()}
        className="rv-sheet"
      >
        <h2 id="rv-sheet-title">{t('scoring.review.sheetTitle')}</h2>
        {submitted && (
          <p className="notice success" data-testid="rv-submitted">
            {t('scoring.review.submitted', { when: formatWarsaw(view.sheet.submittedAt ?? '', i18n.language) })}
          </p>
        )}
        {!submitted && closed && <p className="notice">{t('scoring.review.closed')}</p>}
        {!submitted && view.sheet.reopened && (
          <p className="notice">{t('scoring.review.reopenedNote', { reason: view.sheet.reopened.reason })}</p>
        )}
        <ErrorSummary>
          {form.meta.error?.code === 'STALE_VERSION' && (
            <p>
              <button type="button" onClick={() => void loadSaved()}>
                {t('scoring.review.loadSaved')}
              </button>
            </p>
          )}
        </ErrorSummary>
        <p className="rv-total" data-total={total.total}>
          {t('scoring.review.total', {
            total: formatPoints(total.total, i18n.language),
            max: formatPoints(maxTotal, i18n.language),
          })}
        </p>
        {!readOnly && <SaveStatus state={autosave.state} onRetry={autosave.retry} onLoad={() => void loadSaved()} />}
        <fieldset disabled={readOnly} className="ed-plain">
          <legend className="visually-hidden">{t('scoring.review.sheetTitle')}</legend>
          {rubric.areas.map((area, i) => {
            const first = firstCriterion;
            firstCriterion += area.criteria.length;
            return (
              <AreaFields
                key={area.code}
                area={area}
                areaIndex={i}
                firstCriterion={first}
                minLength={scoring.justificationMinLength}
                total={total}
              />
            );
          })}
          {enabledChannels(rubric).length > 0 && (
            <section aria-labelledby="rv-shopper-title" className="rv-shopper">
              <h3 id="rv-shopper-title">{t('scoring.review.shopperTitle')}</h3>
              {enabledChannels(rubric).map((checklist) => (
                <ChannelFields key={checklist.channel} checklist={checklist} total={total}>
                  <EvidenceField
                    editionId={editionId}
                    applicationId={applicationId}
                    channel={checklist.channel}
                    channelName={t(`scoring.review.channel.${checklist.channel}`)}
                    files={view.evidence.filter((e) => e.channel === checklist.channel)}
                    editable={!readOnly}
                    ensureSaved={autosave.ensureSaved}
                    onProblem={onEvidenceProblem}
                  />
                </ChannelFields>
              ))}
            </section>
          )}
          <TextAreaField
            name="feedback"
            label={t('scoring.review.feedback')}
            hint={t('scoring.review.feedbackHint')}
            rows={4}
            maxLength={8000}
            required={false}
          />
          <TextAreaField
            name="privateNote"
            label={t('scoring.review.privateNote')}
            hint={t('scoring.review.privateNoteHint')}
            rows={3}
            maxLength={8000}
            required={false}
          />
        </fieldset>
        <p role="status" className="form-status">
          {form.meta.busy ? t('form.sending') : form.meta.status}
        </p>
        {!readOnly && (
          <div className="rv-submit">
            <ConfirmButton
              question={t('scoring.review.submitQuestion')}
              confirmLabel={t('scoring.review.submitConfirm')}
              busy={form.meta.busy}
              onConfirm={() => void send()}
            >
              {t('scoring.review.submit')}
            </ConfirmButton>
          </div>
        )}
      </form>
    </FormScope>
  );
}

/** "Zapisywanie… / Zapisano 14:03 / Błąd" with "try again" after a failure and "load saved" after a stale save. */
function SaveStatus({ state, onRetry, onLoad }: { state: AutosaveState; onRetry: () => void; onLoad: () => void }) {
  const { t, i18n } = useTranslation();
  let text = '';
  if (state.status === 'saving') text = t('scoring.review.saving');
  else if (state.status === 'error') text = t('scoring.review.saveError', { message: state.message });
  else if (state.status === 'stale') text = `${state.message} ${t('scoring.review.stale')}`;
  else if (state.savedAt) text = t('scoring.review.saved', { time: clock(new Date(state.savedAt), i18n.language) });
  const problem = state.status === 'error' || state.status === 'stale';
  return (
    <div className="ap-save rv-save">
      <p
        role="status"
        className={problem ? 'ap-save-status ap-save-problem' : 'ap-save-status'}
        data-save={state.status}
      >
        {text}
      </p>
      {state.status === 'error' && (
        <button type="button" onClick={onRetry}>
          {t('scoring.review.retry')}
        </button>
      )}
      {state.status === 'stale' && (
        <button type="button" onClick={onLoad}>
          {t('scoring.review.loadSaved')}
        </button>
      )}
    </div>
  );
}
