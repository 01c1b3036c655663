import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../shared/accounts/password-policy';
import { api, send } from '../api';
import { TextField } from '../components/Field';
import { Form, SubmitButton, useForm } from '../components/form';
import { InstitutionFields, profileFromValues } from '../components/InstitutionFields';
import { PageTitle } from '../components/PageTitle';
import { currentLanguage } from '../i18n';
import { isLocalMode } from '../local-mode';

export function RegisterPage() {
  const { t } = useTranslation();
  const form = useForm('register');
  const [registeredEmail, setRegisteredEmail] = useState<string | null>(null);

  const submit = async () => {
    const read = profileFromValues(form.values, 'institution.');
    if ('error' in read) {
      form.setError(read.error);
      return;
    }
    const v = (name: string) => form.values[name] ?? '';
    await send(
      api.api.institutions.$post({
        json: {
          institution: { ...read.profile, nip: v('institution.nip') },
          account: {
            email: v('account.email'),
            password: v('account.password'),
            displayName: v('account.displayName'),
            language: currentLanguage(),
          },
        },
      }),
    );
    setRegisteredEmail(v('account.email').trim());
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
