import { useTranslation } from '../translation';
import { voivodeships } from '../../../shared/institutions/institution';
import { fieldsError } from '../forms/errors';
import { SelectField, TextField } from '../forms/fields';
import { Form, SubmitButton, useApiForm } from '../forms/form';
import { currentLanguage } from '../i18n';
import { useInviteExpert } from '../queries/accounts-signed-in';
import { oneOf } from './InstitutionFields';

const emptyExpert = { displayName: '', email: '', affiliation: '', voivodeship: '', expertise: '' };
type ExpertValues = typeof emptyExpert;

/** The organizer invites a chapter expert; the invitation link goes out by e-mail. */
export function InviteExpertForm() {
  const { t } = useTranslation();
  const form = useApiForm<ExpertValues>('expert', { defaultValues: emptyExpert });
  const inviteExpert = useInviteExpert();
  const submit = async (values: ExpertValues) => {
    const voivodeship = oneOf(voivodeships, values.voivodeship);
    if (!voivodeship) {
      form.meta.setError(fieldsError({ voivodeship: t('form.chooseOption') }));
      return;
    }
    const invited = await inviteExpert.mutateAsync({
      email: values.email,
      displayName: values.displayName,
      affiliation: values.affiliation,
      voivodeship,
      // Typed as one line, sent as a list: "obsługa klienta, dostępność".
      expertise: values.expertise
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      language: currentLanguage(),
    });
    form.methods.reset(emptyExpert);
    form.meta.setStatus(t('experts.invited', { email: invited.email }));
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
