import { z } from 'zod';
import { ALERTS_OPERATIONS } from '@/lib/alerts/openapi';
import { CATALOG_OPERATIONS } from '@/lib/catalog/openapi';
import { EVENTS_OPERATIONS } from '@/lib/events/openapi';
import { LEDGER_OPERATIONS } from '@/lib/ledger/openapi';
import { RECALLS_OPERATIONS } from '@/lib/recalls/openapi';
import { VERIFICATION_OPERATIONS } from '@/lib/verification/openapi';
import { WEBHOOKS_OPERATIONS } from '@/lib/webhooks/openapi';
import { AUTH_OPERATIONS } from './operations/auth';
import { META_OPERATIONS } from './operations/meta';
import type { TOperation } from './registry';

/**
 * Every domain's operations. A domain with routes under /api/v1 adds its
 * list here (one import, one spread); openapi.test.ts finds routes that are
 * missing and operations without a route.
 */
export const ALL_OPERATIONS: readonly TOperation[] = [...AUTH_OPERATIONS, ...CATALOG_OPERATIONS, ...EVENTS_OPERATIONS, ...LEDGER_OPERATIONS, ...VERIFICATION_OPERATIONS, ...ALERTS_OPERATIONS, ...RECALLS_OPERATIONS, ...WEBHOOKS_OPERATIONS, ...META_OPERATIONS];

const ZProblem = z
  .object({
    type: z.string().meta({ description: 'URI reference of the problem type: /problems/<code>.' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().meta({ description: 'What went wrong, in a sentence for people.' }),
    code: z.string().meta({ description: 'Stable machine-readable code (e.g. unknown_serial, already_dispensed).' }),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ index: z.number().int().optional(), pointer: z.string().optional(), code: z.string(), detail: z.string() }))
      .optional()
      .meta({ description: 'Every failing item: a refused event by index, a field by JSON Pointer, a CSV line.' }),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details, application/problem+json.' });

const PROBLEM_TEXT: Record<number, string> = {
  400: 'Malformed request',
  401: 'No valid credentials (problem code unauthenticated, session_expired, api_key_invalid)',
  403: 'Not allowed for this account or organisation',
  404: 'Not found, or not yours to see',
  409: 'Conflicts with the current state',
  413: 'Body too large',
  415: 'Unsupported content type',
  422: 'Well-formed but invalid, or refused by a rule (see the problem code)',
  429: 'Too many requests; wait for Retry-After seconds',
  503: 'The database is unavailable; retry shortly',
};

type TJsonSchema = Record<string, unknown>;

/** The OpenAPI 3.1 document of the API (served at GET /api/v1/openapi.json). */
export function buildOpenApiDocument(operations: readonly TOperation[] = ALL_OPERATIONS): Record<string, unknown> {
  const components: Record<string, TJsonSchema> = {};
  const schema = (zod: z.ZodType, io: 'input' | 'output') => toSchema(zod, io, components);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method] = operationObject(op, schema);
  schema(ZProblem, 'output');
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'PharmaTrace API',
      version: '1',
      description: 'Serialization, custody events and the verifiable ledger of the PharmaTrace medicines traceability network. Errors are RFC 9457 problem+json with a stable `code`. Guide: docs/api.md.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    tags: [...new Set(operations.flatMap((op) => op.tags))].map((name) => ({ name })),
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      schemas: components,
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key (ptk_...) in Authorization: Bearer; acts as an operator or viewer of its organisation.' },
        session: { type: 'apiKey', in: 'cookie', name: 'pt_session', description: 'The session cookie set by POST /api/v1/session.' },
      },
    },
  };
}

type TSchemaOf = (zod: z.ZodType, io: 'input' | 'output') => TJsonSchema;

function operationObject(op: TOperation, schema: TSchemaOf): Record<string, unknown> {
  const parameters = [...pathParameters(op, schema), ...queryParameters(op, schema)];
  if (op.idempotent) {
    parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, description: 'Any 1-255 visible ASCII characters: a retry with the same key and body gets the first answer back; with another body, 422 idempotency_key_reused.', schema: { type: 'string', maxLength: 255 } });
  }
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(op.responses)) {
    responses[status] = response.schema ? { description: response.description, content: { 'application/json': { schema: schema(response.schema, 'output') } } } : { description: response.description };
  }
  const problems = op.auth === 'public' ? (op.problems ?? []) : [401, 403, ...(op.problems ?? [])];
  for (const status of [...new Set(problems)].sort()) {
    responses[String(status)] = { description: PROBLEM_TEXT[status] ?? 'Error', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
  }
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: op.tags,
    security: op.auth === 'public' ? [] : op.auth === 'optional' ? [{}, { apiKey: [] }, { session: [] }] : [{ apiKey: [] }, { session: [] }],
    ...(op.auth !== 'public' && op.auth !== 'optional' ? { 'x-permission': op.auth } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(op.body ? { requestBody: requestBody(op.body, schema) } : {}),
    responses,
  };
}

function requestBody(body: NonNullable<TOperation['body']>, schema: TSchemaOf): Record<string, unknown> {
  if ('schema' in body) return { required: true, ...(body.description ? { description: body.description } : {}), content: { 'application/json': { schema: schema(body.schema, 'input') } } };
  return { required: true, description: body.description, content: { [body.contentType]: { schema: { type: 'string' }, ...(body.example ? { example: body.example } : {}) } } };
}

function pathParameters(op: TOperation, schema: TSchemaOf): Record<string, unknown>[] {
  return [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => {
    const param = op.params?.[name as string];
    return { name, in: 'path', required: true, description: param?.description ?? name, schema: param?.schema ? schema(param.schema, 'input') : { type: 'string' } };
  });
}

function queryParameters(op: TOperation, schema: TSchemaOf): Record<string, unknown>[] {
  if (!op.query) return [];
  return Object.entries(op.query.shape).map(([name, member]) => {
    const json = schema(member as z.ZodType, 'input');
    const optional = (member as z.ZodType).safeParse(undefined).success;
    const { description, ...rest } = json;
    return { name, in: 'query', required: !optional, ...(description ? { description } : {}), schema: rest };
  });
}

/** JSON Schema 2020-12 of a zod schema; schemas with a meta id become shared components (first definition wins). */
function toSchema(zod: z.ZodType, io: 'input' | 'output', components: Record<string, TJsonSchema>): TJsonSchema {
  const generated = z.toJSONSchema(zod, { io, target: 'draft-2020-12', unrepresentable: 'any' });
  // zod names shared schemas under #/$defs; in an OpenAPI document they live under #/components/schemas.
  const json = JSON.parse(JSON.stringify(generated).replaceAll('"#/$defs/', '"#/components/schemas/')) as TJsonSchema;
  const { $schema: _dialect, $defs, ...rest } = json;
  for (const [id, definition] of Object.entries(($defs ?? {}) as Record<string, TJsonSchema>)) components[id] ??= definition;
  return rest;
}
