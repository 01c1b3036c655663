import { useTranslation } from 'react-i18next';
import {
  maxTotal,
  mysteryShopperChannels,
  type MysteryShopperChannel,
  type Rubric,
} from '../../../../shared/editions/rubric';
import type { Localized } from '../../../../shared/editions/localized';
import {
  BCheck,
  BInput,
  BSelect,
  BTextarea,
  ItemTools,
  focusMoved,
  focusSoon,
  move,
  newKey,
  parseNumber,
  pathId,
  type FieldErrors,
} from './controls';

/** The builder's working copy: numbers stay as typed until saved; every item has a stable key. */
export interface DraftCriterion {
  key: string;
  code: string;
  namePl: string;
  nameEn: string;
  guidancePl: string;
  guidanceEn: string;
  maxPoints: string;
  step: '1' | '0.5';
  weight: string;
}
export interface DraftArea {
  key: string;
  code: string;
  namePl: string;
  nameEn: string;
  criteria: DraftCriterion[];
}
export interface DraftItem {
  key: string;
  code: string;
  labelPl: string;
  labelEn: string;
  points: string;
}
export interface DraftRubric {
  areas: DraftArea[];
  shopperEnabled: boolean;
  channels: Partial<Record<MysteryShopperChannel, DraftItem[]>>;
}

const loc = (pl: string, en: string): Localized => (en.trim() ? { pl, en } : { pl });
const str = (n: number) => (Number.isFinite(n) ? String(n) : '');

export function toDraftRubric(r: Rubric): DraftRubric {
  return {
    areas: r.areas.map((a) => ({
      key: newKey(),
      code: a.code,
      namePl: a.name.pl,
      nameEn: a.name.en ?? '',
      criteria: a.criteria.map((c) => ({
        key: newKey(),
        code: c.code,
        namePl: c.name.pl,
        nameEn: c.name.en ?? '',
        guidancePl: c.guidance?.pl ?? '',
        guidanceEn: c.guidance?.en ?? '',
        maxPoints: str(c.maxPoints),
        step: c.step === 0.5 ? '0.5' : '1',
        weight: str(c.weight),
      })),
    })),
    shopperEnabled: r.mysteryShopper.enabled,
    channels: Object.fromEntries(
      r.mysteryShopper.channels.map((c) => [
        c.channel,
        c.items.map((i) => ({
          key: newKey(),
          code: i.code,
          labelPl: i.label.pl,
          labelEn: i.label.en ?? '',
          points: str(i.points),
        })),
      ]),
    ),
  };
}

export function fromDraftRubric(d: DraftRubric): Rubric {
  return {
    areas: d.areas.map((a) => ({
      code: a.code.trim(),
      name: loc(a.namePl, a.nameEn),
      criteria: a.criteria.map((c) => ({
        code: c.code.trim(),
        name: loc(c.namePl, c.nameEn),
        ...(c.guidancePl.trim() || c.guidanceEn.trim() ? { guidance: loc(c.guidancePl, c.guidanceEn) } : {}),
        maxPoints: parseNumber(c.maxPoints),
        step: c.step === '0.5' ? 0.5 : 1,
        weight: parseNumber(c.weight),
      })),
    })),
    mysteryShopper: {
      enabled: d.shopperEnabled,
      channels: mysteryShopperChannels
        .filter((ch) => d.channels[ch])
        .map((ch) => ({
          channel: ch,
          items: (d.channels[ch] ?? []).map((i) => ({
            code: i.code.trim(),
            label: loc(i.labelPl, i.labelEn),
            points: parseNumber(i.points),
          })),
        })),
    },
  };
}

/** The live maximum: blanks and half-typed numbers count as 0 until they are numbers. */
export function draftMaxTotal(d: DraftRubric): number {
  const r = fromDraftRubric(d);
  const safe = (n: number) => (Number.isFinite(n) ? n : 0);
  return maxTotal({
    areas: r.areas.map((a) => ({
      ...a,
      criteria: a.criteria.map((c) => ({ ...c, maxPoints: safe(c.maxPoints), weight: safe(c.weight) })),
    })),
    mysteryShopper: {
      ...r.mysteryShopper,
      channels: r.mysteryShopper.channels.map((c) => ({
        ...c,
        items: c.items.map((i) => ({ ...i, points: safe(i.points) })),
      })),
    },
  });
}

