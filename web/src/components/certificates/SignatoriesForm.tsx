import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from '../../translation';
import { CertificateSettings } from '../../../../shared/editions/edition';
import { Form, SubmitButton, useApiForm } from '../../forms/form';
import { apiResolver } from '../../forms/validation';
import { type Signatory, useSetSignatories } from '../../queries/certificates';
import { type Edition, editionQuery } from '../../queries/editions';
import { ErrorNotice } from '../ErrorNotice';
import { Loading } from '../Loading';
import { focusSoon } from '../editions/builder';
import { SignatoriesFields } from './SignatoriesFields';

type Values = { signatories: Signatory[] };

/** The route's own schema checks the rows before sending (field paths `signatories.0.name`, as the server's). */
const resolver = apiResolver(CertificateSettings, (values: Values) => ({
  signatories: values.signatories.map(({ name, role }) => ({ name, role })),
}));

const FORM_ID = 'ct-signatories';
/** The edition's signatories, or one empty row to start from. */
const rowsOf = (edition: Edition): Signatory[] =>
  edition.certificates?.signatories.map(({ name, role }) => ({ name, role })) ?? [{ name: '', role: '' }];

/**
 * The form itself, mounted on opening: it starts from the edition as it is now and sends that
 * version, so a change made meanwhile elsewhere is refused (409 STALE_VERSION) and not overwritten;
 * the summary then offers to load the current signatories. Field errors land on their rows.
 */
function SignatoriesEditor({
  editionId,
  edition,
  onSaved,
  onCancel,
}: {
  editionId: string;
  edition: Edition;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useSetSignatories(editionId);
  const [version, setVersion] = useState(edition.version);
  const form = useApiForm<Values, CertificateSettings>(FORM_ID, {
    defaultValues: { signatories: rowsOf(edition) },
    resolver,
  });

  const submit = async ({ signatories }: CertificateSettings) => {
    await save.mutateAsync({ signatories, version });
    onSaved();
  };
  const reload = () =>
    form.meta.run(async () => {
      const fresh = await queryClient.fetchQuery({ ...editionQuery(editionId), staleTime: 0 });
      form.methods.reset({ signatories: rowsOf(fresh) });
      setVersion(fresh.version);
      form.meta.setStatus(t('form.reloaded'));
    });

  return (
    <Form
      form={form}
      onSubmit={submit}
      labelledBy="ct-sign-title"
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
      <SignatoriesFields name="signatories" />
      <p className="hint">{t('certificates.signatories.issuedKeep')}</p>
      <p className="rs-actions">
        <SubmitButton>{t('certificates.signatories.save')}</SubmitButton>{' '}
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </p>
    </Form>
  );
}

/**
 * Who signs the certificates, on the certificates tab (issue 15): the edition's settings are locked
 * once review starts, yet certificates are issued after publication. While nobody is named the form
 * is open (issuing is refused until then); otherwise the current signatories and "Edytuj podpisy".
 */
export function SignatoriesSection({
  editionId,
  missing,
  onStatus,
}: {
  editionId: string;
  missing: boolean;
  onStatus: (status: string) => void;
}) {
  const { t } = useTranslation();
  const edition = useQuery(editionQuery(editionId));
  const [editing, setEditing] = useState(false);
  const toggleId = useId();
  const open = missing || editing;
  const close = () => {
    setEditing(false);
    focusSoon(toggleId);
  };

  const current = edition.data?.certificates?.signatories ?? [];
  return (
    <section aria-labelledby="ct-sign-title" className="ct-sign" id="ct-sign">
      <h3 id="ct-sign-title">{t('certificates.signatories.title')}</h3>
      {edition.isPending && <Loading />}
      <ErrorNotice error={edition.error} />
      {edition.data && !open && (
        <>
          {current.length > 0 ? (
            <ol className="ct-sign-list">
              {current.map((s) => (
                <li key={`${s.name}|${s.role}`}>
                  {s.name} — {s.role}
                </li>
              ))}
            </ol>
          ) : (
            <p>{t('certificates.settings.none')}</p>
          )}
          <p>
            <button
              type="button"
              id={toggleId}
              onClick={() => {
                setEditing(true);
                focusSoon(`${FORM_ID}-signatories-0-name`);
              }}
            >
              {t('certificates.signatories.edit')}
            </button>
          </p>
        </>
      )}
      {edition.data && open && (
        <SignatoriesEditor
          editionId={editionId}
          edition={edition.data}
          onSaved={() => {
            onStatus(t('certificates.signatories.saved'));
            // Saved: the list and "Edytuj podpisy" again (also when the form was open for want of any).
            close();
          }}
          onCancel={missing ? undefined : close}
        />
      )}
    </section>
  );
}
