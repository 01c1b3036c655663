import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from '../../translation';
import { institutionTypes, voivodeships } from '../../../../shared/institutions/institution';
import { fieldsError } from '../../forms/errors';
import { CheckboxField, CheckboxGroupField, SelectField, TextField } from '../../forms/fields';
import { Form, SubmitButton, useApiForm } from '../../forms/form';
import { allExpertsQuery } from '../../queries/accounts-signed-in';
import {
  chapterQuery,
  usePutChapterMember,
  useRemoveChapterMember,
  type ChapterMemberRow,
} from '../../queries/assignment';
import { ConfirmButton } from '../ConfirmButton';
import { ErrorNotice } from '../ErrorNotice';
import { oneOf } from '../InstitutionFields';
import { Loading } from '../Loading';
import { ScrollRegion } from '../ScrollRegion';
import { AssignmentSettingsForm } from './AssignmentSettingsForm';

/** A member as the form holds it: loads as typed, expertise as one comma-separated line. */
interface MemberValues {
  userId: string;
  minLoad: string;
  maxLoad: string;
  expertise: string;
  preferredCategories: string[];
  chair: boolean;
  workplace: { voivodeship: string; county: string; commune: string; nip: string };
}

const emptyMember = (): MemberValues => ({
  userId: '',
  minLoad: '0',
  maxLoad: '10',
  expertise: '',
  preferredCategories: [],
  chair: false,
  workplace: { voivodeship: '', county: '', commune: '', nip: '' },
});

const memberValues = (m: ChapterMemberRow): MemberValues => ({
  userId: m.userId,
  minLoad: String(m.minLoad),
  maxLoad: String(m.maxLoad),
  expertise: m.expertise.join(', '),
  preferredCategories: [...m.preferredCategories],
  chair: m.chair,
  workplace: {
    voivodeship: m.workplace?.voivodeship ?? '',
    county: m.workplace?.county ?? '',
    commune: m.workplace?.commune ?? '',
    nip: m.workplace?.nip ?? '',
  },
});

/** A whole number typed in a field; NaN when blank or not a number, so the server names the field. */
const whole = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s.trim()));

