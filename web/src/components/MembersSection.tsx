import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InferResponseType } from 'hono/client';
import { api, send } from '../api';
import { currentLanguage } from '../i18n';
import { TextField } from './Field';
import { Form, SubmitButton, toFormError, useForm } from './form';
import { Loading } from './Loading';

type Member = InferResponseType<
  (typeof api.api.institutions)[':institutionId']['members']['$get'],
  200
>['items'][number];

/** The institution's accounts and the "invite a colleague" form. */
export function MembersSection({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const [members, setMembers] = useState<Member[] | null>(null);
  const [loadError, setLoadError] = useState('');
  const form = useForm('invite');

  const load = useCallback(async () => {
    try {
      const { items } = await (
        await send(api.api.institutions[':institutionId'].members.$get({ param: { institutionId } }))
      ).json();
      setMembers(items);
      setLoadError('');
    } catch (error) {
      setLoadError(toFormError(error).message);
    }
  }, [institutionId]);

  useEffect(() => {
    void load();
  }, [load]);

  const invite = async () => {
    const res = await send(
      api.api.institutions[':institutionId'].members.$post({
        param: { institutionId },
        json: {
          email: form.values.email ?? '',
          displayName: form.values.displayName ?? '',
          language: currentLanguage(),
        },
      }),
    );
    const invited = await res.json();
    setMembers((list) => [...(list ?? []).filter((m) => m.userId !== invited.userId), invited]);
    form.replaceValues({});
    form.setStatus(t('members.invited', { email: invited.email }));
  };

  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">{t('members.title')}</h2>
      {loadError && (
        <p className="notice error" role="alert">
          {loadError}
        </p>
      )}
      {!members && !loadError && <Loading />}
      {members && members.length === 0 && <p>{t('members.empty')}</p>}
      {members && members.length > 0 && (
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
            {members.map((m) => (
              <tr key={m.userId} data-email={m.email}>
                <td>{m.displayName}</td>
                <td>{m.email}</td>
                <td>{t(`status.${m.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 id="invite-title">{t('members.inviteTitle')}</h3>
      <p>{t('members.inviteText')}</p>
      <Form form={form} onSubmit={invite} labelledBy="invite-title">
        <TextField name="displayName" label={t('members.colleagueName')} autoComplete="off" />
        <TextField name="email" label={t('members.colleagueEmail')} type="email" autoComplete="off" />
        <SubmitButton>{t('members.inviteSubmit')}</SubmitButton>
      </Form>
    </section>
  );
}
