import { useTranslation } from 'react-i18next';
import {
  fileKinds,
  questionTypes,
  type FileKind,
  type Question,
  type QuestionType,
  type Questionnaire,
} from '../../../../shared/editions/questionnaire';
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

export interface DraftOption {
  key: string;
  value: string;
  labelPl: string;
  labelEn: string;
}
export interface DraftQuestion {
  key: string;
  id: string;
  type: QuestionType;
  labelPl: string;
  labelEn: string;
  helpPl: string;
  helpEn: string;
  required: boolean;
  maxLength: string;
  min: string;
  max: string;
  decimals: boolean;
  options: DraftOption[];
  allowedTypes: FileKind[];
  maxSizeMb: string;
}
export interface DraftSection {
  key: string;
  id: string;
  titlePl: string;
  titleEn: string;
  descriptionPl: string;
  descriptionEn: string;
  questions: DraftQuestion[];
}
export interface DraftQuestionnaire {
  sections: DraftSection[];
}

const loc = (pl: string, en: string): Localized => (en.trim() ? { pl, en } : { pl });
const optLoc = (pl: string, en: string): Localized | undefined => (pl.trim() || en.trim() ? loc(pl, en) : undefined);
const str = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '' : String(n));
const MB = 1024 * 1024;

export function toDraftQuestionnaire(q: Questionnaire): DraftQuestionnaire {
  return {
    sections: q.sections.map((s) => ({
      key: newKey(),
      id: s.id,
      titlePl: s.title.pl,
      titleEn: s.title.en ?? '',
      descriptionPl: s.description?.pl ?? '',
      descriptionEn: s.description?.en ?? '',
      questions: s.questions.map((x) => ({
        key: newKey(),
        id: x.id,
        type: x.type,
        labelPl: x.label.pl,
        labelEn: x.label.en ?? '',
        helpPl: x.help?.pl ?? '',
        helpEn: x.help?.en ?? '',
        required: x.required,
        maxLength: str(x.maxLength),
        min: str(x.min),
        max: str(x.max),
        decimals: !!x.decimals,
        options: (x.options ?? []).map((o) => ({
          key: newKey(),
          value: o.value,
          labelPl: o.label.pl,
          labelEn: o.label.en ?? '',
        })),
        allowedTypes: [...(x.allowedTypes ?? ['pdf'])],
        maxSizeMb: x.maxSizeBytes ? String(Math.round((x.maxSizeBytes / MB) * 100) / 100) : '',
      })),
    })),
  };
}

function fromDraftQuestion(x: DraftQuestion): Question {
  const help = optLoc(x.helpPl, x.helpEn);
  const q: Question = {
    id: x.id.trim(),
    type: x.type,
    label: loc(x.labelPl, x.labelEn),
    required: x.required,
    ...(help ? { help } : {}),
  };
  if ((x.type === 'shortText' || x.type === 'longText') && x.maxLength.trim()) q.maxLength = parseNumber(x.maxLength);
  if (x.type === 'number') {
    if (x.min.trim()) q.min = parseNumber(x.min);
    if (x.max.trim()) q.max = parseNumber(x.max);
    if (x.decimals) q.decimals = true;
  }
  if (x.type === 'singleChoice' || x.type === 'multipleChoice')
    q.options = x.options.map((o) => ({ value: o.value.trim(), label: loc(o.labelPl, o.labelEn) }));
  if (x.type === 'file') {
    q.allowedTypes = [...x.allowedTypes];
    if (x.maxSizeMb.trim()) q.maxSizeBytes = Math.round(parseNumber(x.maxSizeMb) * MB);
  }
  return q;
}

export function fromDraftQuestionnaire(d: DraftQuestionnaire): Questionnaire {
  return {
    sections: d.sections.map((s) => {
      const description = optLoc(s.descriptionPl, s.descriptionEn);
      return {
        id: s.id.trim(),
        title: loc(s.titlePl, s.titleEn),
        ...(description ? { description } : {}),
        questions: s.questions.map(fromDraftQuestion),
      };
    }),
  };
}

