import * as z from 'zod/mini';
import {
  Questionnaire,
  type FileKind,
  type Question,
  type QuestionType,
} from '../../../../shared/editions/questionnaire';
import { apiResolver } from '../../forms/validation';
import { localizedFrom, optionalText, parseNumber } from './drafts';

/**
 * The questionnaire as the builder's form holds it: the API's shape, so field names are the API's
 * paths (`questionnaire.sections.0.questions.1.label.pl`), with numbers kept as typed. Every question
 * keeps the settings of every type, so switching the type back loses nothing.
 */
export interface DraftOption {
  value: string;
  label: { pl: string; en: string };
}
export interface DraftQuestion {
  id: string;
  type: QuestionType;
  label: { pl: string; en: string };
  help: { pl: string; en: string };
  required: boolean;
  maxLength: string;
  min: string;
  max: string;
  decimals: boolean;
  options: DraftOption[];
  allowedTypes: FileKind[];
  /** The size limit typed in MB (sent in bytes), under the API's name so its messages land here. */
  maxSizeBytes: string;
}
export interface DraftSection {
  id: string;
  title: { pl: string; en: string };
  description: { pl: string; en: string };
  questions: DraftQuestion[];
}
export interface QuestionnaireValues {
  questionnaire: { sections: DraftSection[] };
}

const str = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '' : String(n));
export const MB = 1024 * 1024;
const text = (l: { pl: string; en?: string } | undefined) => ({ pl: l?.pl ?? '', en: l?.en ?? '' });

export function toDraftQuestionnaire(q: Questionnaire): QuestionnaireValues {
  return {
    questionnaire: {
      sections: q.sections.map((s) => ({
        id: s.id,
        title: text(s.title),
        description: text(s.description),
        questions: s.questions.map((x) => ({
          id: x.id,
          type: x.type,
          label: text(x.label),
          help: text(x.help),
          required: x.required,
          maxLength: str(x.maxLength),
          min: str(x.min),
          max: str(x.max),
          decimals: !!x.decimals,
          options: (x.options ?? []).map((o) => ({ value: o.value, label: text(o.label) })),
          allowedTypes: [...(x.allowedTypes ?? ['pdf'])],
          maxSizeBytes: x.maxSizeBytes ? String(Math.round((x.maxSizeBytes / MB) * 100) / 100) : '',
        })),
      })),
    },
  };
}

/** A question as the API takes it: only the settings of its type. */
function fromDraftQuestion(x: DraftQuestion): Question {
  const q: Question = {
    id: x.id.trim(),
    type: x.type,
    label: localizedFrom(x.label),
    required: x.required,
    ...optionalText('help', x.help),
  };
  if ((x.type === 'shortText' || x.type === 'longText') && x.maxLength.trim()) q.maxLength = parseNumber(x.maxLength);
  if (x.type === 'number') {
    if (x.min.trim()) q.min = parseNumber(x.min);
    if (x.max.trim()) q.max = parseNumber(x.max);
    if (x.decimals) q.decimals = true;
  }
  if (x.type === 'singleChoice' || x.type === 'multipleChoice')
    q.options = x.options.map((o) => ({ value: o.value.trim(), label: localizedFrom(o.label) }));
  if (x.type === 'file') {
    q.allowedTypes = [...x.allowedTypes];
    if (x.maxSizeBytes.trim()) q.maxSizeBytes = Math.round(parseNumber(x.maxSizeBytes) * MB);
  }
  return q;
}

export function fromDraftQuestionnaire(d: QuestionnaireValues['questionnaire']): Questionnaire {
  return {
    sections: d.sections.map((s) => ({
      id: s.id.trim(),
      title: localizedFrom(s.title),
      ...optionalText('description', s.description),
      questions: s.questions.map(fromDraftQuestion),
    })),
  };
}

/** Checked with the server's questionnaire schema before it is sent. */
export const questionnaireResolver = apiResolver(
  z.object({ questionnaire: Questionnaire }),
  (v: QuestionnaireValues) => ({ questionnaire: fromDraftQuestionnaire(v.questionnaire) }),
);

export const newOption = (value: string): DraftOption => ({ value, label: { pl: '', en: '' } });
export const newQuestion = (id: string): DraftQuestion => ({
  id,
  type: 'shortText',
  label: { pl: '', en: '' },
  help: { pl: '', en: '' },
  required: true,
  maxLength: '',
  min: '',
  max: '',
  decimals: false,
  options: [newOption('opt1'), newOption('opt2')],
  allowedTypes: ['pdf'],
  maxSizeBytes: '10',
});
export const newSection = (id: string): DraftSection => ({
  id,
  title: { pl: '', en: '' },
  description: { pl: '', en: '' },
  questions: [],
});
