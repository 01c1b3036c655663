import { expect } from 'vitest';
import { keys } from '../../../shared/store/keys';
import { jsonRequest } from '../accounts';
import { requestUpload } from '../../../shared/applications/request-upload';
import { callerFor, pdfBytes, sha256Of } from '../applications';
import { all, applicantA, type Cell, type Deps, organizerOnly, ownApplicationA } from './matrix';
import { probe } from './probes';
import type { World } from './world';

/** Applications, their sections and attachments, the formal check and the local upload: one row per route. */
const headerVersion = async (deps: Deps, applicationId: string) =>
  (await deps.store.get<{ version: number }>(keys.application(applicationId), { consistent: true }))?.version ?? 0;
const post =
  (path: (w: World) => string, body: () => unknown = () => ({})) =>
  (w: World) => ({
    path: path(w),
    init: jsonRequest('POST', body()),
  });
const del = (path: string) => ({
  path,
  init: { method: 'DELETE', headers: { origin: 'https://konkurs.example.org' } },
});
/** A's draft and everything under it: the items, the files, the audit trail. */
const appAandFiles = (w: World) => [...probe.application(w.appA), ...probe.attachmentsOfA(w)];

export const applicationRows: Record<string, Cell> = {
  'GET /api/applications/:applicationId': {
    sample: (w) => ({ path: `/api/applications/${w.appA}` }),
    expected: ownApplicationA(200),
    sees: 'own',
    shows: (
      body: { application: { applicationId: string; institutionId: string }; attachments: { attachmentId: string }[] },
      { w },
    ) => {
      expect(body.application.applicationId).toBe(w.appA);
      expect(body.application.institutionId).toBe(w.institutionA);
      const mine = [w.readyAttachment, w.pendingAttachment, w.removableAttachment];
      expect(body.attachments.filter((a) => !mine.includes(a.attachmentId))).toEqual([]);
    },
  },
  'PUT /api/applications/:applicationId/sections/:sectionId': {
    sample: async (w, _caller, deps) => {
      const section = await deps.store.get<{ version: number }>(keys.section(w.appA, 'staff'), { consistent: true });
      return {
        path: `/api/applications/${w.appA}/sections/staff`,
        init: jsonRequest('PUT', { answers: { staff_trainings: 3 }, version: section?.version ?? 0 }),
      };
    },
    expected: applicantA(200),
    sees: 'own',
    touches: appAandFiles,
  },
  'POST /api/applications/:applicationId/submit': {
    sample: async (w, _caller, deps) => ({
      path: `/api/applications/${w.appSubmit}/submit`,
      init: jsonRequest('POST', { version: await headerVersion(deps, w.appSubmit) }),
    }),
    expected: applicantA(200),
    sees: 'own',
    touches: (w) => [...probe.application(w.appSubmit), ...probe.edition(w.third)],
  },
  'POST /api/applications/:applicationId/withdraw': {
    sample: async (w, _caller, deps) => ({
      path: `/api/applications/${w.appSubmit}/withdraw`,
      init: jsonRequest('POST', { version: await headerVersion(deps, w.appSubmit) }),
    }),
    expected: applicantA(200),
    sees: 'own',
    touches: (w) => [...probe.application(w.appSubmit), ...probe.edition(w.third)],
  },
  'POST /api/applications/:applicationId/attachments': {
    sample: post(
      (w) => `/api/applications/${w.appA}/attachments`,
      () => ({ questionId: 'documents_other', fileName: 'zdjecie.png', size: 2048, sha256: 'ab'.repeat(32) }),
    ),
    expected: applicantA(201),
    sees: 'own',
    touches: appAandFiles,
  },
  'POST /api/applications/:applicationId/attachments/:attachmentId/complete': {
    sample: post((w) => `/api/applications/${w.appA}/attachments/${w.pendingAttachment}/complete`),
    expected: applicantA(200),
    sees: 'own',
    touches: appAandFiles,
    shows: (body: { attachmentId: string; status: string }, { w }) => {
      expect(body.attachmentId).toBe(w.pendingAttachment);
      expect(body.status).toBe('ready');
    },
  },
  'GET /api/applications/:applicationId/attachments/:attachmentId': {
    sample: (w) => ({ path: `/api/applications/${w.appA}/attachments/${w.readyAttachment}` }),
    expected: ownApplicationA(200),
    sees: 'own',
    // The bytes are A's file (its contents carry A's marker).
    shows: (file: string, { w }) => expect(file).toContain(w.mark('INSTA')),
  },
  'DELETE /api/applications/:applicationId/attachments/:attachmentId': {
    sample: (w) => del(`/api/applications/${w.appA}/attachments/${w.removableAttachment}`),
    expected: applicantA(204),
    sees: 'own',
    touches: appAandFiles,
  },
  'POST /api/applications/:applicationId/formal-check': {
    sample: async (w, _caller, deps) => ({
      path: `/api/applications/${w.appFormal}/formal-check`,
      init: jsonRequest('POST', { decision: 'accept', version: await headerVersion(deps, w.appFormal) }),
    }),
    expected: organizerOnly(200),
    sees: 'own',
    touches: (w) => [...probe.application(w.appFormal), ...probe.edition(w.third)],
  },
  'PUT /api/uploads/:token': {
    // The link is the authority (whoever holds it may use it, once): a fresh link for every cell.
    sample: async (w, _caller, deps) => {
      const body = Uint8Array.from(pdfBytes(w.mark('INSTA')));
      const { upload } = await requestUpload(
        deps,
        w.uploadApp,
        { questionId: 'documents_other', fileName: 'plik.pdf', size: body.length, sha256: sha256Of(body) },
        callerFor(w.users.memberA),
      );
      return { path: upload.url, init: { method: 'PUT', headers: upload.headers, body } };
    },
    expected: all(204),
    sees: 'nobody',
    // The signed token names the one key it may write; a refused upload writes none.
    touches: (w) => probe.application(w.uploadApp),
  },
};
