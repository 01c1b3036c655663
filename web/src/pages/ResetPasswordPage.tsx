import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../shared/accounts/password-policy';
import { api, send } from '../api';
import { TextField } from '../components/Field';
import { Form, SubmitButton, useForm } from '../components/form';
import { PageTitle } from '../components/PageTitle';
import { useLocation } from '../router';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = useLocation().query.get('token');
  const form = useForm('reset');
  const [done, setDone] = useState(false);
  const submit = async () => {
    await send(
      api.api.auth['password-reset'].complete.$post({
        json: { token: token ?? '', password: form.values.password ?? '' },
      }),
    );
    setDone(true);
  };
  return (
    <>
      <PageTitle>{t('reset.title')}</PageTitle>
      <div aria-live="polite">
        {done && (
          <div className="notice success">
            <p>{t('reset.done')}</p>
            <p>
              <a href="/login">{t('verify.goToLogin')}</a>
            </p>
          </div>
        )}
      </div>
      {!token && (
        <p>
          {t('reset.noToken')} <a href="/forgot-password">{t('reset.askAgain')}</a>
        </p>
      )}
      {token && !done && (
        <>
          <Form form={form} onSubmit={submit}>
            <TextField
              name="password"
              label={t('reset.newPassword')}
              hint={t('account.passwordHint', { min: PASSWORD_MIN_LENGTH })}
              type="password"
              autoComplete="new-password"
            />
            <SubmitButton>{t('reset.submit')}</SubmitButton>
          </Form>
          {form.error?.code === 'INVALID_TOKEN' && (
            <p>
              <a href="/forgot-password">{t('reset.askAgain')}</a>
            </p>
          )}
        </>
      )}
    </>
  );
}
