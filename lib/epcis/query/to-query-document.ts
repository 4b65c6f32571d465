import { EPCIS_CONTEXT_URL } from '../context/prefixes';
import { copyJson, isObject } from '../json/shape';
import { inFieldOrder } from '../parse/normalise-event-document';

export type TQueryDocumentOptions = {
  /** The query that produced the events; "SimpleEventQuery" when omitted (REST /events). */
  queryName?: string;
  /** Set when the events are delivered for a subscription. */
  subscriptionID?: string;
  /** ISO-8601; defaults to now. Pass it to make the output reproducible. */
  creationDate?: string;
};

/**
 * Wraps stored events (TEventInput.document) in an EPCIS 2.0
 * EPCISQueryDocument: epcisBody.queryResults.resultsBody.eventList, valid
 * against GS1's JSON Schema. The prefixes the events declare in their own
 * "@context" move to the document's @context; an event whose prefix clashes
 * with another event's (same prefix, other namespace) keeps its own, so
 * every extension field still means what its sender meant.
 *
 * requires: each event is a JSON object (a stored event document).
 */
export function toQueryDocument(events: Record<string, unknown>[], options: TQueryDocumentOptions = {}): Record<string, unknown> {
  const shared = sharedPrefixes(events);
  const eventList = events.map((event) => {
    const copy = copyJson(event);
    const own = copy['@context'];
    if (isObject(own) && Object.entries(own).every(([prefix, namespace]) => shared[prefix] === namespace)) delete copy['@context'];
    return inFieldOrder(copy);
  });
  const context = Object.keys(shared).length > 0 ? [EPCIS_CONTEXT_URL, shared] : [EPCIS_CONTEXT_URL];
  return {
    '@context': context,
    type: 'EPCISQueryDocument',
    schemaVersion: '2.0',
    creationDate: options.creationDate ?? new Date().toISOString(),
    epcisBody: {
      queryResults: {
        queryName: options.queryName ?? 'SimpleEventQuery',
        ...(options.subscriptionID === undefined ? {} : { subscriptionID: options.subscriptionID }),
        resultsBody: { eventList },
      },
    },
  };
}

/** The prefixes every event that declares them declares with the same namespace. */
function sharedPrefixes(events: Record<string, unknown>[]): Record<string, string> {
  const namespaces = new Map<string, Set<string>>();
  for (const event of events) {
    if (!isObject(event)) throw new TypeError('toQueryDocument: every event must be a JSON object');
    const own = event['@context'];
    if (!isObject(own)) continue;
    for (const [prefix, namespace] of Object.entries(own)) {
      if (typeof namespace !== 'string') continue;
      namespaces.set(prefix, (namespaces.get(prefix) ?? new Set()).add(namespace));
    }
  }
  const shared: Record<string, string> = {};
  for (const [prefix, values] of [...namespaces].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (values.size === 1) shared[prefix] = [...values][0] as string;
  }
  return shared;
}
