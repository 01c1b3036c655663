import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, send } from '../api';
import { Form, SubmitButton, toFormError, useForm } from '../components/form';
import { InstitutionFields, profileFromValues, valuesFromProfile } from '../components/InstitutionFields';
import { Loading } from '../components/Loading';
import { MembersSection } from '../components/MembersSection';
import { PageTitle } from '../components/PageTitle';
import { RequireRole } from '../components/RequireRole';

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
  const { t } = useTranslation();
  const form = useForm('profile');
  const [meta, setMeta] = useState<{ nip: string; version: number } | null>(null);
  const [loadError, setLoadError] = useState('');

  const fetchProfile = useCallback(async () => {
    const profile = await (
      await send(api.api.institutions[':institutionId'].$get({ param: { institutionId } }))
    ).json();
    return { values: valuesFromProfile(profile), nip: profile.nip, version: profile.version };
  }, [institutionId]);

  useEffect(() => {
    let live = true;
    fetchProfile().then(
      (loaded) => {
        if (!live) return;
        form.replaceValues(loaded.values);
        setMeta({ nip: loaded.nip, version: loaded.version });
      },
      (error: unknown) => live && setLoadError(toFormError(error).message),
    );
    return () => {
      live = false;
    };
    // form.replaceValues is stable; loading once per institution.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetchProfile]);

  const save = async () => {
    if (!meta) return;
    const read = profileFromValues(form.values, '');
    if ('error' in read) {
      form.setError(read.error);
      return;
    }
    const res = await send(
      api.api.institutions[':institutionId'].$put({
        param: { institutionId },
        json: { ...read.profile, version: meta.version },
      }),
    );
    const saved = await res.json();
    form.replaceValues(valuesFromProfile(saved));
    setMeta({ nip: saved.nip, version: saved.version });
    form.setStatus(t('institution.saved'));
  };

  /** After "changed meanwhile" the user chooses to take the stored data; until then their edits stay. */
  const reload = () =>
    form.run(async () => {
      const loaded = await fetchProfile();
      form.replaceValues(loaded.values);
      setMeta({ nip: loaded.nip, version: loaded.version });
      form.setStatus(t('form.reloaded'));
    });

  if (loadError)
    return (
      <p className="notice error" role="alert">
        {loadError}
      </p>
    );
  if (!meta) return <Loading />;
  return (
    <>
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t('institution.profileTitle')}</h2>
        <Form
          form={form}
          onSubmit={save}
          errorActions={
            form.error?.code === 'STALE_VERSION' && (
              <p>
                {t('form.reloadExplain')}{' '}
                <button type="button" onClick={() => void reload()}>
                  {t('form.reload')}
                </button>
              </p>
            )
          }
        >
          <InstitutionFields prefix="" nip={{ fixed: meta.nip }} />
          <SubmitButton>{t('form.save')}</SubmitButton>
        </Form>
      </section>
      <MembersSection institutionId={institutionId} />
    </>
  );
}
