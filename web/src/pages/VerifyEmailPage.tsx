import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, send } from '../api';
import { TextField } from '../components/Field';
import { Form, SubmitButton, useForm } from '../components/form';
import { Loading } from '../components/Loading';
import { PageTitle } from '../components/PageTitle';
import { useLocation } from '../router';

type Result = { kind: 'checking' } | { kind: 'confirmed' } | { kind: 'failed'; message: string } | { kind: 'noToken' };

/** A token is single-use: one request per token per page load, even if the effect runs twice. */
const confirmations = new Map<string, Promise<void>>();
function confirmOnce(token: string): Promise<void> {
  let pending = confirmations.get(token);
  if (!pending) {
    pending = send(api.api.auth['verify-email'].$post({ json: { token } })).then(() => undefined);
    confirmations.set(token, pending);
  }
  return pending;
}

export function VerifyEmailPage() {
  const { t } = useTranslation();
  const token = useLocation().query.get('token');
  const [result, setResult] = useState<Result>(token ? { kind: 'checking' } : { kind: 'noToken' });

  useEffect(() => {
    if (!token) return;
    let live = true;
    confirmOnce(token).then(
      () => live && setResult({ kind: 'confirmed' }),
      (error: unknown) =>
        live && setResult({ kind: 'failed', message: error instanceof ApiError ? error.message : t('errors.network') }),
    );
    return () => {
      live = false;
    };
  }, [token, t]);

  return (
    <>
      <PageTitle>{t('verify.title')}</PageTitle>
      <div aria-live="polite">
        {result.kind === 'checking' && <Loading label={t('verify.checking')} />}
        {result.kind === 'confirmed' && (
          <div className="notice success">
            <p>{t('verify.confirmed')}</p>
            <p>
              <a href="/login">{t('verify.goToLogin')}</a>
            </p>
          </div>
        )}
        {result.kind === 'failed' && (
          <div className="notice error">
            <p>{result.message}</p>
          </div>
        )}
        {result.kind === 'noToken' && <p>{t('verify.noToken')}</p>}
      </div>
      {result.kind !== 'confirmed' && result.kind !== 'checking' && <ResendVerification />}
    </>
  );
}

/** "Send me a new link" — also offered by the login page when the address is not confirmed yet. */
export function ResendVerification({ email = '' }: { email?: string }) {
  const { t } = useTranslation();
  const form = useForm('resend', { email });
  const submit = async () => {
    await send(api.api.auth['verify-email'].resend.$post({ json: { email: form.values.email ?? '' } }));
    form.setStatus(t('verify.resent'));
  };
  return (
    <section aria-labelledby="resend-title" className="card">
      <h2 id="resend-title">{t('verify.resendTitle')}</h2>
      <Form form={form} onSubmit={submit}>
        <TextField name="email" label={t('account.email')} type="email" autoComplete="email" />
        <SubmitButton>{t('verify.resendSubmit')}</SubmitButton>
      </Form>
    </section>
  );
}
