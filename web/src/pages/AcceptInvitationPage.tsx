import { useTranslation } from '../translation';
import { PASSWORD_MIN_LENGTH } from '../../../shared/accounts/password-policy';
import { TextField } from '../forms/fields';
import { SubmitButton } from '../forms/form-core';
import { SimpleForm, useSimpleForm } from '../forms/simple-form';
import { PageTitle } from '../components/PageTitle';
import { useAcceptInvitation } from '../queries/accounts';
import { navigate, useLocation } from '../router';
import { homeOf, useSession } from '../session';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const token = useLocation().query.get('token');
  const session = useSession();
  const form = useSimpleForm('accept', { displayName: '', password: '' });
  const accept = useAcceptInvitation();
  const submit = async (values: { displayName: string; password: string }) => {
    const displayName = values.displayName.trim();
    const { user } = await accept.mutateAsync({
      token: token ?? '',
      password: values.password,
      ...(displayName ? { displayName } : {}),
    });
    await session.signedIn(user);
    navigate(homeOf(user), { replace: true });
  };
  return (
    <>
      <PageTitle>{t('invitation.title')}</PageTitle>
      {token ? (
        <>
          <p>{t('invitation.lead')}</p>
          <SimpleForm form={form} onSubmit={submit}>
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
          </SimpleForm>
        </>
      ) : (
        <p>{t('invitation.noToken')}</p>
      )}
    </>
  );
}
