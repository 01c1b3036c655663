import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from '../../translation';
import { TextField } from '../../forms/fields';
import { fieldId, useFormMeta } from '../../forms/form';
import { focusMoved, focusSoon, ItemTools } from '../editions/builder';
import type { Signatory } from '../../queries/certificates';

/** The settings allow 1–3 signatories (shared/editions/edition.ts, CertificateSettings). */
export const MAX_SIGNATORIES = 3;

/** Where the rows are in the form's values: the edition settings' or the signatories route's body. */
export type SignatoriesPath = 'certificates.signatories' | 'signatories';
/** Both shapes, so the paths below are checked whichever form holds the fields. */
type SignatoriesValues = { certificates: { signatories: Signatory[] }; signatories: Signatory[] };

/**
 * Who signs the certificates, in print order (issue 15): none by default, up to three rows of name
 * and role. Each label carries the row's number, so the error summary says which row is wrong. The
 * settings form holds them under `certificates.signatories`; the certificates tab's own form (for a
 * published edition, whose settings are locked) under `signatories`, as its route's body does.
 */
export function SignatoriesFields({ name = 'certificates.signatories' }: { name?: SignatoriesPath }) {
  const { t } = useTranslation();
  const { id } = useFormMeta();
  const { control } = useFormContext<SignatoriesValues>();
  const rows = useFieldArray({ control, name });
  const addId = `${id}-signatories-add`;
  const at = (i: number) => `${name}.${i}` as const;

  return (
    <fieldset className="ct-signatories">
      <legend>{t('certificates.settings.legend')}</legend>
      <p className="hint">{t('certificates.settings.hint')}</p>
      {rows.fields.length === 0 && <p>{t('certificates.settings.none')}</p>}
      {rows.fields.map((field, i) => {
        const n = i + 1;
        return (
          <div key={field.id} className="ct-signatory">
            <div className="ed-row">
              <TextField
                name={`${at(i)}.name`}
                label={t('certificates.settings.name', { n })}
                shellClassName="ed-field"
                maxLength={120}
                autoComplete="off"
              />
              <TextField
                name={`${at(i)}.role`}
                label={t('certificates.settings.role', { n })}
                shellClassName="ed-field"
                maxLength={160}
                autoComplete="off"
              />
            </div>
            <ItemTools
              idBase={`${id}-signatory-${i}`}
              name={t('certificates.settings.signatory', { n })}
              index={i}
              count={rows.fields.length}
              onMove={(from, to) => {
                rows.move(from, to);
                focusMoved(`${id}-signatory-${to}`, from, to, rows.fields.length);
              }}
              onRemove={() => {
                rows.remove(i);
                focusSoon(addId);
              }}
            />
          </div>
        );
      })}
      <p>
        <button
          type="button"
          id={addId}
          disabled={rows.fields.length >= MAX_SIGNATORIES}
          onClick={() => {
            rows.append({ name: '', role: '' }, { shouldFocus: false });
            focusSoon(fieldId(id, `${at(rows.fields.length)}.name`));
          }}
        >
          {t('certificates.settings.add')}
        </button>
      </p>
    </fieldset>
  );
}
