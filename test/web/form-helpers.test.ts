import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { Rubric } from '../../shared/editions/rubric';
import { fieldErrors } from '../../shared/http/validation-messages';
import { profileFromValues, emptyProfileValues } from '../../web/src/components/InstitutionFields';
import {
  defaultSettingsValues,
  settingsToValues,
  valuesToSettings,
} from '../../web/src/components/editions/EditionSettingsForm';
import {
  fromDraftQuestionnaire,
  questionnaireResolver,
  toDraftQuestionnaire,
} from '../../web/src/components/editions/questionnaire-draft';
import {
  draftMaxTotal,
  fromDraftRubric,
  newCriterion,
  rubricResolver,
  toDraftRubric,
  type RubricValues,
} from '../../web/src/components/editions/rubric-draft';
import { errorOf, fieldId } from '../../web/src/forms/form';
import { flattenFieldErrors } from '../../web/src/forms/validation';
import i18n from '../../web/src/i18n';
import { questionnaire } from './support/fixtures';

/** A resolver run as react-hook-form runs it on submit. */
async function resolve<T extends FieldValues, O>(resolver: Resolver<T, unknown, O>, values: T) {
  const result = await resolver(values, undefined, { fields: {}, shouldUseNativeValidation: false });
  return { fields: flattenFieldErrors(result.errors), values: result.values };
}

const rubric = (): RubricValues => ({
  rubric: {
    areas: [
      {
        code: 'A1',
        name: { pl: 'Standardy obsługi', en: '' },
        criteria: [{ ...newCriterion('A1.1'), name: { pl: 'Spisane standardy', en: '' } }],
      },
    ],
    mysteryShopper: { enabled: false, channels: [] },
  },
});

afterEach(() => i18n.changeLanguage('pl'));

describe('flattenFieldErrors', () => {
  it('gives one message per API field path, an array’s own error at the array’s path', () => {
    // As react-hook-form nests them: a sparse array for a field array, `root` for the array itself.
    type Values = { rubric: { areas: { code: string; criteria: { code: string }[] }[] }; name: string };
    const errors: FieldErrors<Values> = {
      rubric: {
        areas: [
          { code: { type: 'custom', message: 'code' } },
          undefined,
          { criteria: { root: { type: 'too_small', message: 'Za mało' } } },
        ],
      },
      name: { type: 'too_small', message: 'notBlank' },
    };
    expect(flattenFieldErrors(errors)).toEqual({
      'rubric.areas.0.code': 'Kod: litery, cyfry, _ lub - (w kryteriach także kropka), do 40 znaków.',
      'rubric.areas.2.criteria': 'Za mało',
      name: 'To pole nie może być puste.',
    });
  });
});

describe('the zod resolver over the server’s zod/mini schemas', () => {
  it('passes a valid rubric and hands over the API’s values (numbers parsed from what was typed)', async () => {
    const values = rubric();
    const criterion = values.rubric.areas[0]?.criteria[0];
    if (criterion) criterion.weight = '1,5';
    const { fields, values: parsed } = await resolve(rubricResolver, values);
    expect(fields).toEqual({});
    expect(parsed).toEqual({ rubric: fromDraftRubric(values.rubric) });
    expect(fromDraftRubric(values.rubric).areas[0]?.criteria[0]?.weight).toBe(1.5);
  });

  it('names each bad field by the path the server would, with the server’s message, before anything is sent', async () => {
    const values = rubric();
    const area = values.rubric.areas[0];
    const criterion = area?.criteria[0];
    if (!area || !criterion) throw new Error('fixture');
    area.code = 'A 1';
    area.name.pl = '  ';
    criterion.maxPoints = '';
    criterion.weight = '20';
    const { fields } = await resolve(rubricResolver, values);

    // What the server's validation hook answers for the same body, sent as JSON.
    const body = JSON.parse(JSON.stringify({ rubric: fromDraftRubric(values.rubric) }));
    const parsed = z.object({ rubric: Rubric }).safeParse(body);
    expect(parsed.success).toBe(false);
    const server = parsed.success ? {} : fieldErrors(parsed.error.issues, 'pl', body);

    expect(Object.keys(fields).sort()).toEqual([
      'rubric.areas.0.code',
      'rubric.areas.0.criteria.0.maxPoints',
      'rubric.areas.0.criteria.0.weight',
      'rubric.areas.0.name.pl',
    ]);
    expect(fields).toEqual(server);
    expect(fields['rubric.areas.0.name.pl']).toBe('To pole nie może być puste.');
  });

  it('speaks the UI’s language', async () => {
    await i18n.changeLanguage('en');
    const values = rubric();
    const area = values.rubric.areas[0];
    if (area) area.name.pl = '';
    const { fields } = await resolve(rubricResolver, values);
    expect(fields).toEqual({ 'rubric.areas.0.name.pl': 'This field must not be empty.' });
  });

  it('checks the questionnaire too', async () => {
    const values = toDraftQuestionnaire(questionnaire());
    const section = values.questionnaire.sections[0];
    if (section) section.id = '';
    const { fields } = await resolve(questionnaireResolver, values);
    expect(Object.keys(fields)).toEqual(['questionnaire.sections.0.id']);
  });
});

