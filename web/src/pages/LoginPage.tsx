import { useTranslation } from 'react-i18next';
import { api, send } from '../api';
import { TextField } from '../components/Field';
import { Form, SubmitButton, useForm } from '../components/form';
import { PageTitle } from '../components/PageTitle';
import { navigate, safeNext, useLocation } from '../router';
import { homeOf, useSession } from '../session';
import { ResendVerification } from './VerifyEmailPage';

export function LoginPage() {
  const { t } = useTranslation();
  const { query } = useLocation();
  const session = useSession();
  const form = useForm('login');
  const ended = query.get('ended');
  const loggedOut = query.has('loggedOut');

  const submit = async () => {
    const res = await send(
      api.api.auth.login.$post({ json: { email: form.values.email ?? '', password: form.values.password ?? '' } }),
    );
    const { user } = await res.json();
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
      <Form form={form} onSubmit={submit}>
        <TextField name="email" label={t('account.email')} type="email" autoComplete="username" />
        <TextField name="password" label={t('account.password')} type="password" autoComplete="current-password" />
        <SubmitButton>{t('login.submit')}</SubmitButton>
      </Form>
      {form.error?.code === 'EMAIL_NOT_VERIFIED' && <ResendVerification email={form.values.email ?? ''} />}
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
