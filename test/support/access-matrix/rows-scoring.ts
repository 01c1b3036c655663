import { expect } from 'vitest';
import { findExpertAssignment } from '../../../shared/assignment/assignment-store';
import { completeEvidenceUpload } from '../../../shared/reviews/complete-evidence-upload';
import { evidenceBlobKey } from '../../../shared/reviews/evidence';
import { requestEvidenceUpload } from '../../../shared/reviews/request-evidence-upload';
import { saveSheet } from '../../../shared/reviews/save-sheet';
import { findSheet } from '../../../shared/reviews/sheet-store';
import { getEdition } from '../../../shared/editions/edition-store';
import { keys } from '../../../shared/store/keys';
import { jsonRequest } from '../accounts';
import { callerFor, pdfBytes, sha256Of } from '../applications';
import { completeSheet } from '../scoring';
import { type Cell, chapterExpert, type Deps, organizerOnly } from './matrix';
import { probe } from './probes';
import type { World } from './world';

/** Scoring (issue 13): the expert's reviews and the organizer's view of them; one row per route. */
const within = (w: World) => [w.scoring.edition];
const reviews = (w: World) => `/api/expert/editions/${w.scoring.edition}/reviews`;
const scoring = (w: World) => `/api/editions/${w.scoring.edition}/scoring`;
/** A sheet's own partition (every expert's sheet and evidence of the application) and the application's audit. */
const sheets = (applicationId: string) => [
  { kind: 'partition' as const, pk: keys.applicationSheets(applicationId) },
  ...probe.application(applicationId),
];
const sheetOf = async (deps: Deps, applicationId: string, userId: string) =>
  findSheet(deps.store, applicationId, userId, true);
/** The content of a complete sheet of the scoring edition (its rubric is the sample one). */
const complete = async (deps: Deps, w: World) => {
  return completeSheet(await getEdition(deps.store, w.scoring.edition));
};

/** The expert's draft sheet of their first pair, saved once (evidence hangs on a draft). */
async function expertDraft(deps: Deps, w: World): Promise<void> {
  if (await sheetOf(deps, w.scoring.expertApp, w.users.expert.userId)) return;
  await saveSheet(deps, {
    caller: callerFor(w.users.expert),
    editionId: w.scoring.edition,
    applicationId: w.scoring.expertApp,
    content: await complete(deps, w),
    version: 0,
  });
}

const evidenceBody = pdfBytes('Dowod wizyty');
const evidenceRequest = {
  channel: 'visit',
  fileName: 'wizyta.pdf',
  size: evidenceBody.length,
  sha256: sha256Of(evidenceBody),
};

/** One evidence file of the expert's per purpose and world (pending: bytes stored, not yet checked; or ready). */
const evidenceFiles = new WeakMap<World, Map<string, Promise<string>>>();
function evidenceFile(deps: Deps, w: World, purpose: string, ready: boolean): Promise<string> {
  const mine = evidenceFiles.get(w) ?? new Map<string, Promise<string>>();
  evidenceFiles.set(w, mine);
  const made =
    mine.get(purpose) ??
    (async () => {
      await expertDraft(deps, w);
      const input = {
        caller: callerFor(w.users.expert),
        editionId: w.scoring.edition,
        applicationId: w.scoring.expertApp,
      };
      const { evidence } = await requestEvidenceUpload(deps, { ...input, ...evidenceRequest });
      await deps.blobs.documents.put(evidenceBlobKey(evidence), evidenceBody, 'application/pdf');
      if (ready) await completeEvidenceUpload(deps, { ...input, fileId: evidence.fileId });
      return evidence.fileId;
    })();
  mine.set(purpose, made);
  return made;
}