/** The chapter: members with their load against the bounds, adding / editing / removing one, and the assignment settings. */
export function ChapterTab({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const chapter = useQuery(chapterQuery(editionId));
  const experts = useQuery(allExpertsQuery);
  const members = chapter.data;
  const putMember = usePutChapterMember(editionId);
  const removeMember = useRemoveChapterMember(editionId);
  const removing = removeMember.isPending ? removeMember.variables : null;
  const [status, setStatus] = useState('');
  const [editing, setEditing] = useState<ChapterMemberRow | null>(null);
  const form = useApiForm<MemberValues>('member', { defaultValues: emptyMember() });
  const formHeading = useRef<HTMLHeadingElement>(null);
  const membersHeading = useRef<HTMLHeadingElement>(null);

  const startEdit = (m: ChapterMemberRow) => {
    setEditing(m);
    setStatus('');
    form.meta.setError(null);
    form.meta.setStatus('');
    form.methods.reset(memberValues(m));
    window.setTimeout(() => formHeading.current?.focus(), 0);
  };
  const stopEdit = () => {
    setEditing(null);
    form.meta.setError(null);
    form.methods.reset(emptyMember());
    window.setTimeout(() => formHeading.current?.focus(), 0);
  };

  const save = async (v: MemberValues) => {
    const userId = editing ? editing.userId : v.userId;
    if (!userId) {
      form.meta.setError(fieldsError({ userId: t('assignment.member.chooseExpert') }));
      return;
    }
    const voivodeship = oneOf(voivodeships, v.workplace.voivodeship);
    const county = v.workplace.county.trim();
    const commune = v.workplace.commune.trim();
    const nip = v.workplace.nip.replace(/[\s-]/g, '');
    if (!voivodeship && (county || commune || nip)) {
      form.meta.setError(fieldsError({ 'workplace.voivodeship': t('assignment.member.voivodeshipNeeded') }));
      return;
    }
    const saved = await putMember.mutateAsync({
      userId,
      minLoad: whole(v.minLoad),
      maxLoad: whole(v.maxLoad),
      expertise: v.expertise
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
      preferredCategories: v.preferredCategories.flatMap((x) => oneOf(institutionTypes, x) ?? []),
      chair: v.chair,
      ...(voivodeship ? { workplace: { voivodeship, county, commune, ...(nip ? { nip } : {}) } } : {}),
      ...(editing ? { version: editing.version } : {}),
    });
    setEditing(null);
    form.methods.reset(emptyMember());
    setStatus(t(editing ? 'assignment.member.updated' : 'assignment.member.added', { name: saved.displayName }));
    // The form may go (nobody left to add): the reading position moves to the list and its message.
    membersHeading.current?.focus();
  };

  const remove = async (m: ChapterMemberRow) => {
    setStatus('');
    try {
      await removeMember.mutateAsync(m.userId);
      if (editing?.userId === m.userId) stopEdit();
      setStatus(t('assignment.member.removed', { name: m.displayName }));
    } catch {
      // shown from the mutation's error above the list
    }
  };

  const memberIds = new Set((members ?? []).map((m) => m.userId));
  const candidates = (experts.data ?? [])
    .filter((u) => !memberIds.has(u.userId) && u.status !== 'deactivated')
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'pl'))
    .map((u) => ({ value: u.userId, label: `${u.displayName} (${u.email})` }));
  const typeOptions = institutionTypes.map((x) => ({ value: x, label: t(`institutionType.${x}`) }));
  const loadError = chapter.error ?? experts.error;

  return (
    <>
      <section aria-labelledby="ch-members-title">
        <h3 id="ch-members-title" tabIndex={-1} ref={membersHeading}>
          {t('assignment.chapter.members')}
        </h3>
        <ErrorNotice error={loadError} />
        <p role="status" className="form-status" id="ch-status">
          {status}
        </p>
        <ErrorNotice error={removeMember.error} />
        {!members && !loadError && <Loading />}
        {members && members.length === 0 && <p>{t('assignment.chapter.empty')}</p>}
        {members && members.length > 0 && (
          <ScrollRegion labelledBy="ch-members-title">
            <table className="as-members">
              <caption className="visually-hidden">{t('assignment.chapter.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('assignment.chapter.expert')}</th>
                  <th scope="col">{t('assignment.chapter.role')}</th>
                  <th scope="col">{t('assignment.chapter.preferred')}</th>
                  <th scope="col" className="as-num">
                    {t('assignment.load.min')}
                  </th>
                  <th scope="col" className="as-num">
                    {t('assignment.load.max')}
                  </th>
                  <th scope="col" className="as-num">
                    {t('assignment.load.current')}
                  </th>
                  <th scope="col" className="as-num">
                    {t('assignment.chapter.flagged')}
                  </th>
                  <th scope="col">{t('assignment.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.userId} data-user-id={m.userId}>
                    <th scope="row">
                      {m.displayName}
                      <span className="as-sub">{m.email}</span>
                      {m.expertise.length > 0 && <span className="as-sub">{m.expertise.join(', ')}</span>}
                      {m.workplace && (
                        <span className="as-sub">
                          {t('assignment.chapter.workplaceLine', {
                            place: `${m.workplace.commune}, ${t('assignment.chapter.county')} ${m.workplace.county}, ${m.workplace.voivodeship}`,
                          })}
                        </span>
                      )}
                    </th>
                    <td>
                      {m.chair ? (
                        <span className="ed-badge as-badge-chair">{t('assignment.chapter.chair')}</span>
                      ) : (
                        t('assignment.chapter.memberRole')
                      )}
                    </td>
                    <td>
                      {m.preferredCategories.length > 0
                        ? m.preferredCategories.map((c) => t(`institutionType.${c}`)).join(', ')
                        : '—'}
                    </td>
                    <td className="as-num">{m.minLoad}</td>
                    <td className="as-num">{m.maxLoad}</td>
                    <td className={`as-num${m.load > m.maxLoad || m.load < m.minLoad ? ' as-out' : ''}`}>{m.load}</td>
                    <td className="as-num">
                      {m.flagged > 0 ? <span className="ed-badge as-badge-flagged">{m.flagged}</span> : 0}
                    </td>
                    <td>
                      <div className="as-row-actions">
                        <button type="button" onClick={() => startEdit(m)}>
                          {t('assignment.member.edit')}
                          <span className="visually-hidden"> — {m.displayName}</span>
                        </button>
                        <ConfirmButton
                          question={t('assignment.member.removeQuestion', { name: m.displayName })}
                          confirmLabel={t('assignment.member.removeConfirm')}
                          busy={removing === m.userId}
                          onConfirm={() => void remove(m)}
                        >
                          {t('assignment.member.remove')}
                          <span className="visually-hidden"> — {m.displayName}</span>
                        </ConfirmButton>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      <section aria-labelledby="ch-member-form-title" className="as-panel">
        <h3 id="ch-member-form-title" tabIndex={-1} ref={formHeading}>
          {editing ? t('assignment.member.editTitle', { name: editing.displayName }) : t('assignment.member.addTitle')}
        </h3>
        {!editing && candidates.length === 0 && members && <p>{t('assignment.member.noCandidates')}</p>}
        {(editing || candidates.length > 0) && (
          <Form form={form} onSubmit={save} labelledBy="ch-member-form-title">
            {!editing && (
              <SelectField
                name="userId"
                label={t('assignment.member.expert')}
                options={candidates}
                placeholder={t('form.choose')}
              />
            )}
            <div className="ed-row">
              <TextField
                name="minLoad"
                type="number"
                inputMode="numeric"
                min={0}
                max={500}
                className="short"
                label={t('assignment.load.minLong')}
              />
              <TextField
                name="maxLoad"
                type="number"
                inputMode="numeric"
                min={0}
                max={500}
                className="short"
                label={t('assignment.load.maxLong')}
              />
            </div>
            <CheckboxField name="chair" label={t('assignment.member.chair')} />
            <TextField
              name="expertise"
              label={t('assignment.member.expertise')}
              hint={t('assignment.member.expertiseHint')}
              required={false}
            />
            <CheckboxGroupField
              name="preferredCategories"
              legend={t('assignment.member.preferred')}
              options={typeOptions}
            />
            <fieldset>
              <legend>{t('assignment.member.workplace')}</legend>
              <p className="hint">{t('assignment.member.workplaceHint')}</p>
              <SelectField
                name="workplace.voivodeship"
                label={t('assignment.member.voivodeship')}
                options={voivodeships.map((x) => ({ value: x, label: x }))}
                placeholder={t('assignment.member.noWorkplace')}
                required={false}
              />
              <TextField name="workplace.county" label={t('assignment.member.county')} required={false} />
              <TextField name="workplace.commune" label={t('assignment.member.commune')} required={false} />
              <TextField
                name="workplace.nip"
                label={t('assignment.member.nip')}
                hint={t('assignment.member.nipHint')}
                inputMode="numeric"
                required={false}
              />
            </fieldset>
            <div className="ed-savebar">
              <SubmitButton>{editing ? t('assignment.member.save') : t('assignment.member.add')}</SubmitButton>
              {editing && (
                <button type="button" onClick={stopEdit}>
                  {t('common.cancel')}
                </button>
              )}
            </div>
          </Form>
        )}
      </section>

      <AssignmentSettingsForm editionId={editionId} />
    </>
  );
}
