import type { AccessRule } from '../../access/policy';

const ownInstitution: AccessRule = { access: 'roles', roles: ['institution', 'organizer'], ownership: { check: 'ownInstitution', param: 'institutionId' } };
const organizers: AccessRule = { access: 'roles', roles: ['organizer'] };

/**
 * THE access policy: every route registered on the app, keyed "METHOD /path" exactly as registered.
 * The authorize middleware enforces it; a route without a line here is refused (fail closed), and
 * test/unit/access-policy.test.ts fails when a registered route has no rule or a rule has no route.
 */
export const routePolicy: Record<string, AccessRule> = {
  'GET /api/health': { access: 'public' },
  'PUT /api/preferences/language': { access: 'public' },
  'GET /api/openapi.json': { access: 'public' },
  'GET /api/docs': { access: 'public' },
  'GET /api/dev/outbox': { access: 'public' },

  // Accounts and sessions
  'POST /api/auth/login': { access: 'public' },
  'POST /api/auth/logout': { access: 'public' },
  'POST /api/auth/logout-everywhere': { access: 'signedIn' },
  'GET /api/me': { access: 'signedIn' },
  'PUT /api/me': { access: 'signedIn' },
  'POST /api/auth/verify-email': { access: 'public' },
  'POST /api/auth/verify-email/resend': { access: 'public' },
  'POST /api/auth/password-reset': { access: 'public' },
  'POST /api/auth/password-reset/complete': { access: 'public' },
  'POST /api/auth/invitations/accept': { access: 'public' },

  // Institutions: members of the institution itself, and organizers
  'POST /api/institutions': { access: 'public' },
  'GET /api/institutions/:institutionId': ownInstitution,
  'PUT /api/institutions/:institutionId': ownInstitution,
  'GET /api/institutions/:institutionId/members': ownInstitution,
  'POST /api/institutions/:institutionId/members': ownInstitution,

  // Organizers only
  'GET /api/users': organizers,
  'POST /api/experts': organizers,
  'POST /api/users/:userId/deactivate': organizers,
  'POST /api/users/:userId/reactivate': organizers,
  'GET /api/audit': organizers,
};
