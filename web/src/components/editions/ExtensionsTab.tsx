import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InferResponseType } from 'hono/client';
import { api, send } from '../../api';
import { SelectField, TextField } from '../Field';
import { Form, SubmitButton, toFormError, useForm } from '../form';
import { Loading } from '../Loading';
import { TextAreaField } from '../Field';
import { formatWarsaw, fromWarsawInput, toWarsawInput } from './time';

type Extension = InferResponseType<(typeof api.api.editions)[':editionId']['extensions']['$get'], 200>['items'][number];

/** Deadline extensions: who got one, until when and why; and a form to grant one. */
export function ExtensionsTab({ editionId, applicationsClose }: { editionId: string; applicationsClose: string }) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<Extension[] | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState('');
  // An extension must reach past the edition's deadline: a week after it (or after today) by default.
  const base = Math.max(Date.parse(applicationsClose) || 0, Date.now());
  const form = useForm('extension', {
    institutionId: '',
    until: `${toWarsawInput(new Date(base + 7 * 86_400_000).toISOString()).slice(0, 10)}T23:59`,
    reason: '',
  });

  const load = useCallback(async () => {
    setError('');
    try {
      const [ext, apps] = await Promise.all([
        send(api.api.editions[':editionId'].extensions.$get({ param: { editionId } })).then((r) => r.json()),
        send(api.api.editions[':editionId'].applications.$get({ param: { editionId }, query: { limit: '100' } })).then(
          (r) => r.json(),
        ),
      ]);
      setItems(ext.items);
      setNames(new Map(apps.items.map((a) => [a.institutionId, a.institution.name])));
    } catch (e) {
      setError(toFormError(e).message);
    }
  }, [editionId]);

  useEffect(() => {
    void load();
  }, [load]);

  const grant = async () => {
    const v = form.values;
    await send(
      api.api.editions[':editionId'].extensions.$post({
        param: { editionId },
        json: { institutionId: v.institutionId ?? '', until: fromWarsawInput(v.until ?? ''), reason: v.reason ?? '' },
      }),
    );
    form.setStatus(t('editions.extensions.granted', { name: names.get(v.institutionId ?? '') ?? v.institutionId }));
    form.replaceValues({ institutionId: '', until: v.until ?? '', reason: '' });
    await load();
  };

  const options = [...names.entries()]
    .sort((a, b) => a[1].localeCompare(b[1], 'pl'))
    .map(([value, label]) => ({ value, label }));

  return (
    <>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {!items && !error && <Loading />}
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
                <td>{names.get(x.institutionId) ?? x.institutionId}</td>
                <td>
                  <time dateTime={x.until}>{formatWarsaw(x.until, i18n.language)}</time>
                </td>
                <td className="ed-pre">{x.reason}</td>
                <td>
                  {x.grantedBy}, <time dateTime={x.grantedAt}>{formatWarsaw(x.grantedAt, i18n.language)}</time>
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