export const scoringRows: Record<string, Cell> = {
  'POST /api/expert/editions/:editionId/reviews/:applicationId/evidence': {
    sample: async (w, _caller, deps) => {
      await expertDraft(deps, w);
      return { path: `${reviews(w)}/${w.scoring.expertApp}/evidence`, init: jsonRequest('POST', evidenceRequest) };
    },
    expected: chapterExpert(201),
    sees: 'chapter',
    within,
    touches: (w) => sheets(w.scoring.expertApp),
  },
  'POST /api/expert/editions/:editionId/reviews/:applicationId/evidence/:fileId/complete': {
    sample: async (w, _caller, deps) => ({
      path: `${reviews(w)}/${w.scoring.expertApp}/evidence/${await evidenceFile(deps, w, 'complete', false)}/complete`,
      init: { method: 'POST', headers: { origin: 'https://konkurs.example.org' } },
    }),
    expected: chapterExpert(200),
    sees: 'chapter',
    within,
    touches: (w) => sheets(w.scoring.expertApp),
  },
  'GET /api/expert/editions/:editionId/reviews/:applicationId/evidence/:fileId': {
    sample: async (w, _caller, deps) => ({
      path: `${reviews(w)}/${w.scoring.expertApp}/evidence/${await evidenceFile(deps, w, 'read', true)}`,
    }),
    expected: chapterExpert(200),
    sees: 'chapter',
    within,
    shows: (body: string) => expect(body.startsWith('%PDF')).toBe(true),
  },
  'DELETE /api/expert/editions/:editionId/reviews/:applicationId/evidence/:fileId': {
    sample: async (w, _caller, deps) => ({
      path: `${reviews(w)}/${w.scoring.expertApp}/evidence/${await evidenceFile(deps, w, 'delete', true)}`,
      init: { method: 'DELETE', headers: { origin: 'https://konkurs.example.org' } },
    }),
    expected: chapterExpert(204),
    sees: 'chapter',
    within,
    touches: (w) => sheets(w.scoring.expertApp),
  },
  'GET /api/expert/editions/:editionId/reviews': {
    sample: (w) => ({ path: reviews(w) }),
    expected: chapterExpert(200),
    sees: 'chapter',
    within,
    shows: async (body: { items: { applicationId: string }[] }, { w, deps }) => {
      const { mine } = await findExpertAssignment(deps.store, w.scoring.edition, w.users.expert.userId);
      expect(body.items.map((i) => i.applicationId).sort()).toEqual(
        (mine?.pairs ?? []).map((p) => p.applicationId).sort(),
      );
      expect(body.items.map((i) => i.applicationId)).not.toContain(w.scoring.colleagueApp);
    },
  },
  'GET /api/expert/editions/:editionId/reviews/:applicationId': {
    sample: (w) => ({ path: `${reviews(w)}/${w.scoring.expertApp}` }),
    expected: chapterExpert(200),
    sees: 'chapter',
    within,
    shows: (body: { application: { applicationId: string }; sheet: { expertId: string } }, { w }) => {
      expect(body.application.applicationId).toBe(w.scoring.expertApp);
      expect(body.sheet.expertId).toBe(w.users.expert.userId);
    },
  },
  'GET /api/expert/editions/:editionId/reviews/:applicationId/attachments/:attachmentId': {
    sample: (w) => ({ path: `${reviews(w)}/${w.scoring.expertApp}/attachments/${w.scoring.expertAttachment}` }),
    expected: chapterExpert(200),
    sees: 'chapter',
    within,
    shows: (body: string) => expect(body.startsWith('%PDF')).toBe(true),
  },
  'PUT /api/expert/editions/:editionId/reviews/:applicationId': {
    sample: async (w, _caller, deps) => ({
      path: `${reviews(w)}/${w.scoring.expertApp}`,
      init: jsonRequest('PUT', {
        ...(await complete(deps, w)),
        version: (await sheetOf(deps, w.scoring.expertApp, w.users.expert.userId))?.version ?? 0,
      }),
    }),
    expected: chapterExpert(200),
    sees: 'chapter',
    within,
    touches: (w) => sheets(w.scoring.expertApp),
  },
  'POST /api/expert/editions/:editionId/reviews/:applicationId/submit': {
    // The expert's complete draft exists before any cell (written as the expert, not by the caller).
    sample: async (w, _caller, deps) => {
      const expert = w.users.expert;
      let sheet = await sheetOf(deps, w.scoring.submitApp, expert.userId);
      if (!sheet) {
        sheet = await saveSheet(deps, {
          caller: callerFor(expert),
          editionId: w.scoring.edition,
          applicationId: w.scoring.submitApp,
          content: await complete(deps, w),
          version: 0,
        });
      }
      return {
        path: `${reviews(w)}/${w.scoring.submitApp}/submit`,
        init: jsonRequest('POST', { version: sheet.status === 'submitted' ? sheet.version - 1 : sheet.version }),
      };
    },
    expected: chapterExpert(200),
    sees: 'chapter',
    within,
    touches: (w) => sheets(w.scoring.submitApp),
  },
  'GET /api/editions/:editionId/scoring': {
    sample: (w) => ({ path: scoring(w) }),
    expected: organizerOnly(200),
    sees: 'own',
    within,
    shows: (body: { summary: { pairs: number } }) => expect(body.summary.pairs).toBe(5),
  },
  'GET /api/editions/:editionId/scoring/applications/:applicationId/sheets': {
    sample: (w) => ({ path: `${scoring(w)}/applications/${w.scoring.colleagueApp}/sheets` }),
    expected: organizerOnly(200),
    sees: 'own',
    within,
    shows: (body: { items: { expertId: string }[] }, { w }) =>
      expect(body.items.map((s) => s.expertId)).toEqual([w.chapter.colleague]),
  },
  'POST /api/editions/:editionId/scoring/applications/:applicationId/sheets/:expertId/reopen': {
    sample: (w) => ({
      path: `${scoring(w)}/applications/${w.scoring.reopenApp}/sheets/${w.chapter.colleague}/reopen`,
      init: jsonRequest('POST', { reason: 'Proszę uzupełnić uzasadnienie.' }),
    }),
    expected: organizerOnly(200),
    sees: 'own',
    within,
    touches: (w) => sheets(w.scoring.reopenApp),
  },
  'POST /api/editions/:editionId/scoring/applications/:applicationId/reconsider': {
    sample: (w) => ({
      path: `${scoring(w)}/applications/${w.scoring.reconsiderApp}/reconsider`,
      init: jsonRequest('POST', { message: 'Rozbieżne oceny.' }),
    }),
    expected: organizerOnly(200),
    sees: 'own',
    within,
    touches: (w) => sheets(w.scoring.reconsiderApp),
  },
};

