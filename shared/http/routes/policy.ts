import type { AccessRule } from '../../access/policy';

// Shared rule objects rather than a literal per route: every request loads this table (issue 17).
const anyone: AccessRule = { access: 'public' };
const signedIn: AccessRule = { access: 'signedIn' };
const ownInstitution: AccessRule = {
  access: 'roles',
  roles: ['institution', 'organizer'],
  ownership: { check: 'ownInstitution', param: 'institutionId' },
};
const organizers: AccessRule = { access: 'roles', roles: ['organizer'] };
const ownApplication: AccessRule = {
  access: 'roles',
  roles: ['institution', 'organizer'],
  ownership: { check: 'ownApplication', param: 'applicationId' },
};
/** Changes to an application: its institution only — organizers read applications but never answer for one. */
const applicant: AccessRule = { ...ownApplication, roles: ['institution'] };
const institutionsOnly: AccessRule = { access: 'roles', roles: ['institution'] };
/** An institution's own surveys: its staff, never an organizer (issue 18 §Access). */
const ownSurveys: AccessRule = { ...ownInstitution, roles: ['institution'] };
/** An institution's residents' feedback: its staff, never an organizer nor another office (issue 18 §6). */
const ownFeedback: AccessRule = { ...ownInstitution, roles: ['institution'] };
const experts: AccessRule = { access: 'roles', roles: ['expert'] };
/** An expert's own work in an edition: only while on its chapter (404 otherwise, like a missing edition). */
const chapterMember: AccessRule = {
  access: 'roles',
  roles: ['expert'],
  ownership: { check: 'chapterMember', param: 'editionId' },
};

/** The deliberation table: organizers, and the chair of the edition's chapter (read-only). */
const organizersAndChair: AccessRule = {
  access: 'roles',
  roles: ['organizer', 'expert'],
  ownership: { check: 'chapterChair', param: 'editionId' },
};

/**
 * THE access policy: every route registered on the app, keyed "METHOD /path" exactly as registered.
 * The authorize middleware enforces it; a route without a line here is refused (fail closed), and
 * test/unit/access-policy.test.ts fails when a registered route has no rule or a rule has no route.
 */
