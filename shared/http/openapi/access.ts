import type { AccessRule, OwnershipName } from '../../access/policy';
import { roles as allRoles } from '../../access/principal';
import { accessErrors } from '../schemas';
import type { ResponseSpec } from './describe';

/** The security scheme of the session cookie in `components.securitySchemes`. */
export const SESSION_SCHEME = 'session';

const ownershipWords: Record<OwnershipName, string> = {
  ownInstitution: 'members of that institution',
  ownApplication: 'members of the institution that owns the application',
  chapterMember: 'experts on that edition’s chapter',
  chapterChair: 'the chair of that edition’s chapter',
};

export interface OperationAccess {
  /** 401/403/404 as the policy decides them (shared/access/policy.ts `decide`). */
  responses: Record<number, ResponseSpec>;
  security: Record<string, string[]>[];
  /** One line for the operation's description: who may call it. */
  note: string;
}

/**
 * What the route policy means for one operation, so the document says it once, from the table the
 * `authorize` middleware enforces: 401 when the rule needs a signed-in account, 403 when some signed-in
 * role is refused, 404 when the rule checks ownership or the path names an object that may not exist.
 * A route missing from the table is refused to everyone (fail closed).
 */
export function operationAccess(rule: AccessRule | undefined, templated: boolean): OperationAccess {
  const notFound: Record<number, ResponseSpec> = templated ? { 404: accessErrors[404] } : {};
  if (!rule)
    return {
      responses: { 403: accessErrors[403] },
      security: [{ [SESSION_SCHEME]: [] }],
      note: 'No rule in the policy table: refused.',
    };
  if (rule.access === 'public') return { responses: notFound, security: [], note: 'Access: anyone.' };
  const signedIn = [{ [SESSION_SCHEME]: [] }];
  if (rule.access === 'signedIn')
    return {
      responses: { 401: accessErrors[401], ...notFound },
      security: signedIn,
      note: 'Access: any signed-in account.',
    };
  const someRefused = allRoles.some((r) => !rule.roles.includes(r));
  const ownership = rule.ownership;
  const who = rule.roles.join(', ');
  const note = ownership
    ? `Access: ${who}; ${rule.roles.includes('organizer') ? 'an organizer always, others only as ' : 'only '}${ownershipWords[ownership.check]} (\`${ownership.param}\`), 404 otherwise.`
    : `Access: ${who}.`;
  const responses: Record<number, ResponseSpec> = { 401: accessErrors[401] };
  if (someRefused) responses[403] = accessErrors[403];
  if (ownership || templated) responses[404] = accessErrors[404];
  return { responses, security: signedIn, note };
}
