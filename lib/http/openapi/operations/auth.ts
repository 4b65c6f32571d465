import { z } from 'zod';
import { ZCreateApiKey, ZCreateInvite, ZSignIn, ZUpdateUser } from '@/lib/auth/schemas';
import { defineOperations } from '../registry';

/**
 * The identity routes (lib/auth, docs/decisions/010-013). Their answers are
 * described here from the summaries lib/auth returns.
 */
const ZRole = z.enum(['ADMIN', 'OPERATOR', 'VIEWER']);
const ZOrgRole = z.enum(['MANUFACTURER', 'DISTRIBUTOR', 'PHARMACY', 'REGULATOR']);
const ZId = { id: { description: 'Id (UUID).', schema: z.uuid() } };

const ZApiKey = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().meta({ description: 'The visible start of the key (ptk_ and 8 characters).' }),
    role: ZRole,
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });
const ZUser = z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: ZRole, active: z.boolean(), createdAt: z.string(), lastSignInAt: z.string().nullable() }).meta({ id: 'User' });
const ZInvite = z.object({ id: z.uuid(), email: z.string(), role: ZRole, createdAt: z.string(), createdBy: z.string().nullable(), expiresAt: z.string() }).meta({ id: 'Invite' });
const ZOrganisationRef = z.object({ id: z.uuid(), name: z.string(), role: ZOrgRole });

export const AUTH_OPERATIONS = defineOperations([
  {
    method: 'post',
    path: '/api/v1/session',
    operationId: 'signIn',
    summary: 'Sign in; the session comes back as the HttpOnly cookie pt_session only',
    tags: ['identity'],
    auth: 'public',
    body: { schema: ZSignIn },
    responses: { 200: { description: 'Signed in.', schema: z.object({ user: z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: ZRole }), organisation: ZOrganisationRef, expiresAt: z.string() }) } },
    problems: [401, 403, 422, 429],
  },
  { method: 'delete', path: '/api/v1/session', operationId: 'signOut', summary: 'Sign out (ends the session everywhere)', tags: ['identity'], auth: 'public', responses: { 204: { description: 'Signed out.' } } },
  {
    method: 'get',
    path: '/api/v1/me',
    operationId: 'getMe',
    summary: 'The caller, its organisation and its permissions',
    tags: ['identity'],
    auth: 'org:read',
    responses: { 200: { description: 'The caller.', schema: z.object({ kind: z.enum(['user', 'apiKey']), role: ZRole, organisation: ZOrganisationRef.extend({ gln: z.string(), country: z.string() }), permissions: z.array(z.string()) }).loose() } },
  },
  { method: 'get', path: '/api/v1/api-keys', operationId: 'listApiKeys', summary: "The organisation's API keys (never their secrets)", tags: ['identity'], auth: 'keys:manage', responses: { 200: { description: 'Keys.', schema: z.object({ items: z.array(ZApiKey) }) } } },
  {
    method: 'post',
    path: '/api/v1/api-keys',
    operationId: 'createApiKey',
    summary: 'Create an API key; the answer is the only time the key is shown',
    tags: ['identity'],
    auth: 'keys:manage',
    body: { schema: ZCreateApiKey },
    responses: { 201: { description: 'The key.', schema: ZApiKey.extend({ key: z.string() }) } },
    problems: [422],
  },
  { method: 'delete', path: '/api/v1/api-keys/{id}', operationId: 'revokeApiKey', summary: 'Revoke an API key (idempotent)', tags: ['identity'], auth: 'keys:manage', params: ZId, responses: { 200: { description: 'The revoked key.', schema: ZApiKey } }, problems: [404] },
  { method: 'get', path: '/api/v1/users', operationId: 'listUsers', summary: 'The people of the organisation', tags: ['identity'], auth: 'users:manage', responses: { 200: { description: 'People.', schema: z.object({ items: z.array(ZUser) }) } } },
  {
    method: 'patch',
    path: '/api/v1/users/{id}',
    operationId: 'updateUser',
    summary: 'Deactivate, reactivate or change the role of a colleague',
    tags: ['identity'],
    auth: 'users:manage',
    params: ZId,
    body: { schema: ZUpdateUser },
    responses: { 200: { description: 'The person.', schema: ZUser } },
    problems: [404, 409, 422],
  },
  { method: 'get', path: '/api/v1/invites', operationId: 'listInvites', summary: 'Invites waiting to be accepted', tags: ['identity'], auth: 'users:manage', responses: { 200: { description: 'Invites.', schema: z.object({ items: z.array(ZInvite) }) } } },
  {
    method: 'post',
    path: '/api/v1/invites',
    operationId: 'createInvite',
    summary: 'Invite a colleague; the answer carries the link, shown this once',
    tags: ['identity'],
    auth: 'users:manage',
    body: { schema: ZCreateInvite },
    responses: { 201: { description: 'The invite.', schema: ZInvite.extend({ link: z.string() }) } },
    problems: [409, 422],
  },
  { method: 'delete', path: '/api/v1/invites/{id}', operationId: 'revokeInvite', summary: 'Withdraw a pending invite', tags: ['identity'], auth: 'users:manage', params: ZId, responses: { 204: { description: 'Withdrawn.' } }, problems: [404] },
]);
