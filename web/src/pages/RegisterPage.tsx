import { useEffect, useRef } from 'react';
import { useTranslation } from '../translation';
import * as z from 'zod/mini';
import { PASSWORD_MIN_LENGTH } from '../../../shared/accounts/password-policy';
import { Registration } from '../../../shared/institutions/registration';
import { TextField } from '../forms/fields';
import { Form, SubmitButton, useApiForm } from '../forms/form';
import { apiResolver } from '../forms/validation';
import { emptyProfileValues, InstitutionFields, type ProfileValues } from '../components/InstitutionFields';
import { PageTitle } from '../components/PageTitle';
import { currentLanguage } from '../i18n';
import { isLocalMode } from '../local-mode';
import { useRegister } from '../queries/accounts';

interface RegistrationValues {
  institution: ProfileValues & { nip: string };
  account: { displayName: string; email: string; password: string };
}

/** A select left on "choose…" is a missing value, as a client that sends nothing would be told. */
const chosen = (value: string) => (value === '' ? undefined : value);

/**
 * Checked with the route's own schema before sending: an empty submit lists every field at once
 * (only the common-password check waits for the server).
 */
const resolver = apiResolver(
  // The selects' "" (nothing chosen) is not the schema's input type: the schema is what rejects it.
  z.pipe(z.unknown(), Registration),
  (v: RegistrationValues): unknown => ({
    institution: {
      ...v.institution,
      type: chosen(v.institution.type),
      headcount: chosen(v.institution.headcount),
      address: { ...v.institution.address, voivodeship: chosen(v.institution.address.voivodeship) },
    },
    account: { ...v.account, language: currentLanguage() },
  }),
);

type Section = 'institution.legendInstitution' | 'institution.legendAddress' | 'institution.legendContact';

/** The form's fieldset a field path belongs to, for the error summary (two fields are "Imię i nazwisko"). */
function sectionKey(path: string): Section | 'register.legendAccount' {
  if (path.startsWith('account.')) return 'register.legendAccount';
  if (path.startsWith('institution.address.')) return 'institution.legendAddress';
  if (path.startsWith('institution.contactPerson.')) return 'institution.legendContact';
  return 'institution.legendInstitution';
}

export function RegisterPage() {
  const { t } = useTranslation();
  const form = useApiForm<RegistrationValues, Registration>('register', {
    resolver,
    defaultValues: {
      institution: { ...emptyProfileValues(), nip: '' },
      account: { displayName: '', email: '', password: '' },
    },
  });
  const register = useRegister();
  const registeredEmail = register.isSuccess ? register.variables.account.email.trim() : null;

  const submit = async (registration: Registration) => {
    await register.mutateAsync(registration);
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
          <Form form={form} onSubmit={submit} sectionOf={(path) => t(sectionKey(path))}>
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
