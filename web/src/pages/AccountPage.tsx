import { useState } from 'react';
import { useTranslation } from '../translation';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageTitle } from '../components/PageTitle';
import { RequireRole } from '../components/RequireRole';
import { SelectField, TextField } from '../forms/fields';
import { Form, SubmitButton, useApiForm } from '../forms/form';
import { isLanguage, LANGUAGES } from '../i18n';
import { chooseLanguage } from '../language';
import { useLogoutEverywhere, useSaveAccount } from '../queries/accounts-signed-in';
import { navigate } from '../router';
import { useSession, type Me } from '../session';

export function AccountPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('account.title')}</PageTitle>
      <RequireRole>{(me) => <Account me={me} />}</RequireRole>
    </>
  );
}

interface AccountValues {
  displayName: string;
  language: string;
}

function Account({ me }: { me: Me }) {
  const { t } = useTranslation();
  const session = useSession();
  const { user } = me;
  const form = useApiForm<AccountValues>('account', {
    defaultValues: { displayName: user.displayName, language: user.language },
  });
  /** The version the form's values were read at: a save over someone else's newer one is refused. */
  const [version, setVersion] = useState(user.version);
  const saveAccount = useSaveAccount();
  const logoutEverywhere = useLogoutEverywhere();

  const save = async ({ displayName, language }: AccountValues) => {
    const { user: saved } = await saveAccount.mutateAsync({
      displayName,
      language: isLanguage(language) ? language : 'pl',
      version,
    });
    setVersion(saved.version);
    await chooseLanguage(saved.language);
    form.meta.setStatus(t('account.saved'));
  };

  /** After "changed meanwhile": take the stored data and version (the user's edits are replaced, by choice). */
  const reload = () =>
    form.meta.run(async () => {
      const fresh = await session.refresh();
      if (!fresh) return;
      form.methods.reset({ displayName: fresh.user.displayName, language: fresh.user.language });
      setVersion(fresh.user.version);
      form.meta.setStatus(t('form.reloaded'));
    });

  const endSessions = async () => {
    const { ended } = await logoutEverywhere.mutateAsync();
    session.signedOut();
    navigate(`/login?ended=${ended}`, { replace: true });
  };

  return (
    <>
      <dl className="facts">
        <dt>{t('account.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('account.roles')}</dt>
        <dd>{user.roles.map((r) => t(`role.${r}`)).join(', ')}</dd>
        {me.institution && (
          <>
            <dt>{t('account.institution')}</dt>
            <dd>{me.institution.name}</dd>
          </>
        )}
      </dl>
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t('account.profileTitle')}</h2>
        <Form
          form={form}
          onSubmit={save}
          errorActions={
            form.meta.error?.code === 'STALE_VERSION' && (
              <button type="button" onClick={() => void reload()}>
                {t('form.reload')}
              </button>
            )
          }
        >
          <TextField name="displayName" label={t('account.displayName')} autoComplete="name" />
          <SelectField
            name="language"
            label={t('account.language')}
            hint={t('account.languageHint')}
            options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
          />
          <SubmitButton>{t('form.save')}</SubmitButton>
        </Form>
      </section>
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('account.sessionsTitle')}</h2>
        <p>{t('account.sessionsText')}</p>
        <ConfirmButton
          question={t('account.logoutEverywhereQuestion')}
          confirmLabel={t('account.logoutEverywhereConfirm')}
          onConfirm={() => void endSessions().catch(() => undefined)}
          busy={logoutEverywhere.isPending}
        >
          {t('account.logoutEverywhere')}
        </ConfirmButton>
        <p role="status" className="form-status">
          {logoutEverywhere.isPending ? t('form.sending') : ''}
        </p>
        <ErrorNotice error={logoutEverywhere.error} className="error-message" />
      </section>
    </>
  );
}
