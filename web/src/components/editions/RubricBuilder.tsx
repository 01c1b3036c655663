import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from '../../translation';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../forms/fields';
import { fieldId, REVEAL_EVENT, useFormMeta } from '../../forms/form';
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
 * Each area folds away behind a disclosure button (the first one open, a new one open, and one the
 * last save found errors in opens itself, so the error summary's links land on visible fields);
 * folded fields stay mounted, so their values and labels are kept.
 */
export function RubricBuilder() {
  const { t, i18n } = useTranslation();
  const { id, error, failures } = useFormMeta();
  const { control } = useFormContext<RubricValues>();
  const areas = useFieldArray({ control, name: 'rubric.areas' });
  const rubric = useWatch({ control, name: 'rubric' });
  const total = draftMaxTotal(rubric);
  const number = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'pl-PL', { maximumFractionDigits: 3 });

  // Open or folded, by the field array's item key (it moves with the item); unset means "only the first".
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map());
  const isOpen = (key: string, a: number) => toggled.get(key) ?? a === 0;
  const setOpen = useCallback((entries: [string, boolean][]) => setToggled((m) => new Map([...m, ...entries])), []);
  const errorAreas = areasWithErrors(error?.fields ?? {});

  // A failed save opens every area it found a problem in (before the summary's link is followed).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per failed save, with that save's areas
  useEffect(() => {
    const keys = areas.fields.filter((_, a) => errorAreas.has(a)).map((f): [string, boolean] => [f.id, true]);
    if (keys.length > 0) setOpen(keys);
  }, [failures]);

  // A new area opens, before its name field takes focus.
  const openLast = useRef(false);
  useLayoutEffect(() => {
    const last = areas.fields[areas.fields.length - 1];
    if (openLast.current && last) setOpen([[last.id, true]]);
    openLast.current = false;
  }, [areas.fields, setOpen]);

  const addArea = () => {
    openLast.current = true;
    areas.append(
      { code: freeCode('A', codesOf(rubric)), name: { pl: '', en: '' }, criteria: [] },
      { shouldFocus: false },
    );
    focusSoon(fieldId(id, `rubric.areas.${areas.fields.length}.name.pl`));
  };
  const setAll = (open: boolean) => setOpen(areas.fields.map((f): [string, boolean] => [f.id, open]));

  // The error summary's link into a folded area opens it before focusing the field (forms/form.tsx).
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = root.current;
    const reveal = (event: Event) => {
      const key = (event.target as Element).closest<HTMLElement>('[data-area-key]')?.dataset.areaKey;
      if (key) flushSync(() => setOpen([[key, true]]));
    };
    element?.addEventListener(REVEAL_EVENT, reveal);
    return () => element?.removeEventListener(REVEAL_EVENT, reveal);
  }, [setOpen]);

  return (
    <div className="ed-builder" ref={root}>
      <p className="ed-total" aria-live="polite" aria-atomic="true">
        {t('editions.rubric.maxTotal')}: <strong>{number.format(total)}</strong> {t('editions.rubric.points')}
      </p>
      <p className="hint">{t('editions.rubric.maxTotalHint')}</p>
      {areas.fields.length === 0 && <p>{t('editions.rubric.noAreas')}</p>}
      {areas.fields.length > 1 && (
        <p className="ed-tools">
          <button type="button" onClick={() => setAll(true)}>
            {t('rubricEditor.expandAll')}
          </button>
          <button type="button" onClick={() => setAll(false)}>
            {t('rubricEditor.collapseAll')}
          </button>
        </p>
      )}
      {areas.fields.map((field, a) => {
        const area = rubric.areas[a];
        const namePl = area?.name.pl ?? '';
        const areaName = t('editions.where.areas', { n: a + 1 }) + (namePl ? ` ${namePl}` : '');
        const open = isOpen(field.id, a);
        const bodyId = `ed-area-${field.id}-body`;
        const areaMax = area ? draftMaxTotal({ areas: [area], mysteryShopper: { enabled: false, channels: [] } }) : 0;
        return (
          <fieldset key={field.id} className="ed-area">
            <legend>
              <button
                type="button"
                className="ed-disclosure"
                id={`ed-area-${field.id}-toggle`}
                aria-expanded={open}
                aria-controls={bodyId}
                onClick={() => setOpen([[field.id, !open]])}
              >
                {areaName}
                <span className="ed-area-summary">
                  {' — '}
                  {t('rubricEditor.criteria', { count: area?.criteria.length ?? 0 })},{' '}
                  {t('rubricEditor.areaMax', { points: number.format(areaMax) })}
                  {errorAreas.has(a) && <strong className="error-message">, {t('rubricEditor.hasErrors')}</strong>}
                </span>
              </button>
            </legend>
            <ItemTools
              idBase={`ed-area-${field.id}`}
              name={areaName}
              index={a}
              count={areas.fields.length}
              onMove={(from, to) => {
                const other = areas.fields[to];
                // Unset states follow the position ("the first is open"): pin both, so each keeps its own.
                if (other)
                  setOpen([
                    [field.id, open],
                    [other.id, isOpen(other.id, to)],
                  ]);
                areas.move(from, to);
                focusMoved(`ed-area-${field.id}`, from, to, areas.fields.length);
              }}
              onRemove={() => {
                areas.remove(a);
                focusSoon('ed-add-area');
              }}
            />
            <div id={bodyId} hidden={!open} data-area-key={field.id}>
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
            </div>
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

/** The indexes of the areas an error's field path points into (`rubric.areas.2.criteria.0.code` → 2). */
export function areasWithErrors(fields: Record<string, string>): Set<number> {
  const found = new Set<number>();
  for (const path of Object.keys(fields)) {
    const m = /^(?:rubric\.)?areas\.(\d+)(?:\.|$)/.exec(path);
    if (m?.[1]) found.add(Number(m[1]));
  }
  return found;
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
