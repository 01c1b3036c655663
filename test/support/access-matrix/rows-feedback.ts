import { expect } from 'vitest';
import { createHash } from 'node:crypto';
import { tinyPdf } from '../../../infra/local/demo-edition';
import { slotBlobKey } from '../../../shared/feedback/attachment';
import { findFeedbackByCode } from '../../../shared/feedback/feedback-store';
import { requestAttachmentSlot } from '../../../shared/feedback/request-attachment-slot';
import { submitFeedback } from '../../../shared/feedback/submit-feedback';
import { trackingCodeHash } from '../../../shared/feedback/tracking-code';
import { keys } from '../../../shared/store/keys';
import { jsonRequest } from '../accounts';
import { all, type Cell, type Deps, type Expected } from './matrix';
import type { Probe } from './probes';
import type { World } from './world';

/**
 * Residents' feedback (issue 18 §6): anyone sends feedback to an office and tracks it by its code.
 * The cells seed what they need through the use case (no world items of their own), so this table
 * leaves the shared world as it is. One row per route.
 */
let seq = 0;
/** A's (or B's) feedback, sent from an address of its own (the matrix's callers keep theirs for their own limits). */
async function feedbackOfA(w: World, deps: Deps, who: 'INSTA' | 'INSTB' = 'INSTA'): Promise<string> {
  const { trackingCode } = await submitFeedback(deps, {
    institutionId: who === 'INSTA' ? w.institutionA : w.institutionB,
    feedback: { category: 'suggestion', text: `Opinia ${w.mark(who)}` },
    caller: { principal: { kind: 'anonymous' }, ip: `192.0.2.${200 + (seq++ % 50)}`, userAgent: 'matrix' },
  });
  return trackingCode;
}

/** The id of a new feedback of A (or B), for the staff routes. */
async function feedbackIdOf(w: World, deps: Deps, who: 'INSTA' | 'INSTB' = 'INSTA'): Promise<string> {
  const found = await findFeedbackByCode(deps.store, trackingCodeHash(await feedbackOfA(w, deps, who)));
  if (!found) throw new Error('the seeded feedback was not found');
  return found.feedbackId;
}

/** The id of a new feedback of A with a PDF attachment carrying A's marker (sent through the use cases). */
async function feedbackWithAttachmentOfA(w: World, deps: Deps, who: 'INSTA' | 'INSTB' = 'INSTA'): Promise<string> {
  const bytes = tinyPdf(w.mark(who));
  const institutionId = who === 'INSTA' ? w.institutionA : w.institutionB;
  const caller = {
    principal: { kind: 'anonymous' as const },
    ip: `192.0.2.${200 + (seq++ % 50)}`,
    userAgent: 'matrix',
  };
  const { slotId } = await requestAttachmentSlot(deps, {
    institutionId,
    contentType: 'application/pdf',
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    caller,
  });
  await deps.blobs.documents.put(slotBlobKey(slotId), bytes, 'application/pdf', { ifAbsent: true });
  const { trackingCode } = await submitFeedback(deps, {
    institutionId,
    feedback: { category: 'complaint', text: `Opinia z załącznikiem ${w.mark(who)}`, attachmentSlot: slotId },
    caller,
  });
  const found = await findFeedbackByCode(deps.store, trackingCodeHash(trackingCode));
  if (!found) throw new Error('the seeded feedback was not found');
  return found.feedbackId;
}

/** A's staff only: organizers and experts are refused, B's staff get 404 like a missing object. */
const staffOfA = (status: number): Expected => ({
  ...all(403),
  anonymous: 401,
  deactivated: 401,
  memberA: status,
  memberB: 404,
});
const inboxOfA = (w: World) => `/api/institutions/${w.institutionA}/feedback`;

/** A's feedback partition and its status index, B's partition. */
const feedbackOf = (w: World): Probe[] => [
  { kind: 'partition', pk: keys.institutionFeedback(w.institutionA) },
  { kind: 'index', index: 'gsi1', pk: keys.institutionFeedbackByStatus(w.institutionA, 'new') },
  { kind: 'index', index: 'gsi1', pk: keys.institutionFeedbackByStatus(w.institutionA, 'in_progress') },
  { kind: 'partition', pk: keys.institutionFeedback(w.institutionB) },
];

