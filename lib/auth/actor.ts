/**
 * Who is making a request. Every route and server action resolves one of
 * these first (lib/auth/resolve-actor.ts) and hands it to the domain, which
 * asks lib/auth/permissions.ts what it may do.
 */
export type TOrgRole = 'MANUFACTURER' | 'DISTRIBUTOR' | 'PHARMACY' | 'REGULATOR';

export type TUserRole = 'ADMIN' | 'OPERATOR' | 'VIEWER';

export const ORG_ROLES = ['MANUFACTURER', 'DISTRIBUTOR', 'PHARMACY', 'REGULATOR'] as const satisfies readonly TOrgRole[];

export const USER_ROLES = ['ADMIN', 'OPERATOR', 'VIEWER'] as const satisfies readonly TUserRole[];

/** The organisation an actor belongs to, as its events' records name it (lib/events recorderOf). */
export type TActorOrg = { orgId: string; orgRole: TOrgRole; orgName: string; orgGln: string; orgCountry: string };

export type TActor =
  | { kind: 'anonymous' }
  | (TActorOrg & {
      kind: 'user';
      userId: string;
      userRole: TUserRole;
      email: string;
      name: string;
      /** The session row's id (SHA-256 of the cookie token), never the token itself. */
      sessionId: string;
    })
  | (TActorOrg & { kind: 'apiKey'; keyId: string; userRole: TUserRole });

/** The columns of TActorOrgRow, for a statement that joins `organisations o`: every way of resolving an actor selects them. */
export const ACTOR_ORG_COLUMNS = 'o.id AS org_id, o.role AS org_role, o.name AS org_name, o.gln AS org_gln, o.country AS org_country';

export type TActorOrgRow = { org_id: string; org_role: TOrgRole; org_name: string; org_gln: string; org_country: string };

export function actorOrgOf(row: TActorOrgRow): TActorOrg {
  return { orgId: row.org_id, orgRole: row.org_role, orgName: row.org_name, orgGln: row.org_gln, orgCountry: row.org_country };
}

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
