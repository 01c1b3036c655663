import { useTranslation } from '../../translation';
import { outcomes } from '../../../../shared/results/outcome';
import { ApiError } from '../../api';
import { SelectField, TextAreaField } from '../../forms/fields';
import { Form, SubmitButton, useApiForm } from '../../forms/form';
import { type Outcome, type ResultsView, useCorrectResults } from '../../queries/results';
import { shortHash } from './format';

interface CorrectionValues {
  reason: string;
  decisions: { outcome: Outcome }[];
}

/**
 * A correction of published results: a public reason and the decisions as they should be; only the
 * changed ones are sent, and the server publishes them as the next version.
 */
export function CorrectionForm({ view, onDone }: { view: ResultsView; onDone: (status: string) => void }) {
  const { t } = useTranslation();
  const correct = useCorrectResults(view.editionId);
  const rows = view.categories.flatMap((c) => c.rows);
  const form = useApiForm<CorrectionValues>('rs-correction', {
    defaultValues: { reason: '', decisions: rows.map((r) => ({ outcome: r.outcome })) },
  });
  const options = outcomes.map((o) => ({ value: o, label: t(`results.outcome.${o}`) }));

  const onSubmit = async ({ reason, decisions }: CorrectionValues) => {
    const changed = rows
      .map((row, index) => ({ row, index, outcome: decisions[index]?.outcome ?? row.outcome }))
      .filter((c) => c.outcome !== c.row.outcome);
    if (changed.length === 0) {
      form.meta.setError({ code: 'VALIDATION_FAILED', message: t('results.org.correctionNoChange'), fields: {} });
      return;
    }
    try {
      const published = await correct.mutateAsync({
        version: view.deliberation.version,
        reason: reason.trim(),
        decisions: changed.map((c) => ({ applicationId: c.row.applicationId, outcome: c.outcome })),
      });
      form.methods.reset({ reason: '', decisions: rows.map((r) => ({ outcome: r.outcome })) });
      onDone(t('results.org.corrected', { version: published.version, hash: shortHash(published.sha256) }));
    } catch (error) {
      // The server names the sent list's items (decisions.0.…): point them at the rows' selects.
      if (error instanceof ApiError) {
        const fields: Record<string, string> = {};
        for (const [path, message] of Object.entries(error.fields)) {
          const m = /^decisions\.(\d+)\./.exec(path);
          const row = m ? changed[Number(m[1])] : undefined;
          fields[row ? `decisions.${row.index}.outcome` : path] = message;
        }
        throw new ApiError(error.status, error.code, error.message, fields);
      }
      throw error;
    }
  };

  return (
    <Form form={form} onSubmit={onSubmit} labelledBy="rs-correction-title">
      <p>{t('results.org.correctionIntro')}</p>
      <TextAreaField name="reason" label={t('results.org.correctionReasonLabel')} rows={3} maxLength={2000} />
      <fieldset className="rs-correction-decisions">
        <legend>{t('results.org.correctionDecisions')}</legend>
        {rows.map((row, i) => (
          <SelectField
            key={row.applicationId}
            name={`decisions.${i}.outcome`}
            label={t('results.org.correctionOutcome', { name: row.name })}
            options={options}
          />
        ))}
      </fieldset>
      <SubmitButton>{t('results.org.correctionSubmit')}</SubmitButton>
    </Form>
  );
}
