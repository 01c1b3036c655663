import { useTranslation } from '../translation';
import { PASSWORD_MIN_LENGTH } from '../../../shared/accounts/password-policy';
import { TextField } from '../forms/fields';
import { SubmitButton } from '../forms/form-core';
import { SimpleForm, useSimpleForm } from '../forms/simple-form';
import { PageTitle } from '../components/PageTitle';
import { useCompletePasswordReset } from '../queries/accounts';
import { useLocation } from '../router';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = useLocation().query.get('token');
  const form = useSimpleForm('reset', { password: '' });
  const reset = useCompletePasswordReset();
  const done = reset.isSuccess;
  const submit = async ({ password }: { password: string }) => {
    await reset.mutateAsync({ token: token ?? '', password });
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
          <SimpleForm form={form} onSubmit={submit}>
            <TextField
              name="password"
              label={t('reset.newPassword')}
              hint={t('account.passwordHint', { min: PASSWORD_MIN_LENGTH })}
              type="password"
              autoComplete="new-password"
            />
            <SubmitButton>{t('reset.submit')}</SubmitButton>
          </SimpleForm>
          {form.meta.error?.code === 'INVALID_TOKEN' && (
            <p>
              <a href="/forgot-password">{t('reset.askAgain')}</a>
            </p>
          )}
        </>
      )}
    </>
  );
}