const newCriterion = (code: string): DraftCriterion => ({
  key: newKey(),
  code,
  namePl: '',
  nameEn: '',
  guidancePl: '',
  guidanceEn: '',
  maxPoints: '10',
  step: '1',
  weight: '1',
});
const newItem = (code: string): DraftItem => ({ key: newKey(), code, labelPl: '', labelEn: '', points: '5' });

/** A code not used yet: A1, A2… / A1.1, A1.2… */
function freeCode(prefix: string, used: Set<string>): string {
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

export function RubricBuilder({
  draft,
  onChange,
  errors,
}: {
  draft: DraftRubric;
  onChange: (d: DraftRubric) => void;
  errors: FieldErrors;
}) {
  const { t, i18n } = useTranslation();
  const setAreas = (areas: DraftArea[]) => onChange({ ...draft, areas });
  const updateArea = (i: number, patch: Partial<DraftArea>) =>
    setAreas(draft.areas.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const updateCriterion = (a: number, c: number, patch: Partial<DraftCriterion>) =>
    updateArea(a, { criteria: (draft.areas[a]?.criteria ?? []).map((x, j) => (j === c ? { ...x, ...patch } : x)) });
  const allCodes = new Set(draft.areas.flatMap((a) => [a.code, ...a.criteria.map((c) => c.code)]));
  const total = draftMaxTotal(draft);
  const number = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'pl-PL', { maximumFractionDigits: 3 });

  const addArea = () => {
    const area: DraftArea = { key: newKey(), code: freeCode('A', allCodes), namePl: '', nameEn: '', criteria: [] };
    setAreas([...draft.areas, area]);
    focusSoon(pathId(`rubric.areas.${draft.areas.length}.name.pl`));
  };
  const addCriterion = (a: number) => {
    const area = draft.areas[a];
    if (!area) return;
    updateArea(a, { criteria: [...area.criteria, newCriterion(freeCode(`${area.code}.`, allCodes))] });
    focusSoon(pathId(`rubric.areas.${a}.criteria.${area.criteria.length}.name.pl`));
  };

  const channelItems = (ch: MysteryShopperChannel) => draft.channels[ch];
  const setChannel = (ch: MysteryShopperChannel, items: DraftItem[] | undefined) => {
    const channels = { ...draft.channels };
    if (items) channels[ch] = items;
    else delete channels[ch];
    onChange({ ...draft, channels });
  };
  const channelIndex = (ch: MysteryShopperChannel) =>
    mysteryShopperChannels.filter((c) => draft.channels[c]).indexOf(ch);

  return (
    <div className="ed-builder">
      <p className="ed-total" aria-live="polite" aria-atomic="true">
        {t('editions.rubric.maxTotal')}: <strong>{number.format(total)}</strong> {t('editions.rubric.points')}
      </p>
      <p className="hint">{t('editions.rubric.maxTotalHint')}</p>
      {draft.areas.length === 0 && <p>{t('editions.rubric.noAreas')}</p>}
      {draft.areas.map((area, a) => {
        const areaName = t('editions.where.areas', { n: a + 1 }) + (area.namePl ? ` ${area.namePl}` : '');
        return (
          <fieldset key={area.key} className="ed-area">
            <legend>{areaName}</legend>
            <ItemTools
              idBase={`ed-area-${area.key}`}
              name={areaName}
              index={a}
              count={draft.areas.length}
              onMove={(from, to) => {
                setAreas(move(draft.areas, from, to));
                focusMoved(`ed-area-${area.key}`, from, to, draft.areas.length);
              }}
              onRemove={() => {
                setAreas(draft.areas.filter((_, j) => j !== a));
                focusSoon('ed-add-area');
              }}
            />
            <div className="ed-row">
              <BInput
                path={`rubric.areas.${a}.code`}
                label={t('editions.fieldName.code')}
                className="short"
                errors={errors}
                value={area.code}
                onChange={(code) => updateArea(a, { code })}
              />
              <BInput
                path={`rubric.areas.${a}.name.pl`}
                label={t('editions.rubric.areaNamePl')}
                errors={errors}
                value={area.namePl}
                onChange={(namePl) => updateArea(a, { namePl })}
              />
              <BInput
                path={`rubric.areas.${a}.name.en`}
                label={t('editions.rubric.areaNameEn')}
                optional
                lang="en"
                errors={errors}
                value={area.nameEn}
                onChange={(nameEn) => updateArea(a, { nameEn })}
              />
            </div>
            {area.criteria.length === 0 && <p className="muted">{t('editions.rubric.noCriteria')}</p>}
            {area.criteria.map((c, ci) => {
              const at = `rubric.areas.${a}.criteria.${ci}`;
              const cName =
                t('editions.rubric.criterionLegend', { n: `${a + 1}.${ci + 1}` }) + (c.namePl ? ` ${c.namePl}` : '');
              return (
                <fieldset key={c.key} className="ed-criterion">
                  <legend>{cName}</legend>
                  <ItemTools
                    idBase={`ed-crit-${c.key}`}
                    name={cName}
                    index={ci}
                    count={area.criteria.length}
                    onMove={(from, to) => {
                      updateArea(a, { criteria: move(area.criteria, from, to) });
                      focusMoved(`ed-crit-${c.key}`, from, to, area.criteria.length);
                    }}
                    onRemove={() => {
                      updateArea(a, { criteria: area.criteria.filter((_, j) => j !== ci) });
                      focusSoon(`ed-add-criterion-${area.key}`);
                    }}
                  />
                  <div className="ed-row">
                    <BInput
                      path={`${at}.code`}
                      label={t('editions.fieldName.code')}
                      className="short"
                      errors={errors}
                      value={c.code}
                      onChange={(code) => updateCriterion(a, ci, { code })}
                    />
                    <BInput
                      path={`${at}.name.pl`}
                      label={t('editions.rubric.criterionNamePl')}
                      errors={errors}
                      value={c.namePl}
                      onChange={(namePl) => updateCriterion(a, ci, { namePl })}
                    />
                    <BInput
                      path={`${at}.name.en`}
                      label={t('editions.rubric.criterionNameEn')}
                      optional
                      lang="en"
                      errors={errors}
                      value={c.nameEn}
                      onChange={(nameEn) => updateCriterion(a, ci, { nameEn })}
                    />
                  </div>
                  <div className="ed-row">
                    <BInput
                      path={`${at}.maxPoints`}
                      label={t('editions.fieldName.maxPoints')}
                      inputMode="decimal"
                      className="short"
                      errors={errors}
                      value={c.maxPoints}
                      onChange={(maxPoints) => updateCriterion(a, ci, { maxPoints })}
                    />
                    <BSelect
                      path={`${at}.step`}
                      label={t('editions.fieldName.step')}
                      errors={errors}
                      value={c.step}
                      onChange={(step) => updateCriterion(a, ci, { step: step === '0.5' ? '0.5' : '1' })}
                      options={[
                        { value: '1', label: '1' },
                        { value: '0.5', label: '0,5' },
                      ]}
                    />
                    <BInput
                      path={`${at}.weight`}
                      label={t('editions.fieldName.weight')}
                      inputMode="decimal"
                      className="short"
                      errors={errors}
                      value={c.weight}
                      onChange={(weight) => updateCriterion(a, ci, { weight })}
                    />
                  </div>
                  <BTextarea
                    path={`${at}.guidance.pl`}
                    label={t('editions.rubric.guidancePl')}
                    optional
                    errors={errors}
                    value={c.guidancePl}
                    onChange={(guidancePl) => updateCriterion(a, ci, { guidancePl })}
                  />
                  <BTextarea
                    path={`${at}.guidance.en`}
                    label={t('editions.rubric.guidanceEn')}
                    optional
                    errors={errors}
                    value={c.guidanceEn}
                    onChange={(guidanceEn) => updateCriterion(a, ci, { guidanceEn })}
                  />
                </fieldset>
              );
            })}
            <button type="button" id={`ed-add-criterion-${area.key}`} onClick={() => addCriterion(a)}>
              {t('editions.rubric.addCriterion')}
              <span className="visually-hidden"> — {areaName}</span>
            </button>
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
        <BCheck
          path="rubric.mysteryShopper.enabled"
          label={t('editions.rubric.shopperEnabled')}
          checked={draft.shopperEnabled}
          onChange={(shopperEnabled) => onChange({ ...draft, shopperEnabled })}
        />
        {draft.shopperEnabled && (
          <fieldset>
            <legend>{t('editions.rubric.channels')}</legend>
            {mysteryShopperChannels.map((ch) => {
              const items = channelItems(ch);
              const i = channelIndex(ch);
              const at = `rubric.mysteryShopper.channels.${i}`;
              return (
                <div key={ch} className="ed-channel">
                  <BCheck
                    path={`ed-channel-${ch}`}
                    label={t(`editions.channel.${ch}`)}
                    checked={!!items}
                    onChange={(on) => setChannel(ch, on ? [newItem(`${ch.charAt(0).toUpperCase()}1`)] : undefined)}
                  />
                  {items && (
                    <fieldset className="ed-checklist">
                      <legend>{t('editions.rubric.checklist', { channel: t(`editions.channel.${ch}`) })}</legend>
                      {items.map((item, j) => {
                        const ip = `${at}.items.${j}`;
                        const patch = (p: Partial<DraftItem>) =>
                          setChannel(
                            ch,
                            items.map((x, k) => (k === j ? { ...x, ...p } : x)),
                          );
                        return (
                          <div key={item.key} className="ed-row ed-item">
                            <BInput
                              path={`${ip}.code`}
                              label={t('editions.fieldName.code')}
                              className="short"
                              errors={errors}
                              value={item.code}
                              onChange={(code) => patch({ code })}
                            />
                            <BInput
                              path={`${ip}.label.pl`}
                              label={t('editions.rubric.itemLabelPl')}
                              errors={errors}
                              value={item.labelPl}
                              onChange={(labelPl) => patch({ labelPl })}
                            />
                            <BInput
                              path={`${ip}.label.en`}
                              label={t('editions.rubric.itemLabelEn')}
                              optional
                              lang="en"
                              errors={errors}
                              value={item.labelEn}
                              onChange={(labelEn) => patch({ labelEn })}
                            />
                            <BInput
                              path={`${ip}.points`}
                              label={t('editions.fieldName.points')}
                              inputMode="decimal"
                              className="short"
                              errors={errors}
                              value={item.points}
                              onChange={(points) => patch({ points })}
                            />
                            <button
                              type="button"
                              className="danger"
                              disabled={items.length === 1}
                              onClick={() => {
                                setChannel(
                                  ch,
                                  items.filter((_, k) => k !== j),
                                );
                                focusSoon(`ed-add-item-${ch}`);
                              }}
                            >
                              {t('editions.remove')}
                              <span className="visually-hidden"> — {item.code}</span>
                            </button>
                          </div>
                        );
                      })}
                      <button
                        type="button"
                        id={`ed-add-item-${ch}`}
                        onClick={() => {
                          setChannel(ch, [
                            ...items,
                            newItem(freeCode(ch.charAt(0).toUpperCase(), new Set(items.map((x) => x.code)))),
                          ]);
                          focusSoon(pathId(`${at}.items.${items.length}.label.pl`));
                        }}
                      >
                        {t('editions.rubric.addItem')}
                        <span className="visually-hidden"> — {t(`editions.channel.${ch}`)}</span>
                      </button>
                    </fieldset>
                  )}
                </div>
              );
            })}
          </fieldset>
        )}
      </fieldset>
    </div>
  );
}
