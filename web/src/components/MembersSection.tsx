import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../translation';
import { ScrollRegion } from './ScrollRegion';
import { TextField } from '../forms/fields';
import { Form, SubmitButton, useApiForm } from '../forms/form';
import { currentLanguage } from '../i18n';
import { membersQuery, useInviteMember } from '../queries/accounts-signed-in';
import { ErrorNotice } from './ErrorNotice';
import { Loading } from './Loading';

const emptyInvite = { displayName: '', email: '' };

/** The institution's accounts and the "invite a colleague" form. */
export function MembersSection({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const members = useQuery(membersQuery(institutionId));
  const form = useApiForm('invite', { defaultValues: emptyInvite });
  const invite = useInviteMember(institutionId);

  const submit = async (values: typeof emptyInvite) => {
    const invited = await invite.mutateAsync({ ...values, language: currentLanguage() });
    form.methods.reset(emptyInvite);
    form.meta.setStatus(t('members.invited', { email: invited.email }));
  };

  const items = members.data?.items;
  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">{t('members.title')}</h2>
      <ErrorNotice error={members.error} />
      {members.isPending && <Loading />}
      {items && items.length === 0 && <p>{t('members.empty')}</p>}
      {items && items.length > 0 && (
        <ScrollRegion labelledBy="members-title">
          <table>
            <caption className="visually-hidden">{t('members.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('account.displayName')}</th>
                <th scope="col">{t('account.email')}</th>
                <th scope="col">{t('users.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.userId} data-email={m.email}>
                  <td>{m.displayName}</td>
                  <td>{m.email}</td>
                  <td>{t(`status.${m.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <h3 id="invite-title">{t('members.inviteTitle')}</h3>
      <p>{t('members.inviteText')}</p>
      <Form form={form} onSubmit={submit} labelledBy="invite-title">
        <TextField name="displayName" label={t('members.colleagueName')} autoComplete="off" />
        <TextField name="email" label={t('members.colleagueEmail')} type="email" autoComplete="off" />
        <SubmitButton>{t('members.inviteSubmit')}</SubmitButton>
      </Form>
    </section>
  );
}
