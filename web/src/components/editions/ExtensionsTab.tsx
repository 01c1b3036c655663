import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../translation';
import { SelectField, TextAreaField, TextField } from '../../forms/fields';
import { Form, SubmitButton, useApiForm } from '../../forms/form';
import { applicantsQuery, extensionsQuery, useGrantExtension } from '../../queries/editions';
import { ErrorNotice } from '../ErrorNotice';
import { Loading } from '../Loading';
import { formatWarsaw, fromWarsawInput, toWarsawInput } from './time';

interface GrantValues {
  institutionId: string;
  until: string;
  reason: string;
}

/** Deadline extensions: who got one, until when and why; and a form to grant one. */
export function ExtensionsTab({ editionId, applicationsClose }: { editionId: string; applicationsClose: string }) {
  const { t, i18n } = useTranslation();
  const extensions = useQuery(extensionsQuery(editionId));
  const applicants = useQuery(applicantsQuery(editionId));
  const grantExtension = useGrantExtension(editionId);
  // An extension must reach past the edition's deadline: a week after it (or after today) by default.
  const base = Math.max(Date.parse(applicationsClose) || 0, Date.now());
  const form = useApiForm<GrantValues>('extension', {
    defaultValues: {
      institutionId: '',
      until: `${toWarsawInput(new Date(base + 7 * 86_400_000).toISOString()).slice(0, 10)}T23:59`,
      reason: '',
    },
  });
  const options = applicants.data ?? [];
  const nameOf = (institutionId: string) => options.find((o) => o.value === institutionId)?.label ?? institutionId;

  const grant = async (v: GrantValues) => {
    await grantExtension.mutateAsync({
      institutionId: v.institutionId,
      until: fromWarsawInput(v.until),
      reason: v.reason,
    });
    form.meta.setStatus(t('editions.extensions.granted', { name: nameOf(v.institutionId) }));
    form.methods.reset({ institutionId: '', until: v.until, reason: '' });
  };

  const items = extensions.data;
  const loadError = extensions.error ?? applicants.error;
  return (
    <>
      <ErrorNotice error={loadError} />
      {!items && !loadError && <Loading />}
      {items && items.length === 0 && <p>{t('editions.extensions.empty')}</p>}
      {items && items.length > 0 && (
        <table>
          <caption className="visually-hidden">{t('editions.extensions.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('editions.apps.institution')}</th>
              <th scope="col">{t('editions.extensions.until')}</th>
              <th scope="col">{t('editions.extensions.reason')}</th>
              <th scope="col">{t('editions.extensions.grantedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((x) => (
              <tr key={`${x.institutionId}-${x.grantedAt}`}>
                <td>{nameOf(x.institutionId)}</td>
                <td>
                  <time dateTime={x.until}>{formatWarsaw(x.until, i18n.language)}</time>
                </td>
                <td className="ed-pre">{x.reason}</td>
                <td>
                  {x.grantedByName ?? x.grantedBy},{' '}
                  <time dateTime={x.grantedAt}>{formatWarsaw(x.grantedAt, i18n.language)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="ed-grant-title">
        <h3 id="ed-grant-title">{t('editions.extensions.grant')}</h3>
        {options.length === 0 ? (
          <p>{t('editions.extensions.noInstitutions')}</p>
        ) : (
          <Form form={form} onSubmit={grant} labelledBy="ed-grant-title">
            <SelectField
              name="institutionId"
              label={t('editions.apps.institution')}
              options={options}
              placeholder={t('form.choose')}
            />
            <TextField
              name="until"
              type="datetime-local"
              label={t('editions.extensions.until')}
              hint={t('editions.extensions.untilHint', { deadline: formatWarsaw(applicationsClose, i18n.language) })}
            />
            <TextAreaField name="reason" label={t('editions.extensions.reason')} rows={3} />
            <SubmitButton>{t('editions.extensions.submit')}</SubmitButton>
          </Form>
        )}
      </section>
    </>
  );
}
