/**
 * Who is making a request. Every route and server action resolves one of
 * these first (lib/auth/resolve-actor.ts) and hands it to the domain, which
 * asks lib/auth/permissions.ts what it may do.
 */
export type TOrgRole = 'MANUFACTURER' | 'DISTRIBUTOR' | 'PHARMACY' | 'REGULATOR';

export type TUserRole = 'ADMIN' | 'OPERATOR' | 'VIEWER';

export const ORG_ROLES = ['MANUFACTURER', 'DISTRIBUTOR', 'PHARMACY', 'REGULATOR'] as const satisfies readonly TOrgRole[];

export const USER_ROLES = ['ADMIN', 'OPERATOR', 'VIEWER'] as const satisfies readonly TUserRole[];

export type TActor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      orgId: string;
      orgRole: TOrgRole;
      userRole: TUserRole;
      email: string;
      name: string;
      orgName: string;
      orgGln: string;
      orgCountry: string;
      /** The session row's id (SHA-256 of the cookie token), never the token itself. */
      sessionId: string;
    }
  | { kind: 'apiKey'; keyId: string; orgId: string; orgRole: TOrgRole; userRole: TUserRole; orgName: string; orgGln: string; orgCountry: string };

/** An actor that belongs to an organisation: a signed-in user or an API key. */
export type TOrgActor = Exclude<TActor, { kind: 'anonymous' }>;

export const ANONYMOUS: TActor = Object.freeze({ kind: 'anonymous' });

export function isOrgActor(actor: TActor): actor is TOrgActor {
  return actor.kind !== 'anonymous';
}

/** The ids an audit record names as the actor. */
export function auditActorIds(actor: TOrgActor): { actorUserId: string | null; actorKeyId: string | null } {
  return actor.kind === 'user' ? { actorUserId: actor.userId, actorKeyId: null } : { actorUserId: null, actorKeyId: actor.keyId };
}
