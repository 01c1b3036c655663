import { useTranslation } from '../translation';
import {
  headcountBrackets,
  institutionTypes,
  voivodeships,
  type InstitutionProfile,
} from '../../../shared/institutions/institution';
import { fieldsError, type FormError } from '../forms/errors';
import { SelectField, TextField } from '../forms/fields';
import i18n from '../i18n';

/**
 * The institution's profile fieldsets, shared by registration (`prefix` "institution.") and the
 * profile page (no prefix): field names are the API's paths, so its field errors land on them.
 */
export function InstitutionFields({ prefix, nip }: { prefix: string; nip: 'input' | { fixed: string } }) {
  const { t } = useTranslation();
  const p = (name: string) => `${prefix}${name}`;
  return (
    <>
      <fieldset>
        <legend>{t('institution.legendInstitution')}</legend>
        <TextField name={p('name')} label={t('institution.name')} autoComplete="organization" />
        <SelectField
          name={p('type')}
          label={t('institution.type')}
          placeholder={t('form.choose')}
          options={institutionTypes.map((v) => ({ value: v, label: t(`institutionType.${v}`) }))}
        />
        {nip === 'input' ? (
          <TextField
            name={p('nip')}
            label={t('institution.nip')}
            hint={t('institution.nipHint')}
            inputMode="numeric"
            autoComplete="off"
          />
        ) : (
          <p className="fixed-value">
            <span className="fixed-label">{t('institution.nip')}</span> {nip.fixed}
            <span className="hint"> {t('institution.nipFixed')}</span>
          </p>
        )}
        <TextField
          name={p('regon')}
          label={t('institution.regon')}
          hint={t('institution.regonHint')}
          inputMode="numeric"
          autoComplete="off"
        />
        <TextField
          name={p('website')}
          label={t('institution.website')}
          hint={t('institution.websiteHint')}
          type="url"
          autoComplete="url"
          required={false}
        />
        <SelectField
          name={p('headcount')}
          label={t('institution.headcount')}
          hint={t('institution.headcountHint')}
          placeholder={t('form.choose')}
          options={headcountBrackets.map((v) => ({ value: v, label: t(`headcount.${v}`) }))}
        />
      </fieldset>
      <fieldset>
        <legend>{t('institution.legendAddress')}</legend>
        <TextField name={p('address.street')} label={t('institution.street')} autoComplete="street-address" />
        <TextField
          name={p('address.postalCode')}
          label={t('institution.postalCode')}
          hint={t('institution.postalCodeHint')}
          autoComplete="postal-code"
          className="short"
        />
        <TextField name={p('address.city')} label={t('institution.city')} autoComplete="address-level2" />
        <TextField name={p('address.commune')} label={t('institution.commune')} />
        <TextField name={p('address.county')} label={t('institution.county')} />
        <SelectField
          name={p('address.voivodeship')}
          label={t('institution.voivodeship')}
          placeholder={t('form.choose')}
          options={voivodeships.map((v) => ({ value: v, label: v }))}
        />
      </fieldset>
      <fieldset>
        <legend>{t('institution.legendContact')}</legend>
        <TextField name={p('contactPerson.name')} label={t('institution.contactName')} autoComplete="name" />
        <TextField
          name={p('contactPerson.email')}
          label={t('institution.contactEmail')}
          type="email"
          autoComplete="email"
        />
        <TextField
          name={p('contactPerson.phone')}
          label={t('institution.contactPhone')}
          type="tel"
          autoComplete="tel"
        />
      </fieldset>
    </>
  );
}

/** The value if it is one of the options (a select left on "choose…" is not). */
export function oneOf<T extends string>(options: readonly T[], value: string | undefined): T | undefined {
  return options.find((o) => o === value);
}

/** The profile as the form holds it: text as typed, a select's value or '' while "choose…" is left. */
export interface ProfileValues {
  name: string;
  type: string;
  regon: string;
  website: string;
  headcount: string;
  address: { street: string; postalCode: string; city: string; commune: string; county: string; voivodeship: string };
  contactPerson: { name: string; email: string; phone: string };
}

/** An empty profile for the registration form. */
export const emptyProfileValues = (): ProfileValues => ({
  name: '',
  type: '',
  regon: '',
  website: '',
  headcount: '',
  address: { street: '', postalCode: '', city: '', commune: '', county: '', voivodeship: '' },
  contactPerson: { name: '', email: '', phone: '' },
});

/**
 * The profile the API expects, read from the form. The selects are the only thing checked here: the
 * typed client cannot send "nothing chosen" for an enum, so that one message is the UI's own; every
 * other check is the server's.
 */
export function profileFromValues(
  values: ProfileValues,
  prefix: string,
): { profile: InstitutionProfile } | { error: FormError } {
  const type = oneOf(institutionTypes, values.type);
  const headcount = oneOf(headcountBrackets, values.headcount);
  const voivodeship = oneOf(voivodeships, values.address.voivodeship);
  if (!type || !headcount || !voivodeship) {
    const fields: Record<string, string> = {};
    const message = i18n.t('form.chooseOption');
    if (!type) fields[`${prefix}type`] = message;
    if (!headcount) fields[`${prefix}headcount`] = message;
    if (!voivodeship) fields[`${prefix}address.voivodeship`] = message;
    return { error: fieldsError(fields) };
  }
  return { profile: { ...values, type, headcount, address: { ...values.address, voivodeship } } };
}

/** Form values from a stored profile. */
export function valuesFromProfile(profile: InstitutionProfile): ProfileValues {
  return {
    name: profile.name,
    type: profile.type,
    regon: profile.regon,
    website: profile.website ?? '',
    headcount: profile.headcount,
    address: { ...profile.address },
    contactPerson: { ...profile.contactPerson },
  };
}
