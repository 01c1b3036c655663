import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, send } from '../api';
import { ConfirmButton } from '../components/ConfirmButton';
import { SelectField, TextField } from '../components/Field';
import { Form, SubmitButton, toFormError, useForm } from '../components/form';
import { PageTitle } from '../components/PageTitle';
import { RequireRole } from '../components/RequireRole';
import { isLanguage, LANGUAGES } from '../i18n';
import { chooseLanguage } from '../language';
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

function Account({ me }: { me: Me }) {
  const { t } = useTranslation();
  const session = useSession();
  const { user } = me;
  const form = useForm('account', { displayName: user.displayName, language: user.language });
  const [version, setVersion] = useState(user.version);
  const [ending, setEnding] = useState(false);
  const [endError, setEndError] = useState('');

  const save = async () => {
    const language = form.values.language;
    const res = await send(
      api.api.me.$put({
        json: { displayName: form.values.displayName ?? '', language: isLanguage(language) ? language : 'pl', version },
      }),
    );
    const saved = (await res.json()).user;
    setVersion(saved.version);
    await chooseLanguage(saved.language);
    await session.refresh();
    form.setStatus(t('account.saved'));
  };

  /** After "changed meanwhile": take the stored data and version (the user's edits are replaced, by choice). */
  const reload = async () => {
    await form.run(async () => {
      const fresh = (await (await send(api.api.me.$get())).json()).user;
      form.replaceValues({ displayName: fresh.displayName, language: fresh.language });
      setVersion(fresh.version);
      form.setStatus(t('form.reloaded'));
    });
  };

  const logoutEverywhere = async () => {
    setEnding(true);
    setEndError('');
    try {
      const { ended } = await (await send(api.api.auth['logout-everywhere'].$post())).json();
      session.signedOut();
      navigate(`/login?ended=${ended}`, { replace: true });
    } catch (error) {
      setEndError(toFormError(error).message);
      setEnding(false);
    }
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
            form.error?.code === 'STALE_VERSION' && (
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
          onConfirm={() => void logoutEverywhere()}
          busy={ending}
        >
          {t('account.logoutEverywhere')}
        </ConfirmButton>
        <p role="status" className="form-status">
          {ending ? t('form.sending') : ''}
        </p>
        {endError && (
          <p role="alert" className="error-message">
            {endError}
          </p>
        )}
      </section>
    </>
  );
}