export const routePolicy: Record<string, AccessRule> = {
  'GET /api/health': anyone,
  'PUT /api/preferences/language': anyone,
  'GET /api/openapi.json': anyone,
  'GET /api/docs': anyone,
  'GET /api/dev/outbox': anyone,

  // Accounts and sessions
  'POST /api/auth/login': anyone,
  'POST /api/auth/logout': anyone,
  'POST /api/auth/logout-everywhere': signedIn,
  'GET /api/me': signedIn,
  'PUT /api/me': signedIn,
  'POST /api/auth/verify-email': anyone,
  'POST /api/auth/verify-email/resend': anyone,
  'POST /api/auth/password-reset': anyone,
  'POST /api/auth/password-reset/complete': anyone,
  'POST /api/auth/invitations/accept': anyone,

  // Institutions: members of the institution itself, and organizers
  'POST /api/institutions': anyone,
  'GET /api/institutions/:institutionId': ownInstitution,
  'PUT /api/institutions/:institutionId': ownInstitution,
  'GET /api/institutions/:institutionId/members': ownInstitution,
  'POST /api/institutions/:institutionId/members': ownInstitution,
  'GET /api/institutions/:institutionId/applications': ownInstitution,

  // Editions: everyone signed in reads (drafts only organizers, in the use case); organizers change
  'GET /api/editions': signedIn,
  'GET /api/editions/:editionId': signedIn,
  'POST /api/editions': organizers,
  'PUT /api/editions/:editionId': organizers,
  'PUT /api/editions/:editionId/rubric': organizers,
  'PUT /api/editions/:editionId/questionnaire': organizers,
  'POST /api/editions/:editionId/transitions': organizers,
  'POST /api/editions/:editionId/clone': organizers,
  'GET /api/editions/:editionId/extensions': organizers,
  'POST /api/editions/:editionId/extensions': organizers,
  'GET /api/editions/:editionId/applications': organizers,
  'GET /api/editions/:editionId/application-counts': organizers,
  'GET /api/editions/:editionId/exports': organizers,
  'POST /api/editions/:editionId/exports': organizers,
  'GET /api/editions/:editionId/exports/:exportId': organizers,
  'GET /api/editions/:editionId/exports/:exportId/file': organizers,

  // Chapter and assignment: organizers
  'GET /api/editions/:editionId/chapter': organizers,
  'PUT /api/editions/:editionId/chapter/:userId': organizers,
  'DELETE /api/editions/:editionId/chapter/:userId': organizers,
  'GET /api/editions/:editionId/assignment-settings': organizers,
  'PUT /api/editions/:editionId/assignment-settings': organizers,
  'GET /api/editions/:editionId/conflicts': organizers,
  'POST /api/editions/:editionId/conflicts': organizers,
  'DELETE /api/editions/:editionId/conflicts/:userId/:institutionId': organizers,
  'GET /api/editions/:editionId/assignment': organizers,
  'POST /api/editions/:editionId/assignment/preview': organizers,
  'POST /api/editions/:editionId/assignment/commit': organizers,
  'POST /api/editions/:editionId/assignment/pairs': organizers,
  'DELETE /api/editions/:editionId/assignment/pairs/:applicationId/:userId': organizers,
  'PUT /api/editions/:editionId/assignment/pairs/:applicationId/:userId/lock': organizers,
  'POST /api/editions/:editionId/assignment/swap': organizers,

  // Experts: their own chapters, assignments, bids and declarations — never other experts'
  'GET /api/expert/editions': experts,
  'GET /api/expert/editions/:editionId/assignments': chapterMember,
  'GET /api/expert/editions/:editionId/bidding': chapterMember,
  'PUT /api/expert/editions/:editionId/bids/:applicationId': chapterMember,
  'POST /api/expert/editions/:editionId/conflicts': chapterMember,
  // Scoring: the use cases narrow to the caller's committed, unflagged pairs (404 otherwise)
  'GET /api/expert/editions/:editionId/reviews': chapterMember,
  'GET /api/expert/editions/:editionId/reviews/:applicationId': chapterMember,
  'PUT /api/expert/editions/:editionId/reviews/:applicationId': chapterMember,
  'POST /api/expert/editions/:editionId/reviews/:applicationId/submit': chapterMember,
  'GET /api/expert/editions/:editionId/reviews/:applicationId/attachments/:attachmentId': chapterMember,
  'POST /api/expert/editions/:editionId/reviews/:applicationId/evidence': chapterMember,
  'POST /api/expert/editions/:editionId/reviews/:applicationId/evidence/:fileId/complete': chapterMember,
  'GET /api/expert/editions/:editionId/reviews/:applicationId/evidence/:fileId': chapterMember,
  'DELETE /api/expert/editions/:editionId/reviews/:applicationId/evidence/:fileId': chapterMember,
  // Scoring as the organizer follows it
  'GET /api/editions/:editionId/scoring': organizers,
  'GET /api/editions/:editionId/scoring/applications/:applicationId/sheets': organizers,
  'POST /api/editions/:editionId/scoring/applications/:applicationId/sheets/:expertId/reopen': organizers,
  'POST /api/editions/:editionId/scoring/applications/:applicationId/reconsider': organizers,

  // Results (issue 14): organizers deliberate and publish; everyone reads what was published;
  // an institution reads only its own result and history
  'GET /api/editions/:editionId/results': organizersAndChair,
  'PUT /api/editions/:editionId/results/method': organizers,
  'PUT /api/editions/:editionId/results/decisions/:applicationId': organizers,
  'POST /api/editions/:editionId/results/lock': organizers,
  'POST /api/editions/:editionId/results/unlock': organizers,
  'POST /api/editions/:editionId/results/publish': organizers,
  'POST /api/editions/:editionId/results/corrections': organizers,
  'GET /api/public/results': anyone,
  'GET /api/public/results/:editionId': anyone,
  'GET /api/public/results/:editionId/versions/:version': anyone,
  'GET /api/applications/:applicationId/result': ownApplication,
  'GET /api/institutions/:institutionId/results': ownInstitution,

  // Certificates (issue 15): organizers issue, revoke and re-issue; an institution downloads only its own
  // (the code is taken from its application, never from the request); anyone verifies (rate-limited)
  'GET /api/editions/:editionId/certificates': organizers,
  'POST /api/editions/:editionId/certificates': organizers,
  'GET /api/editions/:editionId/certificates/archive': organizers,
  'PUT /api/editions/:editionId/certificates/signatories': organizers,
  'POST /api/certificates/:code/revoke': organizers,
  'POST /api/certificates/:code/reissue': organizers,
  'GET /api/applications/:applicationId/certificate': ownApplication,
  'GET /api/applications/:applicationId/certificate/files/:file': ownApplication,
  'GET /api/public/certificates/:code': anyone,
  'GET /api/public/credentials/issuer': anyone,
  'GET /api/public/credentials/jwks': anyone,
  'GET /api/public/credentials/jwks/:kid': anyone,
  'GET /api/public/credentials/status/:editionId': anyone,

  // Residents' surveys (issue 18): the institution's staff only — organizers see survey results only
  // as evidence an application attaches or in an opted-in measurement; residents answer anonymously
  'GET /api/institutions/:institutionId/surveys': ownSurveys,
  'POST /api/institutions/:institutionId/surveys': ownSurveys,
  'GET /api/institutions/:institutionId/surveys/:surveyId/results': ownSurveys,
  'GET /api/institutions/:institutionId/surveys/:surveyId/poster.pdf': ownSurveys,
  'GET /api/institutions/:institutionId/surveys/:surveyId/comments': ownSurveys,
  'PUT /api/institutions/:institutionId/surveys/:surveyId/comments/:answerId/hidden': ownSurveys,
  'GET /api/institutions/:institutionId/surveys/:surveyId/results.xlsx': ownSurveys,
  'GET /api/public/surveys/:surveyId': anyone,
  'POST /api/public/surveys/:surveyId/answers': anyone,
  // Residents' feedback (issue 18 §6): anyone sends and tracks by code (both rate-limited).
  'POST /api/public/institutions/:institutionId/feedback': anyone,
  'GET /api/public/feedback/:trackingId': anyone,
  'GET /api/institutions/:institutionId/feedback': ownFeedback,
  'GET /api/institutions/:institutionId/feedback/stats': ownFeedback,
  'PUT /api/institutions/:institutionId/feedback/:feedbackId/status': ownFeedback,
  'PUT /api/institutions/:institutionId/feedback/:feedbackId/answer': ownFeedback,
  // The optional attachment (issue 18 §6): anyone gets a slot (rate-limited); only the office's staff download.
  'POST /api/public/institutions/:institutionId/feedback/attachment-slots': anyone,
  'GET /api/institutions/:institutionId/feedback/:feedbackId/attachment': ownFeedback,
  // The standard measurement (issue 18 §4): organizers run it and see figures only of institutions that
  // opted in; each institution's staff opt in or out; anyone reads a published ranking.
  'GET /api/measurements': organizers,
  'POST /api/measurements': organizers,
  'GET /api/measurements/:year': organizers,
  'GET /api/measurements/:year/preview': organizers,
  'POST /api/measurements/:year/publish': organizers,
  'GET /api/institutions/:institutionId/measurements': ownSurveys,
  'PUT /api/institutions/:institutionId/measurements/:year/participation': ownSurveys,
  'GET /api/public/measurements/:year': { access: 'public' },

  // Applications: the institution's own (checked against the stored header), and organizers
  'POST /api/editions/:editionId/applications': institutionsOnly,
  'GET /api/applications/:applicationId': ownApplication,
  'PUT /api/applications/:applicationId/sections/:sectionId': applicant,
  'POST /api/applications/:applicationId/submit': applicant,
  'POST /api/applications/:applicationId/withdraw': applicant,
  'POST /api/applications/:applicationId/attachments': applicant,
  'POST /api/applications/:applicationId/attachments/:attachmentId/complete': applicant,
  'GET /api/applications/:applicationId/attachments/:attachmentId': ownApplication,
  'DELETE /api/applications/:applicationId/attachments/:attachmentId': applicant,
  'POST /api/applications/:applicationId/formal-check': organizers,
  /** The signed upload token is the authorization (local mode; 404 in the cloud). */
  'PUT /api/uploads/:token': anyone,

  // Organizers only
  'GET /api/users': organizers,
  'POST /api/experts': organizers,
  'POST /api/users/:userId/deactivate': organizers,
  'POST /api/users/:userId/reactivate': organizers,
  'GET /api/audit': organizers,
};
