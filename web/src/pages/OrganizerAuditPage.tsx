import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InferResponseType } from 'hono/client';
import { auditSubjectTypes, type AuditSubjectType } from '../../../shared/audit/audit';
import { api, send } from '../api';
import { SelectField, TextField } from '../components/Field';
import { Form, SubmitButton, useForm } from '../components/form';
import { oneOf } from '../components/InstitutionFields';
import { AuditTable } from '../components/AuditTable';
import { PageTitle } from '../components/PageTitle';
import { RequireRole } from '../components/RequireRole';

export type AuditEntry = InferResponseType<typeof api.api.audit.$get, 200>['items'][number];
type Filter = { day: string } | { subjectType: AuditSubjectType; subjectId: string };

const today = () => new Date().toISOString().slice(0, 10); // the server's audit days are UTC days

export function OrganizerAuditPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      <RequireRole roles={['organizer']}>{() => <Audit />}</RequireRole>
    </>
  );
}

function Audit() {
  const { t } = useTranslation();
  const form = useForm('audit', { by: 'day', day: today(), subjectType: 'user' });
  const [result, setResult] = useState<{
    filter: Filter;
    items: AuditEntry[];
    next: string | null;
    number: number;
  } | null>(null);

  const fetchPage = async (filter: Filter, cursor: string | undefined, number: number) => {
    const res = await send(api.api.audit.$get({ query: { ...filter, ...(cursor ? { cursor } : {}) } }));
    const { items, cursor: next } = await res.json();
    setResult({ filter, items, next, number });
    form.setStatus(t('audit.found', { count: items.length }));
  };

  const search = async () => {
    const v = form.values;
    if (v.by === 'subject') {
      const subjectType = oneOf(auditSubjectTypes, v.subjectType);
      const subjectId = (v.subjectId ?? '').trim();
      if (!subjectType || !subjectId) {
        form.setError({
          code: 'VALIDATION_FAILED',
          message: t('form.fixFields'),
          fields: { subjectId: t('audit.subjectIdRequired') },
        });
        return;
      }
      await fetchPage({ subjectType, subjectId }, undefined, 1);
    } else {
      await fetchPage({ day: v.day ?? '' }, undefined, 1);
    }
  };

  useEffect(() => {
    void form.run(search); // today's entries at once; the guard in run() absorbs a second call
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** "History of this subject" from a row: the filter switches to that subject. */
  const showSubject = (subjectType: AuditSubjectType, subjectId: string) => {
    form.replaceValues({ ...form.values, by: 'subject', subjectType, subjectId });
    void form.run(() => fetchPage({ subjectType, subjectId }, undefined, 1));
  };

  return (
    <>
      <Form form={form} onSubmit={search}>
        <fieldset>
          <legend>{t('audit.filter')}</legend>
          <SelectField
            name="by"
            label={t('audit.by')}
            options={[
              { value: 'day', label: t('audit.byDay') },
              { value: 'subject', label: t('audit.bySubject') },
            ]}
          />
          {form.values.by === 'subject' ? (
            <>
              <SelectField
                name="subjectType"
                label={t('audit.subjectType')}
                options={auditSubjectTypes.map((s) => ({ value: s, label: t(`audit.subject.${s}`) }))}
              />
              <TextField
                name="subjectId"
                label={t('audit.subjectId')}
                hint={t('audit.subjectIdHint')}
                autoComplete="off"
              />
            </>
          ) : (
            <TextField name="day" label={t('audit.day')} hint={t('audit.dayHint')} type="date" />
          )}
        </fieldset>
        <SubmitButton>{t('audit.search')}</SubmitButton>
      </Form>
      {result && (
        <AuditTable
          items={result.items}
          pageNumber={result.number}
          onSubject={showSubject}
          onNext={
            result.next
              ? () => void form.run(() => fetchPage(result.filter, result.next ?? undefined, result.number + 1))
              : undefined
          }
          onFirst={result.number > 1 ? () => void form.run(() => fetchPage(result.filter, undefined, 1)) : undefined}
        />
      )}
    </>
  );
}
