import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../../translation';
import { TextAreaField } from '../../forms/fields';
import { Form, SubmitButton, useApiForm } from '../../forms/form';
import { apiResolver } from '../../forms/validation';
import { ReasonBody } from '../../queries/certificate-reason';
import { type CertificateSummary, useReissueCertificate, useRevokeCertificate } from '../../queries/certificates';

export type CertificateAction = 'revoke' | 'reissue';

const reasonResolver = apiResolver(ReasonBody, (values: { reason: string }) => values);

/**
 * Revoking or re-issuing one certificate: the reason (3–500 characters, checked with the route's
 * schema before anything is sent), then a question asked inline — both cannot be undone — and only
 * the confirmation sends the request, once (the form runs one action at a time).
 */
export function ReasonForm({
  editionId,
  certificate,
  action,
  onDone,
  onCancel,
}: {
  editionId: string;
  certificate: CertificateSummary;
  action: CertificateAction;
  onDone: (status: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const revoke = useRevokeCertificate(editionId);
  const reissue = useReissueCertificate(editionId);
  const form = useApiForm<{ reason: string }, ReasonBody>(`ct-${action}`, {
    defaultValues: { reason: '' },
    resolver: reasonResolver,
  });
  const [asking, setAsking] = useState(false);
  const titleId = useId();
  const questionId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  // The reason's field on opening and after "Back" (to change it); the confirmation when asked.
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else document.getElementById(`ct-${action}-reason`)?.focus();
  }, [asking, action]);

  const names = { number: certificate.certificateNumber, institution: certificate.institution.name };
  // The reason as it stands when confirmed (checked again): what the question was asked about.
  const confirm = () =>
    void form.submit(async ({ reason }) => {
      const { code } = certificate;
      if (action === 'revoke') {
        await revoke.mutateAsync({ code, reason });
        onDone(t('certificates.org.revoked', { number: certificate.certificateNumber }));
      } else {
        const created = await reissue.mutateAsync({ code, reason });
        onDone(
          t('certificates.org.reissued', { number: created.certificateNumber, old: certificate.certificateNumber }),
        );
      }
    });

  return (
    <div className="ct-reason">
      <h4 id={titleId}>
        {t(action === 'revoke' ? 'certificates.org.revokeTitle' : 'certificates.org.reissueTitle', names)}
      </h4>
      <Form
        form={form}
        labelledBy={titleId}
        onSubmit={async () => {
          setAsking(true);
        }}
      >
        <TextAreaField
          name="reason"
          label={t('certificates.org.reason')}
          hint={t(action === 'revoke' ? 'certificates.org.revokeHint' : 'certificates.org.reissueHint')}
          rows={3}
          maxLength={500}
        />
        {asking ? (
          // biome-ignore lint/a11y/useSemanticElements: a question with its two buttons, not a group of form fields
          <p className="confirm" role="group" aria-labelledby={questionId}>
            <span id={questionId}>
              {t(action === 'revoke' ? 'certificates.org.revokeQuestion' : 'certificates.org.reissueQuestion', names)}
            </span>{' '}
            <button
              type="button"
              className="danger"
              ref={confirmRef}
              aria-disabled={form.meta.busy || undefined}
              onClick={confirm}
            >
              {t(action === 'revoke' ? 'certificates.org.revokeConfirm' : 'certificates.org.reissueConfirm')}
            </button>{' '}
            <button type="button" onClick={() => setAsking(false)}>
              {t('certificates.org.back')}
            </button>
          </p>
        ) : (
          <p className="rs-actions">
            <SubmitButton>
              {t(action === 'revoke' ? 'certificates.org.revokeSubmit' : 'certificates.org.reissueSubmit')}
            </SubmitButton>{' '}
            <button type="button" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          </p>
        )}
      </Form>
    </div>
  );
}
