import type { z } from 'zod';

/**
 * How a domain describes its routes for the OpenAPI document: one plain
 * object per method and path, built from the same zod schemas the route
 * validates with, in the domain's own file (lib/<domain>/openapi.ts,
 * exporting a TOperation[]), merged by lib/http/openapi/document.ts.
 * openapi.test.ts fails when a route under app/api/v1 and the document
 * disagree.
 */
export type THttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type TOperation = {
  method: THttpMethod;
  /** The OpenAPI path, parameters in braces: '/api/v1/batches/{id}'. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** 'public': no credentials; 'optional': anonymous or signed in; otherwise the permission required (lib/auth/permissions.ts). */
  auth: 'public' | 'optional' | string;
  /** Descriptions (and schemas) of the path parameters, by name. */
  params?: Record<string, { description: string; schema?: z.ZodType }>;
  /** The query string: an object schema, one parameter per member. */
  query?: z.ZodObject;
  body?: { schema: z.ZodType; description?: string } | { contentType: string; description: string; example?: string };
  /** The request honours the Idempotency-Key header. */
  idempotent?: boolean;
  /** Success answers by status (errors are added as RFC 9457 problems). */
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  /** Problem statuses this operation answers with besides 401 and 403 (e.g. 404, 409, 422). */
  problems?: number[];
};

/** Keeps a domain's list typed; no behaviour. */
export function defineOperations(operations: TOperation[]): TOperation[] {
  return operations;
}
