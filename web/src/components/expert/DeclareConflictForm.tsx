import { useEffect } from 'react';
import { useTranslation } from '../../translation';
import { TextAreaField } from '../../forms/fields';
import { Form, SubmitButton, useApiForm } from '../../forms/form';
import { useDeclareConflict } from '../../queries/assignment';

/** An expert declares a conflict of interest with one application's institution, giving the reason. */
export function DeclareConflictForm({
  editionId,
  applicationId,
  institution,
  onDone,
  onCancel,
}: {
  editionId: string;
  applicationId: string;
  institution: string;
  onDone: (institution: string, flagged: boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useApiForm(`declare-${applicationId.replace(/[^A-Za-z0-9_-]/g, '')}`, {
    defaultValues: { reason: '' },
  });
  const declare = useDeclareConflict(editionId);
  const formId = form.meta.id;
  const titleId = `${formId}-title`;
  useEffect(() => {
    document.getElementById(`${formId}-reason`)?.focus();
  }, [formId]);
  const submit = async ({ reason }: { reason: string }) => {
    const body = await declare.mutateAsync({ applicationId, reason });
    onDone(institution, body.flagged);
  };
  return (
    <div className="as-editor">
      <h3 id={titleId} className="as-mini-title">
        {t('assignment.declare.title', { institution })}
      </h3>
      <Form form={form} onSubmit={submit} labelledBy={titleId}>
        <TextAreaField
          name="reason"
          label={t('assignment.declare.reason')}
          hint={t('assignment.declare.reasonHint')}
          rows={3}
        />
        <div className="ed-savebar">
          <SubmitButton>{t('assignment.declare.submit')}</SubmitButton>
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </Form>
    </div>
  );
}
