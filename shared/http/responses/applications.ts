import * as z from 'zod/mini';
import { lazy } from '../../platform/lazy';
import { ApplicationHeader as DomainApplicationHeader, applicationStatuses } from '../../applications/application';
import { contentTypeOf } from '../../applications/file-type';
import { fileKinds } from '../../editions/questionnaire';
import { SurveySnapshot } from '../../surveys/survey-snapshot';
import { responseSchema } from '../openapi/component-names';
import { itemsOf, Message, page } from './common';
import { QuestionnaireSchema } from './editions';

export const ApplicationStatus = responseSchema('ApplicationStatus', () => z.enum(applicationStatuses));

/** The application's header: the domain schema itself (applications/application.ts), named once. */
export const ApplicationHeader = responseSchema('ApplicationHeader', DomainApplicationHeader);
export const ApplicationHeaderPage = responseSchema('ApplicationHeaderPage', () => page(ApplicationHeader()));
export const ApplicationHeaders = lazy(() => itemsOf(ApplicationHeader()));

/** A `surveyResults` answer: the frozen snapshot of a survey's results the server took (issue 18 §5). */
export const SurveySnapshotSchema = responseSchema('SurveySnapshot', SurveySnapshot);

/** Answers by question id: text, number, choice value(s), yes/no, a YYYY-MM-DD day or a survey snapshot. */
export const Answers = responseSchema('Answers', () =>
  z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), SurveySnapshotSchema()])),
);

export const SectionAnswers = responseSchema('SectionAnswers', () =>
  z.object({
    sectionId: z.string(),
    answers: Answers(),
    version: z.number(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  }),
);

export const Attachment = responseSchema('Attachment', () =>
  z.object({
    attachmentId: z.string(),
    questionId: z.string(),
    fileName: z.string(),
    size: z.number(),
    contentType: z.string(),
    /** What the content turned out to be (set when complete). */
    kind: z.optional(z.enum(fileKinds)),
    status: z.enum(['pending', 'ready']),
    sha256: z.optional(z.string()),
    createdAt: z.string(),
  }),
);

/** The media types an attachment is served with (applications/file-type.ts). */
export const attachmentMediaTypes = fileKinds.map((kind) => contentTypeOf[kind]);

export const SectionProgress = responseSchema('SectionProgress', () =>
  z.object({
    sectionId: z.string(),
    answered: z.number(),
    questions: z.number(),
    requiredAnswered: z.number(),
    required: z.number(),
    complete: z.boolean(),
  }),
);

/** Everything the form (or the organizer's detail page) needs (applications/get-application.ts). */
export const ApplicationView = responseSchema('ApplicationView', () =>
  z.object({
    application: ApplicationHeader(),
    edition: z.object({
      editionId: z.string(),
      name: z.string(),
      number: z.string(),
      state: z.string(),
      applicationsClose: z.string(),
    }),
    questionnaire: QuestionnaireSchema(),
    /** Section id → its answers and version (0 for a section never saved). */
    sections: z.record(
      z.string(),
      z.object({ answers: Answers(), version: z.number(), updatedAt: z.optional(z.string()) }),
    ),
    attachments: z.array(Attachment()),
    progress: z.array(SectionProgress()),
    /** Whether the institution may change or submit now, and until when (server clock). */
    window: z.object({ open: z.boolean(), closesAt: z.optional(z.string()), reason: z.optional(Message()) }),
  }),
);

/** A started attachment and where to PUT its bytes. */
export const UploadTicket = responseSchema('UploadTicket', () =>
  z.object({
    attachment: Attachment(),
    upload: z.object({
      url: z.string(),
      method: z.literal('PUT'),
      headers: z.record(z.string(), z.string()),
      expiresAt: z.string(),
    }),
  }),
);
