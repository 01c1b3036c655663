import { useTranslation } from '../translation';
import { TextField } from '../forms/fields';
import { SubmitButton } from '../forms/form-core';
import { SimpleForm, useSimpleForm } from '../forms/simple-form';
import { PageTitle } from '../components/PageTitle';
import { useLogin } from '../queries/accounts';
import { navigate, safeNext, useLocation } from '../router';
import { homeOf, useSession } from '../session';
import { ResendVerification } from './VerifyEmailPage';

export function LoginPage() {
  const { t } = useTranslation();
  const { query } = useLocation();
  const session = useSession();
  const form = useSimpleForm('login', { email: '', password: '' });
  const login = useLogin();
  const ended = query.get('ended');
  const loggedOut = query.has('loggedOut');

  const submit = async (values: { email: string; password: string }) => {
    const { user } = await login.mutateAsync(values);
    await session.signedIn(user);
    navigate(safeNext(query.get('next')) ?? homeOf(user), { replace: true });
  };

  return (
    <>
      <PageTitle>{t('login.title')}</PageTitle>
      <p role="status" className={ended !== null || loggedOut ? 'notice success' : undefined}>
        {ended !== null
          ? t('login.loggedOutEverywhere', { count: Number(ended) || 0 })
          : loggedOut
            ? t('login.loggedOut')
            : ''}
      </p>
      <SimpleForm form={form} onSubmit={submit}>
        <TextField name="email" label={t('account.email')} type="email" autoComplete="username" />
        <TextField name="password" label={t('account.password')} type="password" autoComplete="current-password" />
        <SubmitButton>{t('login.submit')}</SubmitButton>
      </SimpleForm>
      {form.meta.error?.code === 'EMAIL_NOT_VERIFIED' && <ResendVerification email={form.values().email} />}
      <ul className="links">
        <li>
          <a href="/forgot-password">{t('login.forgot')}</a>
        </li>
        <li>
          <a href="/register">{t('login.register')}</a>
        </li>
      </ul>
    </>
  );
}
