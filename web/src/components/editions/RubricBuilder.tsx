import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../forms/fields';
import { fieldId, useFormMeta } from '../../forms/form';
import { focusMoved, focusSoon, ItemTools } from './builder';
import { freeCode } from './drafts';
import { MysteryShopperFields } from './MysteryShopperFields';
import { draftMaxTotal, newCriterion, type DraftRubric, type RubricValues } from './rubric-draft';

/** Every code of the rubric's areas and criteria, so a new one gets a free code. */
const codesOf = (rubric: DraftRubric) =>
  new Set(rubric.areas.flatMap((a) => [a.code, ...a.criteria.map((c) => c.code)]));

/**
 * The rubric builder: evaluation areas with their criteria (move, remove, add), the live maximum,
 * and the mystery-shopper checklists. Fields are named by the API's paths (`rubric.areas.0.code`).
 */
export function RubricBuilder() {
  const { t, i18n } = useTranslation();
  const { id } = useFormMeta();
  const { control } = useFormContext<RubricValues>();
  const areas = useFieldArray({ control, name: 'rubric.areas' });
  const rubric = useWatch({ control, name: 'rubric' });
  const total = draftMaxTotal(rubric);
  const number = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'pl-PL', { maximumFractionDigits: 3 });

  const addArea = () => {
    areas.append(
      { code: freeCode('A', codesOf(rubric)), name: { pl: '', en: '' }, criteria: [] },
      { shouldFocus: false },
    );
    focusSoon(fieldId(id, `rubric.areas.${areas.fields.length}.name.pl`));
  };

  return (
    <div className="ed-builder">
      <p className="ed-total" aria-live="polite" aria-atomic="true">
        {t('editions.rubric.maxTotal')}: <strong>{number.format(total)}</strong> {t('editions.rubric.points')}
      </p>
      <p className="hint">{t('editions.rubric.maxTotalHint')}</p>
      {areas.fields.length === 0 && <p>{t('editions.rubric.noAreas')}</p>}
      {areas.fields.map((field, a) => {
        const namePl = rubric.areas[a]?.name.pl ?? '';
        const areaName = t('editions.where.areas', { n: a + 1 }) + (namePl ? ` ${namePl}` : '');
        return (
          <fieldset key={field.id} className="ed-area">
            <legend>{areaName}</legend>
            <ItemTools
              idBase={`ed-area-${field.id}`}
              name={areaName}
              index={a}
              count={areas.fields.length}
              onMove={(from, to) => {
                areas.move(from, to);
                focusMoved(`ed-area-${field.id}`, from, to, areas.fields.length);
              }}
              onRemove={() => {
                areas.remove(a);
                focusSoon('ed-add-area');
              }}
            />
            <div className="ed-row">
              <TextField
                name={`rubric.areas.${a}.code`}
                label={t('editions.fieldName.code')}
                className="short"
                shellClassName="ed-field"
              />
              <TextField
                name={`rubric.areas.${a}.name.pl`}
                label={t('editions.rubric.areaNamePl')}
                shellClassName="ed-field"
              />
              <TextField
                name={`rubric.areas.${a}.name.en`}
                label={t('editions.rubric.areaNameEn')}
                required={false}
                lang="en"
                shellClassName="ed-field"
              />
            </div>
            <Criteria area={a} areaKey={field.id} areaName={areaName} usedCodes={codesOf(rubric)} />
          </fieldset>
        );
      })}
      <p>
        <button type="button" id="ed-add-area" onClick={addArea}>
          {t('editions.rubric.addArea')}
        </button>
      </p>
      <fieldset className="ed-shopper">
        <legend>{t('editions.rubric.shopper')}</legend>
        <CheckboxField name="rubric.mysteryShopper.enabled" label={t('editions.rubric.shopperEnabled')} />
        {rubric.mysteryShopper.enabled && <MysteryShopperFields />}
      </fieldset>
    </div>
  );
}

/** One area's criteria, each with its code, names, points, step, weight and guidance. */
function Criteria({
  area,
  areaKey,
  areaName,
  usedCodes,
}: {
  area: number;
  areaKey: string;
  areaName: string;
  usedCodes: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const { id } = useFormMeta();
  const { control, getValues } = useFormContext<RubricValues>();
  const criteria = useFieldArray({ control, name: `rubric.areas.${area}.criteria` });
  const names = useWatch({ control, name: `rubric.areas.${area}.criteria` });

  const addCriterion = () => {
    const code = freeCode(`${getValues(`rubric.areas.${area}.code`)}.`, usedCodes);
    criteria.append(newCriterion(code), { shouldFocus: false });
    focusSoon(fieldId(id, `rubric.areas.${area}.criteria.${criteria.fields.length}.name.pl`));
  };

  return (
    <>
      {criteria.fields.length === 0 && <p className="muted">{t('editions.rubric.noCriteria')}</p>}
      {criteria.fields.map((field, ci) => {
        const at = `rubric.areas.${area}.criteria.${ci}`;
        const namePl = names[ci]?.name.pl ?? '';
        const cName =
          t('editions.rubric.criterionLegend', { n: `${area + 1}.${ci + 1}` }) + (namePl ? ` ${namePl}` : '');
        return (
          <fieldset key={field.id} className="ed-criterion">
            <legend>{cName}</legend>
            <ItemTools
              idBase={`ed-crit-${field.id}`}
              name={cName}
              index={ci}
              count={criteria.fields.length}
              onMove={(from, to) => {
                criteria.move(from, to);
                focusMoved(`ed-crit-${field.id}`, from, to, criteria.fields.length);
              }}
              onRemove={() => {
                criteria.remove(ci);
                focusSoon(`ed-add-criterion-${areaKey}`);
              }}
            />
            <div className="ed-row">
              <TextField
                name={`${at}.code`}
                label={t('editions.fieldName.code')}
                className="short"
                shellClassName="ed-field"
              />
              <TextField
                name={`${at}.name.pl`}
                label={t('editions.rubric.criterionNamePl')}
                shellClassName="ed-field"
              />
              <TextField
                name={`${at}.name.en`}
                label={t('editions.rubric.criterionNameEn')}
                required={false}
                lang="en"
                shellClassName="ed-field"
              />
            </div>
            <div className="ed-row">
              <TextField
                name={`${at}.maxPoints`}
                label={t('editions.fieldName.maxPoints')}
                inputMode="decimal"
                className="short"
                shellClassName="ed-field"
              />
              <SelectField
                name={`${at}.step`}
                label={t('editions.fieldName.step')}
                shellClassName="ed-field"
                options={[
                  { value: '1', label: '1' },
                  { value: '0.5', label: '0,5' },
                ]}
              />
              <TextField
                name={`${at}.weight`}
                label={t('editions.fieldName.weight')}
                inputMode="decimal"
                className="short"
                shellClassName="ed-field"
              />
            </div>
            <TextAreaField
              name={`${at}.guidance.pl`}
              label={t('editions.rubric.guidancePl')}
              required={false}
              rows={3}
              shellClassName="ed-field"
            />
            <TextAreaField
              name={`${at}.guidance.en`}
              label={t('editions.rubric.guidanceEn')}
              required={false}
              rows={3}
              shellClassName="ed-field"
            />
          </fieldset>
        );
      })}
      <button type="button" id={`ed-add-criterion-${areaKey}`} onClick={addCriterion}>
        {t('editions.rubric.addCriterion')}
        <span className="visually-hidden"> — {areaName}</span>
      </button>
    </>
  );
}
