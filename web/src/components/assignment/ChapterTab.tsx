import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InferResponseType } from 'hono/client';
import { institutionTypes, voivodeships } from '../../../../shared/institutions/institution';
import { api, send } from '../../api';
import { ConfirmButton } from '../ConfirmButton';
import { SelectField, TextField } from '../Field';
import { Form, SubmitButton, toFormError, useForm, type Values } from '../form';
import { oneOf } from '../InstitutionFields';
import { Loading } from '../Loading';
import { AssignmentSettingsForm } from './AssignmentSettingsForm';
import { allPages, CheckboxField, CheckboxGroupField, type ChapterMemberRow } from './common';

type UserRow = InferResponseType<typeof api.api.users.$get, 200>['items'][number];

const emptyMember = (): Values => ({
  userId: '',
  minLoad: '0',
  maxLoad: '10',
  expertise: '',
  preferredCategories: '',
  chair: '',
  'workplace.voivodeship': '',
  'workplace.county': '',
  'workplace.commune': '',
  'workplace.nip': '',
});

const memberValues = (m: ChapterMemberRow): Values => ({
  userId: m.userId,
  minLoad: String(m.minLoad),
  maxLoad: String(m.maxLoad),
  expertise: m.expertise.join(', '),
  preferredCategories: m.preferredCategories.join(','),
  chair: m.chair ? 'true' : '',
  'workplace.voivodeship': m.workplace?.voivodeship ?? '',
  'workplace.county': m.workplace?.county ?? '',
  'workplace.commune': m.workplace?.commune ?? '',
  'workplace.nip': m.workplace?.nip ?? '',
});

/** A whole number typed in a field; NaN when blank or not a number, so the server names the field. */
const whole = (s: string | undefined): number => ((s ?? '').trim() === '' ? Number.NaN : Number((s ?? '').trim()));

/** Every expert account (all pages of the users list), for choosing whom to add to the chapter. */
const allExperts = (): Promise<UserRow[]> =>
  allPages(async (cursor) =>
    (await send(api.api.users.$get({ query: { role: 'expert', limit: '100', ...(cursor ? { cursor } : {}) } }))).json(),
  );

/** The chapter: members with their load against the bounds, adding / editing / removing one, and the assignment settings. */
export function ChapterTab({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const [members, setMembers] = useState<ChapterMemberRow[] | null>(null);
  const [experts, setExperts] = useState<UserRow[]>([]);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [rowError, setRowError] = useState('');
  const [removing, setRemoving] = useState<string | null>(null);
  const [editing, setEditing] = useState<ChapterMemberRow | null>(null);
  const form = useForm('member', emptyMember());
  const formHeading = useRef<HTMLHeadingElement>(null);
  const membersHeading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    try {
      const res = await send(api.api.editions[':editionId'].chapter.$get({ param: { editionId } }));
      setMembers((await res.json()).items);
      setError('');
    } catch (e) {
      setError(toFormError(e).message);
    }
  }, [editionId]);

  useEffect(() => {
    void load();
    allExperts().then(setExperts, (e: unknown) => setError(toFormError(e).message));
  }, [load]);

  const startEdit = (m: ChapterMemberRow) => {
    setEditing(m);
    setStatus('');
    form.setError(null);
    form.setStatus('');
    form.replaceValues(memberValues(m));
    window.setTimeout(() => formHeading.current?.focus(), 0);
  };
  const stopEdit = () => {
    setEditing(null);
    form.setError(null);
    form.replaceValues(emptyMember());
    window.setTimeout(() => formHeading.current?.focus(), 0);
  };

  const save = async () => {
    const v = form.values;
    const userId = editing ? editing.userId : (v.userId ?? '');
    if (!userId) {
      form.setError({
        code: 'VALIDATION_FAILED',
        message: t('form.fixFields'),
        fields: { userId: t('assignment.member.chooseExpert') },
      });
      return;
    }
    const voivodeship = oneOf(voivodeships, v['workplace.voivodeship']);
    const county = (v['workplace.county'] ?? '').trim();
    const commune = (v['workplace.commune'] ?? '').trim();
    const nip = (v['workplace.nip'] ?? '').replace(/[\s-]/g, '');
    if (!voivodeship && (county || commune || nip)) {
      form.setError({
        code: 'VALIDATION_FAILED',
        message: t('form.fixFields'),
        fields: { 'workplace.voivodeship': t('assignment.member.voivodeshipNeeded') },
      });
      return;
    }
    const json = {
      minLoad: whole(v.minLoad),
      maxLoad: whole(v.maxLoad),
      expertise: (v.expertise ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
      preferredCategories: (v.preferredCategories ?? '').split(',').flatMap((x) => oneOf(institutionTypes, x) ?? []),
      chair: v.chair === 'true',
      ...(voivodeship ? { workplace: { voivodeship, county, commune, ...(nip ? { nip } : {}) } } : {}),
      ...(editing ? { version: editing.version } : {}),
    };
    const res = await send(
      api.api.editions[':editionId'].chapter[':userId'].$put({ param: { editionId, userId }, json }),
    );
    const saved = await res.json();
    await load();
    setEditing(null);
    form.replaceValues(emptyMember());
    setStatus(t(editing ? 'assignment.member.updated' : 'assignment.member.added', { name: saved.displayName }));
    // The form may go (nobody left to add): the reading position moves to the list and its message.
    membersHeading.current?.focus();
  };

  const remove = async (m: ChapterMemberRow) => {
    setRemoving(m.userId);
    setStatus('');
    setRowError('');
    try {
      await send(api.api.editions[':editionId'].chapter[':userId'].$delete({ param: { editionId, userId: m.userId } }));
      if (editing?.userId === m.userId) stopEdit();
      await load();
      setStatus(t('assignment.member.removed', { name: m.displayName }));
    } catch (e) {
      setRowError(toFormError(e).message);
    } finally {
      setRemoving(null);
    }
  };

  const memberIds = new Set((members ?? []).map((m) => m.userId));
  const candidates = experts
    .filter((u) => !memberIds.has(u.userId) && u.status !== 'deactivated')
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'pl'))
    .map((u) => ({ value: u.userId, label: `${u.displayName} (${u.email})` }));
  const typeOptions = institutionTypes.map((x) => ({ value: x, label: t(`institutionType.${x}`) }));

  return (
    <>
      <section aria-labelledby="ch-members-title">
        <h3 id="ch-members-title" tabIndex={-1} ref={membersHeading}>
          {t('assignment.chapter.members')}
        </h3>
        {error && (
          <p className="notice error" role="alert">
            {error}
          </p>
        )}
        <p role="status" className="form-status" id="ch-status">
          {status}
        </p>
        {rowError && (
          <p className="notice error" role="alert">
            {rowError}
          </p>
        )}
        {!members && !error && <Loading />}
        {members && members.length === 0 && <p>{t('assignment.chapter.empty')}</p>}
        {members && members.length > 0 && (
          <div className="table-scroll" role="region" aria-labelledby="ch-members-title" tabIndex={0}>
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
          </div>
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
