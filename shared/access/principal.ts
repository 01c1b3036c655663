/** Who is calling. Roles come from the account; an institution member also carries their institution. */
export const roles = ['institution', 'expert', 'organizer'] as const;
export type Role = (typeof roles)[number];

export type Principal =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      roles: readonly Role[];
      /** Set for institution members. */
      institutionId?: string;
      /** False for a deactivated account: treated as signed out everywhere. */
      active: boolean;
      /** The session the request came with (absent for principals made in tests). */
      sessionId?: string;
      /** As the session found the account: what an audit entry names the actor by, without another read. */
      email?: string;
      displayName?: string;
    };

export const anonymous: Principal = { kind: 'anonymous' };

/** The resolver until sessions exist: everyone is anonymous, so only public routes answer. */
export const everyoneAnonymous = async (): Promise<Principal> => anonymous;
