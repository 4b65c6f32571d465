import { z } from 'zod';
import { ZContext, ZDateTime, ZUri } from './fields';

/**
 * The EPCISDocument wrapper (EPCIS 2.0 §9, GS1's JSON Schema "epcisDocument").
 * Events are validated one by one afterwards, so that the errors of all of
 * them can be reported at once. Master data in epcisHeader is accepted and
 * not used.
 */
export const ZEpcisDocumentEnvelope = z.looseObject({
  '@context': ZContext,
  type: z.literal('EPCISDocument'),
  schemaVersion: z.string().regex(/^2(\.0)*$/, { message: 'must be "2.0": this is an EPCIS 2.0 capture interface' }),
  creationDate: ZDateTime,
  id: ZUri.optional(),
  instanceIdentifier: z.string().optional(),
  sender: z.string().optional(),
  receiver: z.string().optional(),
  epcisHeader: z.record(z.string(), z.unknown()).optional(),
  epcisBody: z.looseObject({ eventList: z.array(z.unknown()) }),
});

/** The standard keys of an EPCISDocument; any other key must be a resolvable extension IRI. */
export const DOCUMENT_KEYS: ReadonlySet<string> = new Set(Object.keys(ZEpcisDocumentEnvelope.shape));
