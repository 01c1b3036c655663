import { expect } from 'vitest';
import { submitFeedback } from '../../../shared/feedback/submit-feedback';
import { keys } from '../../../shared/store/keys';
import { jsonRequest } from '../accounts';
import { all, type Cell, type Deps } from './matrix';
import type { Probe } from './probes';
import type { World } from './world';

/**
 * Residents' feedback (issue 18 §6): anyone sends feedback to an office and tracks it by its code.
 * The cells seed what they need through the use case (no world items of their own), so this table
 * leaves the shared world as it is. One row per route.
 */
let seq = 0;
/** A's feedback, sent from an address of its own (the matrix's callers keep theirs for their own limits). */
async function feedbackOfA(w: World, deps: Deps): Promise<string> {
  const { trackingCode } = await submitFeedback(deps, {
    institutionId: w.institutionA,
    feedback: { category: 'suggestion', text: `Opinia ${w.mark('INSTA')}` },
    caller: { principal: { kind: 'anonymous' }, ip: `192.0.2.${200 + (seq++ % 50)}`, userAgent: 'matrix' },
  });
  return trackingCode;
}

/** A's feedback partition and its status index, B's partition. */
const feedbackOf = (w: World): Probe[] => [
  { kind: 'partition', pk: keys.institutionFeedback(w.institutionA) },
  { kind: 'index', index: 'gsi1', pk: keys.institutionFeedbackByStatus(w.institutionA, 'new') },
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
};
