import { useTranslation } from '../translation';
import { TextField } from '../forms/fields';
import { errorMessage } from '../forms/errors';
import { SubmitButton } from '../forms/form-core';
import { SimpleForm, useSimpleForm } from '../forms/simple-form';
import { Loading } from '../components/Loading';
import { PageTitle } from '../components/PageTitle';
import { useFetchOnce } from '../fetching';
import { confirmEmail, useResendVerification } from '../queries/accounts';
import { useLocation } from '../router';

export function VerifyEmailPage() {
  const { t } = useTranslation();
  const token = useLocation().query.get('token');
  const confirmation = useFetchOnce(token, () => confirmEmail(token ?? ''));
  const confirmed = confirmation.data === true;
  const checking = !!token && confirmation.isPending;

  return (
    <>
      <PageTitle>{t('verify.title')}</PageTitle>
      <div aria-live="polite">
        {checking && <Loading label={t('verify.checking')} />}
        {confirmed && (
          <div className="notice success">
            <p>{t('verify.confirmed')}</p>
            <p>
              <a href="/login">{t('verify.goToLogin')}</a>
            </p>
          </div>
        )}
        {confirmation.isError && (
          <div className="notice error">
            <p>{errorMessage(confirmation.error)}</p>
          </div>
        )}
        {!token && <p>{t('verify.noToken')}</p>}
      </div>
      {!confirmed && !checking && <ResendVerification />}
    </>
  );
}

/** "Send me a new link" — also offered by the login page when the address is not confirmed yet. */
export function ResendVerification({ email = '' }: { email?: string }) {
  const { t } = useTranslation();
  const form = useSimpleForm('resend', { email });
  const resend = useResendVerification();
  const submit = async (values: { email: string }) => {
    await resend.mutateAsync(values.email);
    form.meta.setStatus(t('verify.resent'));
  };
  return (
    <section aria-labelledby="resend-title" className="card">
      <h2 id="resend-title">{t('verify.resendTitle')}</h2>
      <SimpleForm form={form} onSubmit={submit}>
        <TextField name="email" label={t('account.email')} type="email" autoComplete="email" />
        <SubmitButton>{t('verify.resendSubmit')}</SubmitButton>
      </SimpleForm>
    </section>
  );
}