function freeId(prefix: string, used: Set<string>): string {
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

const newOption = (value: string): DraftOption => ({ key: newKey(), value, labelPl: '', labelEn: '' });
const newQuestion = (id: string): DraftQuestion => ({
  key: newKey(),
  id,
  type: 'shortText',
  labelPl: '',
  labelEn: '',
  helpPl: '',
  helpEn: '',
  required: true,
  maxLength: '',
  min: '',
  max: '',
  decimals: false,
  options: [newOption('opt1'), newOption('opt2')],
  allowedTypes: ['pdf'],
  maxSizeMb: '10',
});

export function QuestionnaireBuilder({
  draft,
  onChange,
  errors,
}: {
  draft: DraftQuestionnaire;
  onChange: (d: DraftQuestionnaire) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const setSections = (sections: DraftSection[]) => onChange({ sections });
  const updateSection = (s: number, patch: Partial<DraftSection>) =>
    setSections(draft.sections.map((x, j) => (j === s ? { ...x, ...patch } : x)));
  const updateQuestion = (s: number, q: number, patch: Partial<DraftQuestion>) =>
    updateSection(s, {
      questions: (draft.sections[s]?.questions ?? []).map((x, j) => (j === q ? { ...x, ...patch } : x)),
    });
  const sectionIds = new Set(draft.sections.map((s) => s.id));
  const questionIds = new Set(draft.sections.flatMap((s) => s.questions.map((q) => q.id)));
  const typeOptions = questionTypes.map((v) => ({ value: v, label: t(`editions.questionType.${v}`) }));

  const addSection = () => {
    setSections([
      ...draft.sections,
      {
        key: newKey(),
        id: freeId('s', sectionIds),
        titlePl: '',
        titleEn: '',
        descriptionPl: '',
        descriptionEn: '',
        questions: [],
      },
    ]);
    focusSoon(pathId(`questionnaire.sections.${draft.sections.length}.title.pl`));
  };
  const addQuestion = (s: number) => {
    const section = draft.sections[s];
    if (!section) return;
    updateSection(s, { questions: [...section.questions, newQuestion(freeId('q', questionIds))] });
    focusSoon(pathId(`questionnaire.sections.${s}.questions.${section.questions.length}.label.pl`));
  };

  return (
    <div className="ed-builder">
      {draft.sections.length === 0 && <p>{t('editions.questionnaire.noSections')}</p>}
      {draft.sections.map((section, s) => {
        const sp = `questionnaire.sections.${s}`;
        const sName = t('editions.where.sections', { n: s + 1 }) + (section.titlePl ? ` ${section.titlePl}` : '');
        return (
          <fieldset key={section.key} className="ed-area">
            <legend>{sName}</legend>
            <ItemTools
              idBase={`ed-sec-${section.key}`}
              name={sName}
              index={s}
              count={draft.sections.length}
              onMove={(from, to) => {
                setSections(move(draft.sections, from, to));
                focusMoved(`ed-sec-${section.key}`, from, to, draft.sections.length);
              }}
              onRemove={() => {
                setSections(draft.sections.filter((_, j) => j !== s));
                focusSoon('ed-add-section');
              }}
            />
            <div className="ed-row">
              <BInput
                path={`${sp}.id`}
                label={t('editions.fieldName.id')}
                className="short"
                errors={errors}
                value={section.id}
                onChange={(id) => updateSection(s, { id })}
              />
              <BInput
                path={`${sp}.title.pl`}
                label={t('editions.questionnaire.titlePl')}
                errors={errors}
                value={section.titlePl}
                onChange={(titlePl) => updateSection(s, { titlePl })}
              />
              <BInput
                path={`${sp}.title.en`}
                label={t('editions.questionnaire.titleEn')}
                optional
                lang="en"
                errors={errors}
                value={section.titleEn}
                onChange={(titleEn) => updateSection(s, { titleEn })}
              />
            </div>
            <BTextarea
              path={`${sp}.description.pl`}
              label={t('editions.questionnaire.descriptionPl')}
              optional
              errors={errors}
              value={section.descriptionPl}
              onChange={(descriptionPl) => updateSection(s, { descriptionPl })}
            />
            <BTextarea
              path={`${sp}.description.en`}
              label={t('editions.questionnaire.descriptionEn')}
              optional
              errors={errors}
              value={section.descriptionEn}
              onChange={(descriptionEn) => updateSection(s, { descriptionEn })}
            />
            {section.questions.length === 0 && <p className="muted">{t('editions.questionnaire.noQuestions')}</p>}
            {section.questions.map((q, qi) => {
              const qp = `${sp}.questions.${qi}`;
              const qName =
                t('editions.questionnaire.questionLegend', { n: `${s + 1}.${qi + 1}` }) +
                (q.labelPl ? ` ${q.labelPl}` : '');
              const set = (patch: Partial<DraftQuestion>) => updateQuestion(s, qi, patch);
              return (
                <fieldset key={q.key} className="ed-criterion">
                  <legend>{qName}</legend>
                  <ItemTools
                    idBase={`ed-q-${q.key}`}
                    name={qName}
                    index={qi}
                    count={section.questions.length}
                    onMove={(from, to) => {
                      updateSection(s, { questions: move(section.questions, from, to) });
                      focusMoved(`ed-q-${q.key}`, from, to, section.questions.length);
                    }}
                    onRemove={() => {
                      updateSection(s, { questions: section.questions.filter((_, j) => j !== qi) });
                      focusSoon(`ed-add-question-${section.key}`);
                    }}
                  />
                  <div className="ed-row">
                    <BInput
                      path={`${qp}.id`}
                      label={t('editions.fieldName.id')}
                      className="short"
                      errors={errors}
                      value={q.id}
                      onChange={(id) => set({ id })}
                    />
                    <BSelect
                      path={`${qp}.type`}
                      label={t('editions.fieldName.type')}
                      errors={errors}
                      value={q.type}
                      options={typeOptions}
                      onChange={(type) => set({ type: questionTypes.find((x) => x === type) ?? 'shortText' })}
                    />
                  </div>
                  <BInput
                    path={`${qp}.label.pl`}
                    label={t('editions.questionnaire.labelPl')}
                    errors={errors}
                    value={q.labelPl}
                    onChange={(labelPl) => set({ labelPl })}
                  />
                  <BInput
                    path={`${qp}.label.en`}
                    label={t('editions.questionnaire.labelEn')}
                    optional
                    lang="en"
                    errors={errors}
                    value={q.labelEn}
                    onChange={(labelEn) => set({ labelEn })}
                  />
                  <BTextarea
                    path={`${qp}.help.pl`}
                    label={t('editions.questionnaire.helpPl')}
                    optional
                    rows={2}
                    errors={errors}
                    value={q.helpPl}
                    onChange={(helpPl) => set({ helpPl })}
                  />
                  <BTextarea
                    path={`${qp}.help.en`}
                    label={t('editions.questionnaire.helpEn')}
                    optional
                    rows={2}
                    errors={errors}
                    value={q.helpEn}
                    onChange={(helpEn) => set({ helpEn })}
                  />
                  <BCheck
                    path={`${qp}.required`}
                    label={t('editions.fieldName.required')}
                    checked={q.required}
                    errors={errors}
                    onChange={(required) => set({ required })}
                  />
                  {(q.type === 'shortText' || q.type === 'longText') && (
                    <BInput
                      path={`${qp}.maxLength`}
                      label={t('editions.fieldName.maxLength')}
                      hint={t(
                        q.type === 'shortText'
                          ? 'editions.questionnaire.maxLengthShort'
                          : 'editions.questionnaire.maxLengthLong',
                      )}
                      optional
                      inputMode="numeric"
                      className="short"
                      errors={errors}
                      value={q.maxLength}
                      onChange={(maxLength) => set({ maxLength })}
                    />
                  )}
                  {q.type === 'number' && (
                    <div className="ed-row">
                      <BInput
                        path={`${qp}.min`}
                        label={t('editions.fieldName.min')}
                        optional
                        inputMode="decimal"
                        className="short"
                        errors={errors}
                        value={q.min}
                        onChange={(min) => set({ min })}
                      />
                      <BInput
                        path={`${qp}.max`}
                        label={t('editions.fieldName.max')}
                        optional
                        inputMode="decimal"
                        className="short"
                        errors={errors}
                        value={q.max}
                        onChange={(max) => set({ max })}
                      />
                      <BCheck
                        path={`${qp}.decimals`}
                        label={t('editions.fieldName.decimals')}
                        checked={q.decimals}
                        onChange={(decimals) => set({ decimals })}
                      />
                    </div>
                  )}
                  {(q.type === 'singleChoice' || q.type === 'multipleChoice') && (
                    <fieldset className="ed-checklist" id={pathId(`${qp}.options`)} tabIndex={-1}>
                      <legend>{t('editions.fieldName.options')}</legend>
                      {errors[`${qp}.options`] && <p className="error-message">{errors[`${qp}.options`]}</p>}
                      {q.options.map((o, oi) => {
                        const op = `${qp}.options.${oi}`;
                        const patch = (p: Partial<DraftOption>) =>
                          set({ options: q.options.map((x, k) => (k === oi ? { ...x, ...p } : x)) });
                        return (
                          <div key={o.key} className="ed-row ed-item">
                            <BInput
                              path={`${op}.value`}
                              label={t('editions.fieldName.value')}
                              className="short"
                              errors={errors}
                              value={o.value}
                              onChange={(value) => patch({ value })}
                            />
                            <BInput
                              path={`${op}.label.pl`}
                              label={t('editions.questionnaire.optionPl')}
                              errors={errors}
                              value={o.labelPl}
                              onChange={(labelPl) => patch({ labelPl })}
                            />
                            <BInput
                              path={`${op}.label.en`}
                              label={t('editions.questionnaire.optionEn')}
                              optional
                              lang="en"
                              errors={errors}
                              value={o.labelEn}
                              onChange={(labelEn) => patch({ labelEn })}
                            />
                            <button
                              type="button"
                              className="danger"
                              onClick={() => {
                                set({ options: q.options.filter((_, k) => k !== oi) });
                                focusSoon(`ed-add-option-${q.key}`);
                              }}
                            >
                              {t('editions.remove')}
                              <span className="visually-hidden"> — {o.labelPl || o.value}</span>
                            </button>
                          </div>
                        );
                      })}
                      <button
                        type="button"
                        id={`ed-add-option-${q.key}`}
                        onClick={() => {
                          set({
                            options: [...q.options, newOption(freeId('opt', new Set(q.options.map((o) => o.value))))],
                          });
                          focusSoon(pathId(`${qp}.options.${q.options.length}.label.pl`));
                        }}
                      >
                        {t('editions.questionnaire.addOption')}
                        <span className="visually-hidden"> — {qName}</span>
                      </button>
                    </fieldset>
                  )}
                  {q.type === 'file' && (
                    <>
                      <fieldset className="ed-checklist ed-inline" id={pathId(`${qp}.allowedTypes`)} tabIndex={-1}>
                        <legend>{t('editions.fieldName.allowedTypes')}</legend>
                        {errors[`${qp}.allowedTypes`] && (
                          <p className="error-message">{errors[`${qp}.allowedTypes`]}</p>
                        )}
                        {fileKinds.map((k) => (
                          <BCheck
                            key={k}
                            path={`${qp}.allowedTypes-${k}`}
                            label={k.toUpperCase()}
                            checked={q.allowedTypes.includes(k)}
                            onChange={(on) =>
                              set({
                                allowedTypes: on
                                  ? fileKinds.filter((x) => x === k || q.allowedTypes.includes(x))
                                  : q.allowedTypes.filter((x) => x !== k),
                              })
                            }
                          />
                        ))}
                      </fieldset>
                      <BInput
                        path={`${qp}.maxSizeBytes`}
                        label={t('editions.questionnaire.maxSizeMb')}
                        hint={t('editions.questionnaire.maxSizeHint')}
                        optional
                        inputMode="decimal"
                        className="short"
                        errors={errors}
                        value={q.maxSizeMb}
                        onChange={(maxSizeMb) => set({ maxSizeMb })}
                      />
                    </>
                  )}
                </fieldset>
              );
            })}
            <button type="button" id={`ed-add-question-${section.key}`} onClick={() => addQuestion(s)}>
              {t('editions.questionnaire.addQuestion')}
              <span className="visually-hidden"> — {sName}</span>
            </button>
          </fieldset>
        );
      })}
      <p>
        <button type="button" id="ed-add-section" onClick={addSection}>
          {t('editions.questionnaire.addSection')}
        </button>
      </p>
    </div>
  );
}

/** How the institution will see the form: the questions rendered as (inactive) controls. */
export function QuestionnairePreview({ questionnaire }: { questionnaire: Questionnaire }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'pl';
  const text = (l: Localized | undefined) => (l ? (lang === 'en' && l.en ? l.en : l.pl) : '');
  if (questionnaire.sections.length === 0) return <p>{t('editions.questionnaire.noSections')}</p>;
  return (
    <div className="ed-preview">
      {questionnaire.sections.map((s, si) => (
        <section key={si} aria-labelledby={`pv-s${si}`} className="ed-preview-section">
          <h4 id={`pv-s${si}`}>{text(s.title) || t('editions.where.sections', { n: si + 1 })}</h4>
          {s.description && <p>{text(s.description)}</p>}
          {s.questions.map((q, qi) => {
            const id = `pv-${si}-${qi}`;
            const label = (
              <>
                {text(q.label) || t('editions.questionnaire.questionLegend', { n: `${si + 1}.${qi + 1}` })}
                {q.required ? (
                  <span className="ed-required"> {t('editions.questionnaire.requiredMark')}</span>
                ) : (
                  <span className="optional"> {t('form.optional')}</span>
                )}
              </>
            );
            const help = q.help ? (
              <p className="hint" id={`${id}-help`}>
                {text(q.help)}
              </p>
            ) : null;
            const describedBy = q.help ? `${id}-help` : undefined;
            if (q.type === 'singleChoice' || q.type === 'multipleChoice' || q.type === 'yesNo') {
              const options =
                q.type === 'yesNo'
                  ? [
                      { value: 'yes', label: t('editions.yes') },
                      { value: 'no', label: t('editions.no') },
                    ]
                  : (q.options ?? []).map((o) => ({ value: o.value, label: text(o.label) || o.value }));
              return (
                <fieldset key={qi} className="ed-preview-q" disabled aria-describedby={describedBy}>
                  <legend>{label}</legend>
                  {help}
                  {options.map((o, oi) => (
                    <div key={oi} className="ed-check">
                      <input type={q.type === 'multipleChoice' ? 'checkbox' : 'radio'} name={id} id={`${id}-${oi}`} />
                      <label htmlFor={`${id}-${oi}`}>{o.label}</label>
                    </div>
                  ))}
                </fieldset>
              );
            }
            return (
              <div key={qi} className="field ed-preview-q">
                <label htmlFor={id}>{label}</label>
                {help}
                {q.type === 'longText' ? (
                  <textarea id={id} disabled rows={3} aria-describedby={describedBy} />
                ) : (
                  <input
                    id={id}
                    disabled
                    aria-describedby={describedBy}
                    type={
                      q.type === 'number' ? 'number' : q.type === 'date' ? 'date' : q.type === 'file' ? 'file' : 'text'
                    }
                    accept={
                      q.type === 'file'
                        ? (q.allowedTypes ?? ['pdf']).map((k) => `.${k === 'jpeg' ? 'jpg' : k}`).join(',')
                        : undefined
                    }
                  />
                )}
                {(q.type === 'shortText' || q.type === 'longText') && q.maxLength && (
                  <p className="hint">{t('editions.questionnaire.previewLimit', { n: q.maxLength })}</p>
                )}
                {q.type === 'number' && (q.min !== undefined || q.max !== undefined) && (
                  <p className="hint">
                    {t('editions.questionnaire.previewRange', { min: q.min ?? '—', max: q.max ?? '—' })}
                  </p>
                )}
                {q.type === 'file' && (
                  <p className="hint">
                    {t('editions.questionnaire.previewFile', {
                      types: (q.allowedTypes ?? ['pdf']).map((k) => k.toUpperCase()).join(', '),
                      size: Math.round(((q.maxSizeBytes ?? 10 * MB) / MB) * 10) / 10,
                    })}
                  </p>
                )}
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}
