import { useTranslation } from 'react-i18next';
import { voivodeships } from '../../../shared/institutions/institution';
import { api, send } from '../api';
import { currentLanguage } from '../i18n';
import { SelectField, TextField } from './Field';
import { Form, SubmitButton, useForm } from './form';
import { oneOf } from './InstitutionFields';

/** The organizer invites a chapter expert; the invitation link goes out by e-mail. */
export function InviteExpertForm({ onInvited }: { onInvited: () => void }) {
  const { t } = useTranslation();
  const form = useForm('expert');
  const submit = async () => {
    const v = (name: string) => form.values[name] ?? '';
    const voivodeship = oneOf(voivodeships, v('voivodeship'));
    if (!voivodeship) {
      form.setError({
        code: 'VALIDATION_FAILED',
        message: t('form.fixFields'),
        fields: { voivodeship: t('form.chooseOption') },
      });
      return;
    }
    const expertise = v('expertise')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const res = await send(
      api.api.experts.$post({
        json: {
          email: v('email'),
          displayName: v('displayName'),
          affiliation: v('affiliation'),
          voivodeship,
          expertise,
          language: currentLanguage(),
        },
      }),
    );
    const invited = await res.json();
    form.replaceValues({});
    form.setStatus(t('experts.invited', { email: invited.email }));
    onInvited();
  };
  return (
    <section aria-labelledby="expert-title">
      <h2 id="expert-title">{t('experts.title')}</h2>
      <Form form={form} onSubmit={submit} labelledBy="expert-title">
        <TextField name="displayName" label={t('account.displayName')} autoComplete="off" />
        <TextField name="email" label={t('account.email')} type="email" autoComplete="off" />
        <TextField name="affiliation" label={t('experts.affiliation')} hint={t('experts.affiliationHint')} />
        <SelectField
          name="voivodeship"
          label={t('institution.voivodeship')}
          placeholder={t('form.choose')}
          options={voivodeships.map((v) => ({ value: v, label: v }))}
        />
        <TextField name="expertise" label={t('experts.expertise')} hint={t('experts.expertiseHint')} required={false} />
        <SubmitButton>{t('experts.submit')}</SubmitButton>
      </Form>
    </section>
  );
}
