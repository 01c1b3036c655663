import { useTranslation } from '../translation';
import { TextField } from '../forms/fields';
import { SubmitButton } from '../forms/form-core';
import { SimpleForm, useSimpleForm } from '../forms/simple-form';
import { PageTitle } from '../components/PageTitle';
import { useRequestPasswordReset } from '../queries/accounts';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useSimpleForm('forgot', { email: '' });
  const requestReset = useRequestPasswordReset();
  const submit = async ({ email }: { email: string }) => {
    await requestReset.mutateAsync(email);
    // The same answer for any address, so nobody learns which addresses have accounts.
    form.meta.setStatus(t('forgot.sent'));
  };
  return (
    <>
      <PageTitle>{t('forgot.title')}</PageTitle>
      <p>{t('forgot.lead')}</p>
      <SimpleForm form={form} onSubmit={submit}>
        <TextField name="email" label={t('account.email')} type="email" autoComplete="email" />
        <SubmitButton>{t('forgot.submit')}</SubmitButton>
      </SimpleForm>
      <p>
        <a href="/login">{t('forgot.backToLogin')}</a>
      </p>
    </>
  );
}
