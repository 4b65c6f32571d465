import { AppError } from '@/lib/errors';
import { readText } from '@/lib/http/body';

/**
 * A JSON body together with its text: routes that honour Idempotency-Key
 * hash exactly what was sent (lib/events/idempotency.ts).
 */
export async function readJsonWithText(request: Request, maxBytes: number): Promise<{ text: string; value: unknown }> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new AppError('unsupported_media_type', `Send the body as application/json (got "${type || 'no content type'}").`);
  }
  const text = await readText(request, maxBytes);
  try {
    return { text, value: JSON.parse(text) };
  } catch (error) {
    throw new AppError('invalid_json', `The body is not valid JSON: ${(error as Error).message}`);
  }
}
