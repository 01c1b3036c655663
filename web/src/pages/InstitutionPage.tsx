import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../translation';
import { ErrorNotice } from '../components/ErrorNotice';
import {
  InstitutionFields,
  profileFromValues,
  valuesFromProfile,
  type ProfileValues,
} from '../components/InstitutionFields';
import { Loading } from '../components/Loading';
import { MembersSection } from '../components/MembersSection';
import { PageTitle } from '../components/PageTitle';
import { RequireRole } from '../components/RequireRole';
import { Form, SubmitButton, useApiForm } from '../forms/form';
import type { InstitutionView } from '../queries/accounts';
import { institutionQuery, useSaveInstitution } from '../queries/accounts-signed-in';

export function InstitutionPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('institution.title')}</PageTitle>
      <RequireRole roles={['institution']}>
        {({ user }) =>
          user.institutionId ? <Institution institutionId={user.institutionId} /> : <p>{t('institution.none')}</p>
        }
      </RequireRole>
    </>
  );
}

function Institution({ institutionId }: { institutionId: string }) {
  const profile = useQuery(institutionQuery(institutionId));
  if (profile.isError) return <ErrorNotice error={profile.error} />;
  if (!profile.data) return <Loading />;
  return (
    <>
      <ProfileForm institutionId={institutionId} profile={profile.data} />
      <MembersSection institutionId={institutionId} />
    </>
  );
}

/** The profile as loaded; the form keeps the user's edits until a save or a chosen reload replaces them. */
function ProfileForm({ institutionId, profile }: { institutionId: string; profile: InstitutionView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useApiForm<ProfileValues>('profile', { defaultValues: valuesFromProfile(profile) });
  /** The version the form's values were read at: a save over someone else's newer one is refused. */
  const [version, setVersion] = useState(profile.version);
  const saveInstitution = useSaveInstitution(institutionId);

  const save = async (values: ProfileValues) => {
    const read = profileFromValues(values, '');
    if ('error' in read) {
      form.meta.setError(read.error);
      return;
    }
    const saved = await saveInstitution.mutateAsync({ ...read.profile, version });
    form.methods.reset(valuesFromProfile(saved));
    setVersion(saved.version);
    form.meta.setStatus(t('institution.saved'));
  };

  /** After "changed meanwhile" the user chooses to take the stored data; until then their edits stay. */
  const reload = () =>
    form.meta.run(async () => {
      const fresh = await queryClient.fetchQuery(institutionQuery(institutionId));
      form.methods.reset(valuesFromProfile(fresh));
      setVersion(fresh.version);
      form.meta.setStatus(t('form.reloaded'));
    });

  return (
    <section aria-labelledby="profile-title">
      <h2 id="profile-title">{t('institution.profileTitle')}</h2>
      <Form
        form={form}
        onSubmit={save}
        errorActions={
          form.meta.error?.code === 'STALE_VERSION' && (
            <p>
              {t('form.reloadExplain')}{' '}
              <button type="button" onClick={() => void reload()}>
                {t('form.reload')}
              </button>
            </p>
          )
        }
      >
        <InstitutionFields prefix="" nip={{ fixed: profile.nip }} />
        <SubmitButton>{t('form.save')}</SubmitButton>
      </Form>
    </section>
  );
}
