import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from '../translation';
import {
  auditActionGroupNames,
  auditSubjectTypes,
  type AuditActionGroup,
  type AuditSubjectType,
} from '../../../shared/audit/audit';
import { AuditTable } from '../components/AuditTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { oneOf } from '../components/InstitutionFields';
import { PageTitle } from '../components/PageTitle';
import { RequireRole } from '../components/RequireRole';
import { fieldsError } from '../forms/errors';
import { SelectField, TextField } from '../forms/fields';
import { Form, SubmitButton, useApiForm } from '../forms/form';
import type { AuditFilter } from '../queries/accounts';
import { auditQuery } from '../queries/accounts-signed-in';
import { usePagePosition } from '../queries/paging';
import { toWarsawInput } from '../components/editions/time';

// The audit log's days are Polish calendar days (shared/audit/audit-day.ts): today as a clock in Warsaw shows it.
const today = () => toWarsawInput(new Date().toISOString()).slice(0, 10);

interface SearchValues {
  by: 'day' | 'subject';
  day: string;
  subjectType: string;
  subjectId: string;
  /** 'all' for every kind of event. */
  group: string;
}

/** The kind of event asked for, left out of the query when it is every kind. */
const groupOf = (value: string): { group?: AuditActionGroup } => {
  const group = oneOf(auditActionGroupNames, value);
  return group ? { group } : {};
};

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
  const form = useApiForm<SearchValues>('audit', {
    defaultValues: { by: 'day', day: today(), subjectType: 'user', subjectId: '', group: 'all' },
  });
  const by = useWatch({ control: form.methods.control, name: 'by' });
  // Today's entries at once; each search asks again, even for the same filter.
  const [filter, setFilter] = useState<AuditFilter>(() => ({ day: today() }));
  const position = usePagePosition(JSON.stringify(filter));
  const result = useQuery({ ...auditQuery(filter, position.at), placeholderData: keepPreviousData });

  const show = (next: AuditFilter) => {
    if (JSON.stringify(next) === JSON.stringify(filter) && position.at.number === 1) void result.refetch();
    setFilter(next);
    position.first();
  };

  const search = async (v: SearchValues) => {
    if (v.by === 'day') return show({ day: v.day, ...groupOf(v.group) });
    const subjectType = oneOf(auditSubjectTypes, v.subjectType);
    const subjectId = v.subjectId.trim();
    if (!subjectType || !subjectId) form.meta.setError(fieldsError({ subjectId: t('audit.subjectIdRequired') }));
    else show({ subjectType, subjectId, ...groupOf(v.group) });
  };

  /** "History of this subject" from a row: the filter switches to that subject. */
  const showSubject = (subjectType: AuditSubjectType, subjectId: string) => {
    form.methods.reset({ ...form.methods.getValues(), by: 'subject', subjectType, subjectId });
    form.meta.setError(null);
    show({ subjectType, subjectId, ...groupOf(form.methods.getValues('group')) });
  };

  const page = result.data;
  const status = result.isFetching
    ? t('form.sending')
    : page && !result.isError
      ? t('audit.found', { count: page.items.length })
      : '';
  return (
    <>
      <Form form={form} onSubmit={search} statusText={status}>
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
          {by === 'subject' ? (
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
          <SelectField
            name="group"
            label={t('audit.group')}
            options={[
              { value: 'all', label: t('audit.groupAll') },
              ...auditActionGroupNames.map((g) => ({ value: g, label: t(`audit.groups.${g}`) })),
            ]}
          />
        </fieldset>
        <SubmitButton>{t('audit.search')}</SubmitButton>
      </Form>
      <ErrorNotice error={result.error} />
      {page && (
        <AuditTable
          items={page.items}
          pageNumber={page.number}
          shown={!result.isPlaceholderData}
          onSubject={showSubject}
          onNext={page.next ? () => page.next && position.next(page.next) : undefined}
          onFirst={page.number > 1 ? position.first : undefined}
        />
      )}
    </>
  );
}