describe('drafts: what the builders hold ↔ what the API takes', () => {
  it('a rubric survives the round trip, and the live maximum counts half-typed numbers as 0', () => {
    const stored = fromDraftRubric(rubric().rubric);
    expect(fromDraftRubric(toDraftRubric(stored).rubric)).toEqual(stored);
    const values = rubric();
    values.rubric.areas[0]?.criteria.push({ ...newCriterion('A1.2'), maxPoints: '20', weight: '1,5' });
    expect(draftMaxTotal(values.rubric)).toBe(40);
    const half = values.rubric.areas[0]?.criteria[1];
    if (half) half.maxPoints = '-';
    expect(draftMaxTotal(values.rubric)).toBe(10);
  });

  it('a questionnaire survives the round trip; file sizes are typed in MB', () => {
    const q = questionnaire();
    q.sections[0]?.questions.push({
      id: 'docs',
      type: 'file',
      label: { pl: 'Dokument', en: 'Document' },
      required: true,
      allowedTypes: ['pdf', 'docx'],
      maxSizeBytes: 5 * 1024 * 1024,
    });
    const draft = toDraftQuestionnaire(q);
    expect(draft.questionnaire.sections[0]?.questions[2]?.maxSizeBytes).toBe('5');
    expect(fromDraftQuestionnaire(draft.questionnaire)).toEqual(q);
  });

  it('edition settings survive the round trip; booleans and lists stay what they are', () => {
    const settings = valuesToSettings(defaultSettingsValues());
    const values = settingsToValues(settings);
    expect(values.categories).toEqual(settings.categories);
    expect(valuesToSettings(values)).toEqual(settings);
    expect(Number.isNaN(valuesToSettings({ ...values, year: ' ' }).year)).toBe(true);
  });

  it('an institution profile needs its selects chosen; the message names each one', () => {
    const read = profileFromValues(emptyProfileValues(), 'institution.');
    expect('error' in read && read.error.fields).toEqual({
      'institution.type': 'Wybierz jedną z opcji.',
      'institution.headcount': 'Wybierz jedną z opcji.',
      'institution.address.voivodeship': 'Wybierz jedną z opcji.',
    });
  });
});

describe('field ids and messages', () => {
  it('a field’s id comes from the form and the API path; a message about a part belongs to the field', () => {
    expect(fieldId('new-edition', 'fees.byHeadcount.201+')).toBe('new-edition-fees-byHeadcount-201-');
    const error = { code: 'VALIDATION_FAILED', message: '', fields: { 'expertise.2': 'Za długie' } };
    expect(errorOf(error, 'expertise')).toBe('Za długie');
    expect(errorOf(error, 'expert')).toBeUndefined();
  });
});
