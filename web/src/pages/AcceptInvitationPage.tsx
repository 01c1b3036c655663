import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../shared/accounts/password-policy';
import { api, send } from '../api';
import { TextField } from '../components/Field';
import { Form, SubmitButton, useForm } from '../components/form';
import { PageTitle } from '../components/PageTitle';
import { navigate, useLocation } from '../router';
import { homeOf, useSession } from '../session';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const token = useLocation().query.get('token');
  const session = useSession();
  const form = useForm('accept');
  const submit = async () => {
    const displayName = (form.values.displayName ?? '').trim();
    const res = await send(
      api.api.auth.invitations.accept.$post({
        json: { token: token ?? '', password: form.values.password ?? '', ...(displayName ? { displayName } : {}) },
      }),
    );
    const { user } = await res.json();
    await session.signedIn(user);
    navigate(homeOf(user), { replace: true });
  };
  return (
    <>
      <PageTitle>{t('invitation.title')}</PageTitle>
      {token ? (
        <>
          <p>{t('invitation.lead')}</p>
          <Form form={form} onSubmit={submit}>
            <TextField
              name="displayName"
              label={t('account.displayName')}
              hint={t('invitation.displayNameHint')}
              autoComplete="name"
              required={false}
            />
            <TextField
              name="password"
              label={t('account.password')}
              hint={t('account.passwordHint', { min: PASSWORD_MIN_LENGTH })}
              type="password"
              autoComplete="new-password"
            />
            <SubmitButton>{t('invitation.submit')}</SubmitButton>
          </Form>
        </>
      ) : (
        <p>{t('invitation.noToken')}</p>
      )}
    </>
  );
}
