import type { z } from 'zod';
import { AppError, type TProblemItem } from '@/lib/errors';

export const DEFAULT_MAX_BODY = 1_000_000;

/** Reads the body as text, refusing past `maxBytes` without buffering more than that. */
export async function readText(request: Request, maxBytes = DEFAULT_MAX_BODY): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new AppError('payload_too_large', `The body is ${declared} bytes; the limit is ${maxBytes}.`);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AppError('payload_too_large', `The body exceeds the limit of ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

/** Reads and parses a JSON body; `application/json` (or a +json type) required. */
export async function readJson(request: Request, maxBytes = DEFAULT_MAX_BODY, accept = /^application\/([a-z.+-]*\+)?json\b/i): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!accept.test(type)) {
    throw new AppError('unsupported_media_type', `Send the body as application/json (got "${type || 'no content type'}").`);
  }
  const text = await readText(request, maxBytes);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError('invalid_json', `The body is not valid JSON: ${(error as Error).message}`);
  }
}

/** zod issues as problem items with JSON Pointers (RFC 6901). */
export function zodProblems(error: z.ZodError): TProblemItem[] {
  return error.issues.map((issue) => ({
    pointer: '/' + issue.path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/'),
    code: issue.code,
    detail: issue.message,
  }));
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what = 'The request'): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error);
    const first = problems[0];
    throw new AppError('validation_failed', `${what} is invalid${first ? `: ${first.pointer} ${first.detail}` : ''}.`, { errors: problems });
  }
  return parsed.data;
}

export async function readJsonAs<S extends z.ZodType>(request: Request, schema: S, maxBytes?: number): Promise<z.infer<S>> {
  return parseWith(schema, await readJson(request, maxBytes), 'The body');
}

/** Query-string parameters validated by a schema (repeated keys become arrays). */
export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = new URL(request.url).searchParams;
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    record[key] = all.length > 1 ? all : all[0]!;
  }
  return parseWith(schema, record, 'The query string');
}