/**
 * The same routes with ids the caller may not combine: the colleague's application (the expert sits
 * on the chapter but is not assigned to it), and another edition's application for the organizer.
 */
export const scoringMixedRows: Record<string, Cell> = {
  'POST /api/expert/editions/:editionId/reviews/:applicationId/evidence — a colleague’s application': {
    sample: (w) => ({
      path: `${reviews(w)}/${w.scoring.colleagueApp}/evidence`,
      init: jsonRequest('POST', evidenceRequest),
    }),
    expected: chapterExpert(404),
    sees: 'chapter',
    within,
    touches: (w) => sheets(w.scoring.colleagueApp),
  },
  'POST /api/expert/editions/:editionId/reviews/:applicationId/evidence/:fileId/complete — the file under a colleague’s application':
    {
      sample: async (w, _caller, deps) => ({
        path: `${reviews(w)}/${w.scoring.colleagueApp}/evidence/${await evidenceFile(deps, w, 'mixed-complete', false)}/complete`,
        init: { method: 'POST', headers: { origin: 'https://konkurs.example.org' } },
      }),
      expected: chapterExpert(404),
      sees: 'chapter',
      within,
      touches: (w) => [...sheets(w.scoring.colleagueApp), ...sheets(w.scoring.expertApp)],
    },
  'GET /api/expert/editions/:editionId/reviews/:applicationId/evidence/:fileId — the file under a colleague’s application':
    {
      sample: async (w, _caller, deps) => ({
        path: `${reviews(w)}/${w.scoring.colleagueApp}/evidence/${await evidenceFile(deps, w, 'read', true)}`,
      }),
      expected: chapterExpert(404),
      sees: 'chapter',
      within,
    },
  'DELETE /api/expert/editions/:editionId/reviews/:applicationId/evidence/:fileId — the file under a colleague’s application':
    {
      sample: async (w, _caller, deps) => ({
        path: `${reviews(w)}/${w.scoring.colleagueApp}/evidence/${await evidenceFile(deps, w, 'read', true)}`,
        init: { method: 'DELETE', headers: { origin: 'https://konkurs.example.org' } },
      }),
      expected: chapterExpert(404),
      sees: 'chapter',
      within,
      touches: (w) => [...sheets(w.scoring.colleagueApp), ...sheets(w.scoring.expertApp)],
    },
  'GET /api/expert/editions/:editionId/reviews/:applicationId — a colleague’s application (on the chapter, not assigned)':
    {
      sample: (w) => ({ path: `${reviews(w)}/${w.scoring.colleagueApp}` }),
      expected: chapterExpert(404),
      sees: 'chapter',
      within,
    },
  'PUT /api/expert/editions/:editionId/reviews/:applicationId — a colleague’s application': {
    sample: async (w, _caller, deps) => ({
      path: `${reviews(w)}/${w.scoring.colleagueApp}`,
      init: jsonRequest('PUT', { ...(await complete(deps, w)), version: 0 }),
    }),
    expected: chapterExpert(404),
    sees: 'chapter',
    within,
    touches: (w) => sheets(w.scoring.colleagueApp),
  },
  'POST /api/expert/editions/:editionId/reviews/:applicationId/submit — a colleague’s application': {
    sample: (w) => ({
      path: `${reviews(w)}/${w.scoring.colleagueApp}/submit`,
      init: jsonRequest('POST', { version: 1 }),
    }),
    expected: chapterExpert(404),
    sees: 'chapter',
    within,
    touches: (w) => sheets(w.scoring.colleagueApp),
  },
  'GET /api/expert/editions/:editionId/reviews/:applicationId/attachments/:attachmentId — another application’s file': {
    sample: (w) => ({ path: `${reviews(w)}/${w.scoring.colleagueApp}/attachments/${w.scoring.expertAttachment}` }),
    expected: chapterExpert(404),
    sees: 'chapter',
    within,
  },
  'GET /api/expert/editions/:editionId/reviews/:applicationId — another edition’s application': {
    sample: (w) => ({ path: `/api/expert/editions/${w.chapter.e2}/reviews/${w.scoring.expertApp}` }),
    expected: chapterExpert(404),
    sees: 'chapter',
    within: (w) => [w.chapter.e2],
  },
  'GET /api/editions/:editionId/scoring/applications/:applicationId/sheets — another edition’s application': {
    sample: (w) => ({ path: `/api/editions/${w.chapter.e2}/scoring/applications/${w.scoring.colleagueApp}/sheets` }),
    expected: organizerOnly(404),
    sees: 'own',
    within: (w) => [w.chapter.e2],
  },
  'POST /api/editions/:editionId/scoring/applications/:applicationId/sheets/:expertId/reopen — another edition’s application':
    {
      sample: (w) => ({
        path: `/api/editions/${w.chapter.e2}/scoring/applications/${w.scoring.colleagueApp}/sheets/${w.chapter.colleague}/reopen`,
        init: jsonRequest('POST', { reason: 'x' }),
      }),
      expected: organizerOnly(404),
      sees: 'own',
      within: (w) => [w.chapter.e2],
      touches: (w) => sheets(w.scoring.colleagueApp),
    },
  'POST /api/editions/:editionId/scoring/applications/:applicationId/reconsider — another edition’s application': {
    sample: (w) => ({
      path: `/api/editions/${w.chapter.e2}/scoring/applications/${w.scoring.colleagueApp}/reconsider`,
      init: jsonRequest('POST', { message: 'x' }),
    }),
    expected: organizerOnly(404),
    sees: 'own',
    within: (w) => [w.chapter.e2],
    touches: (w) => sheets(w.scoring.colleagueApp),
  },
};
