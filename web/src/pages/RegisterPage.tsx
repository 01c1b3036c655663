import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../shared/accounts/password-policy';
import { TextField } from '../forms/fields';
import { Form, SubmitButton, useApiForm } from '../forms/form';
import {
  emptyProfileValues,
  InstitutionFields,
  profileFromValues,
  type ProfileValues,
} from '../components/InstitutionFields';
import { PageTitle } from '../components/PageTitle';
import { currentLanguage } from '../i18n';
import { isLocalMode } from '../local-mode';
import { useRegister } from '../queries/accounts';

interface RegistrationValues {
  institution: ProfileValues & { nip: string };
  account: { displayName: string; email: string; password: string };
}

export function RegisterPage() {
  const { t } = useTranslation();
  const form = useApiForm<RegistrationValues>('register', {
    defaultValues: {
      institution: { ...emptyProfileValues(), nip: '' },
      account: { displayName: '', email: '', password: '' },
    },
  });
  const register = useRegister();
  const registeredEmail = register.isSuccess ? register.variables.account.email.trim() : null;

  const submit = async (values: RegistrationValues) => {
    const read = profileFromValues(values.institution, 'institution.');
    if ('error' in read) {
      form.meta.setError(read.error);
      return;
    }
    await register.mutateAsync({
      institution: { ...read.profile, nip: values.institution.nip },
      account: { ...values.account, language: currentLanguage() },
    });
  };

  return (
    <>
      <PageTitle>{t('register.title')}</PageTitle>
      {registeredEmail ? (
        <Registered email={registeredEmail} />
      ) : (
        <>
          <p className="lead">{t('register.lead')}</p>
          <p>
            {t('register.haveAccount')} <a href="/login">{t('register.loginLink')}</a>
          </p>
          <Form form={form} onSubmit={submit}>
            <InstitutionFields prefix="institution." nip="input" />
            <fieldset>
              <legend>{t('register.legendAccount')}</legend>
              <p className="hint">{t('register.accountHint')}</p>
              <TextField name="account.displayName" label={t('account.displayName')} autoComplete="name" />
              <TextField name="account.email" label={t('account.email')} type="email" autoComplete="email" />
              <TextField
                name="account.password"
                label={t('account.password')}
                hint={t('account.passwordHint', { min: PASSWORD_MIN_LENGTH })}
                type="password"
                autoComplete="new-password"
              />
            </fieldset>
            <SubmitButton>{t('register.submit')}</SubmitButton>
          </Form>
        </>
      )}
    </>
  );
}

function Registered({ email }: { email: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="notice success" role="status" tabIndex={-1} ref={ref}>
      <h2>{t('register.doneTitle')}</h2>
      <p>{t('register.doneText', { email })}</p>
      {isLocalMode() && (
        <p>
          {t('register.localOutbox')} <a href="/outbox">{t('outbox.title')}</a>
        </p>
      )}
      <p>
        <a href="/login">{t('register.loginLink')}</a>
      </p>
    </div>
  );
}