export const feedbackRows: Record<string, Cell> = {
  'POST /api/public/institutions/:institutionId/feedback': {
    sample: (w) => ({
      path: `/api/public/institutions/${w.institutionA}/feedback`,
      init: jsonRequest('POST', { category: 'praise', text: 'Bardzo miła obsługa w okienku.' }),
    }),
    expected: all(201),
    sees: 'nobody',
    touches: feedbackOf,
    shows: (body: { trackingCode: string }) => expect(body.trackingCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/),
  },
  'POST /api/public/institutions/:institutionId/feedback/attachment-slots': {
    sample: (w) => ({
      path: `/api/public/institutions/${w.institutionA}/feedback/attachment-slots`,
      init: jsonRequest('POST', { contentType: 'image/png', size: 1024, sha256: 'a'.repeat(64) }),
    }),
    expected: all(201),
    sees: 'nobody',
    touches: feedbackOf,
    shows: (body: { slotId: string; upload: { method: string } }) => {
      expect(body.slotId).toMatch(/^[0-9a-f]{32}$/);
      expect(body.upload.method).toBe('PUT');
    },
  },
  'GET /api/institutions/:institutionId/feedback/:feedbackId/attachment': {
    sample: async (w, _caller, deps) => ({
      path: `${inboxOfA(w)}/${await feedbackWithAttachmentOfA(w, deps)}/attachment`,
    }),
    expected: staffOfA(200),
    sees: 'own',
    // The bytes are A's file (its contents carry A's marker).
    shows: (file: string, { w }) => expect(file).toContain(w.mark('INSTA')),
  },
  'GET /api/public/feedback/:trackingId': {
    sample: async (w, _caller, deps) => ({ path: `/api/public/feedback/${await feedbackOfA(w, deps)}` }),
    expected: all(200),
    sees: { everything: 'whoever holds the tracking code sees its status and public answer, by design' },
    shows: (body: Record<string, unknown>) => {
      expect(body).toMatchObject({ category: 'suggestion', status: 'new' });
      expect(body).not.toHaveProperty('text');
      expect(body).not.toHaveProperty('privateNote');
    },
  },
  'GET /api/institutions/:institutionId/feedback': {
    sample: async (w, _caller, deps) => {
      await feedbackOfA(w, deps);
      return { path: inboxOfA(w) };
    },
    expected: staffOfA(200),
    sees: 'own',
    shows: (body: { items: { institutionId: string; replyByEmail: boolean }[] }, { w }) => {
      expect(body.items.length).toBeGreaterThan(0);
      expect(new Set(body.items.map((f) => f.institutionId))).toEqual(new Set([w.institutionA]));
    },
  },
  'GET /api/institutions/:institutionId/feedback/stats': {
    sample: (w) => ({ path: `${inboxOfA(w)}/stats` }),
    expected: staffOfA(200),
    sees: 'own',
    shows: (body: { total: number }) => expect(body.total).toBeGreaterThan(0),
  },
  'PUT /api/institutions/:institutionId/feedback/:feedbackId/status': {
    sample: async (w, _caller, deps) => ({
      path: `${inboxOfA(w)}/${await feedbackIdOf(w, deps)}/status`,
      init: jsonRequest('PUT', { from: 'new', to: 'in_progress' }),
    }),
    expected: staffOfA(200),
    sees: 'own',
    touches: feedbackOf,
    shows: (body: { institutionId: string; status: string }, { w }) =>
      expect(body).toMatchObject({ institutionId: w.institutionA, status: 'in_progress' }),
  },
  'PUT /api/institutions/:institutionId/feedback/:feedbackId/answer': {
    sample: async (w, _caller, deps) => ({
      path: `${inboxOfA(w)}/${await feedbackIdOf(w, deps)}/answer`,
      init: jsonRequest('PUT', { publicAnswer: 'Dziękujemy za uwagę.', version: 1 }),
    }),
    expected: staffOfA(200),
    sees: 'own',
    touches: feedbackOf,
    shows: (body: { institutionId: string; publicAnswer: string }, { w }) =>
      expect(body).toMatchObject({ institutionId: w.institutionA, publicAnswer: 'Dziękujemy za uwagę.' }),
  },
};

/** A's institution with B's feedback: even A's staff get 404 (A's partition does not hold it), and nothing changes. */
export const feedbackMixedRows: Record<string, Cell> = {
  'GET /api/institutions/:institutionId/feedback/:feedbackId/attachment — A’s institution, B’s feedback': {
    sample: async (w, _caller, deps) => ({
      path: `${inboxOfA(w)}/${await feedbackWithAttachmentOfA(w, deps, 'INSTB')}/attachment`,
    }),
    expected: staffOfA(404),
    sees: 'own',
  },
  'PUT /api/institutions/:institutionId/feedback/:feedbackId/status — A’s institution, B’s feedback': {
    sample: async (w, _caller, deps) => ({
      path: `${inboxOfA(w)}/${await feedbackIdOf(w, deps, 'INSTB')}/status`,
      init: jsonRequest('PUT', { from: 'new', to: 'closed' }),
    }),
    expected: staffOfA(404),
    sees: 'own',
    touches: feedbackOf,
  },
  'PUT /api/institutions/:institutionId/feedback/:feedbackId/answer — A’s institution, B’s feedback': {
    sample: async (w, _caller, deps) => ({
      path: `${inboxOfA(w)}/${await feedbackIdOf(w, deps, 'INSTB')}/answer`,
      init: jsonRequest('PUT', { privateNote: 'Cudza opinia', version: 1 }),
    }),
    expected: staffOfA(404),
    sees: 'own',
    touches: feedbackOf,
  },
};
