import type { Principal, Role } from './principal';
import { type ItemKey, keys } from '../store/keys';
import { type Item, type Store, withItemsRead } from '../store/store';
import type { ApplicationHeader } from '../applications/application';
import type { ChapterMember } from '../chapter/chapter';

/**
 * Access rules, one per route (shared/http/routes/policy.ts). Outcomes are chosen consistently
 * (docs/access-control.md):
 *  - 401 when the rule needs a signed-in, active account and there is none (also a deactivated account);
 *  - 403 when the account is signed in but none of its roles may call the route at all;
 *  - 404 when the role may call the route but the object is not theirs (another institution's
 *    application answers exactly like one that does not exist — existence never leaks).
 */
export type OwnershipName = 'ownInstitution' | 'ownApplication' | 'chapterMember' | 'chapterChair';

export type AccessRule =
  | { access: 'public' }
  | { access: 'signedIn' }
  | { access: 'roles'; roles: readonly Role[]; ownership?: { check: OwnershipName; param: string } };

export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden' | 'notFound';

/**
 * What an ownership check read to decide, kept for the route (one read, not two): the application
 * header of `ownApplication`, the caller's membership of `chapterMember`. Filled per request by `authorize`.
 */
export interface Loaded {
  application?: ApplicationHeader;
  member?: ChapterMember;
  /** The items read with the session ({@link ReadsBeside}): the check takes its item from them. */
  read?: ReadonlyMap<string, Item | null>;
}

/**
 * Items to read in the session's BatchGet (the route's ownership item, {@link ownershipReads}) and,
 * once the session holds, what was read: filled by the principal resolver, which may ignore it.
 */
export interface ReadsBeside {
  keys: (userId: string) => ItemKey[];
  read?: ReadonlyMap<string, Item | null>;
}

const applicationIdPattern = /^[0-9A-Za-z_-]{1,64}$/;
const editionIdPattern = /^[0-9A-Za-z]{1,64}$/;

const memberItem = (userId: string, editionId: string) =>
  editionIdPattern.test(editionId) ? keys.chapterMember(editionId, userId) : null;

/** The item each check reads, from the caller's account and the route parameter (null: nothing to read). */
const ownershipItem: Record<OwnershipName, (userId: string, value: string) => ItemKey | null> = {
  ownInstitution: () => null,
  ownApplication: (_userId, applicationId) =>
    applicationIdPattern.test(applicationId) ? keys.application(applicationId) : null,
  chapterMember: memberItem,
  chapterChair: memberItem,
};

/**
 * What a route's ownership check will read, to read it with the session (one round trip, not two;
 * docs/access-control.md). The keys come from the account the session cookie names, before the
 * session is verified; the items are used only once it is, and only for that account's check.
 */
export function ownershipReads(
  rule: AccessRule | undefined,
  params: Record<string, string | undefined>,
): ReadsBeside | undefined {
  if (rule?.access !== 'roles' || !rule.ownership) return undefined;
  const { check, param } = rule.ownership;
  const value = params[param];
  if (value === undefined || check === 'ownInstitution') return undefined;
  return {
    keys: (userId) => {
      const key = ownershipItem[check](userId, value);
      return key ? [key] : [];
    },
  };
}

/** Ownership checks by name: given the principal and the route parameter's value, is it theirs? */
export type OwnershipChecks = Record<
  OwnershipName,
  (principal: Extract<Principal, { kind: 'user' }>, value: string, loaded: Loaded) => Promise<boolean> | boolean
>;

const ownInstitution = (principal: Extract<Principal, { kind: 'user' }>, institutionId: string) =>
  principal.institutionId !== undefined && principal.institutionId === institutionId;

/** Checks that need no data (tests of the policy alone); `ownApplication` then answers "not yours". */
export const ownershipChecks: OwnershipChecks = {
  ownInstitution,
  ownApplication: () => false,
  chapterMember: () => false,
  chapterChair: () => false,
};

/**
 * The app's checks: an application is the caller's when its header names the caller's institution.
 * The stores are imported on the first check that needs them, not with the app: every request passes
 * the authorization middleware, and most never check ownership (in the api's split bundle each is a
 * chunk of its own; docs/performance.md).
 */
export function ownershipChecksFor(store: Store): OwnershipChecks {
  const findHeader = async (...args: Parameters<typeof import('../applications/application-read-store').findHeader>) =>
    (await import('../applications/application-read-store')).findHeader(...args);
  const findMember = async (...args: Parameters<typeof import('../chapter/member-store').findMember>) =>
    (await import('../chapter/member-store')).findMember(...args);
  // The items read with the session answer the check's own read (strongly consistent, like it).
  const storeFor = (loaded: Loaded) => (loaded.read ? withItemsRead(store, loaded.read) : store);
  return {
    ownInstitution,
    ownApplication: async (principal, applicationId, loaded) => {
      if (!principal.institutionId || !applicationIdPattern.test(applicationId)) return false;
      // Strongly consistent: the route hands this header to the use case as its own read (a status just
      // changed, e.g. by a submit a moment ago, must show).
      const header = await findHeader(storeFor(loaded), applicationId, true);
      if (header?.institutionId !== principal.institutionId) return false;
      loaded.application = header;
      return true;
    },
    // An expert acts in an edition only while on its chapter.
    chapterMember: async (principal, editionId, loaded) => {
      if (!editionIdPattern.test(editionId)) return false;
      const member = await findMember(storeFor(loaded), editionId, principal.userId);
      if (!member) return false;
      loaded.member = member;
      return true;
    },
    // The chapter's chair reads what the chapter decides on (issue 14 §3), read-only.
    chapterChair: async (principal, editionId, loaded) => {
      if (!editionIdPattern.test(editionId)) return false;
      const member = await findMember(storeFor(loaded), editionId, principal.userId);
      if (!member?.chair) return false;
      loaded.member = member;
      return true;
    },
  };
}

export async function decide(
  rule: AccessRule,
  principal: Principal,
  params: Record<string, string | undefined>,
  checks: OwnershipChecks = ownershipChecks,
  loaded: Loaded = {},
): Promise<AccessDecision> {
  if (rule.access === 'public') return 'allow';
  if (principal.kind !== 'user' || !principal.active) return 'unauthenticated';
  if (rule.access === 'signedIn') return 'allow';
  // Organizers may do everything about an edition (DESIGN.md §3), but only where the rule names them.
  const granted = rule.roles.filter((r) => principal.roles.includes(r));
  if (granted.length === 0) return 'forbidden';
  if (!rule.ownership || granted.includes('organizer')) return 'allow';
  const value = params[rule.ownership.param];
  if (value === undefined) return 'notFound';
  return (await checks[rule.ownership.check](principal, value, loaded)) ? 'allow' : 'notFound';
}
