import { useTranslation } from 'react-i18next';
import { api, send } from '../api';
import { TextField } from '../components/Field';
import { Form, SubmitButton, useForm } from '../components/form';
import { PageTitle } from '../components/PageTitle';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useForm('forgot');
  const submit = async () => {
    await send(api.api.auth['password-reset'].$post({ json: { email: form.values.email ?? '' } }));
    // The same answer for any address, so nobody learns which addresses have accounts.
    form.setStatus(t('forgot.sent'));
  };
  return (
    <>
      <PageTitle>{t('forgot.title')}</PageTitle>
      <p>{t('forgot.lead')}</p>
      <Form form={form} onSubmit={submit}>
        <TextField name="email" label={t('account.email')} type="email" autoComplete="email" />
        <SubmitButton>{t('forgot.submit')}</SubmitButton>
      </Form>
      <p>
        <a href="/login">{t('forgot.backToLogin')}</a>
      </p>
    </>
  );
}
