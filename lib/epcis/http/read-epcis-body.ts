import { AppError, isAppError } from '@/lib/errors/app-error';
import { readJson } from '@/lib/http/body';
import { EPCIS_MAX_DOCUMENT_BYTES } from '../limits';

/** application/json, application/ld+json (what the binding names) and other +json types. */
const EPCIS_MEDIA_TYPE = /^application\/([a-z.-]+\+)?json\s*(;|$)/i;

/**
 * The body of a capture request as parsed JSON. The size cap is enforced
 * while reading (a declared Content-Length past it is refused before
 * anything is read; a stream is cut off as soon as it passes it), so 10 MB
 * of junk never sits in memory; the parser's own size check works on the
 * parsed value and cannot protect JSON.parse.
 */
export async function readEpcisBody(request: Request): Promise<unknown> {
  try {
    return await readJson(request, EPCIS_MAX_DOCUMENT_BYTES, EPCIS_MEDIA_TYPE);
  } catch (error) {
    if (isAppError(error) && error.code === 'payload_too_large') {
      throw new AppError('epcis_document_too_large', `${error.detail} Split the document into several captures of at most ${EPCIS_MAX_DOCUMENT_BYTES} bytes.`, {
        extra: { limit: EPCIS_MAX_DOCUMENT_BYTES },
      });
    }
    throw error;
  }
}
