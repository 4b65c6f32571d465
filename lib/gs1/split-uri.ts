import { gs1Error, quote } from './gs1-error';

export type TUriParts = { host: string; path: string; pathStart: number; query: string; queryStart: number };

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

/**
 * Splits an http(s) URI into host, path and query without normalising
 * anything (the platform's URL class would resolve "..", re-encode and
 * lower-case, and then errors could not point at what was typed). The
 * fragment is dropped. Positions are 0-based offsets into `uri`.
 */
export function splitUri(uri: string): TUriParts {
  const start = uri.length - uri.trimStart().length;
  const text = uri.trim();
  if (text === '') throw gs1Error('gs1_empty_input', 'The Digital Link is empty.');
  const scheme = /^https?:\/\//i.exec(text);
  if (!scheme) {
    throw gs1Error('gs1_invalid_digital_link', `A GS1 Digital Link starts with https:// (or http://), not ${quote(text.slice(0, 10))}.`, { position: start });
  }
  const hostStart = scheme[0].length;
  const hostEnd = firstOf(text, '/?#', hostStart);
  const host = text.slice(hostStart, hostEnd);
  if (!HOST.test(host)) {
    const why = host.includes('@') ? 'user information ("@") is not allowed' : 'it is not a valid host name';
    throw gs1Error('gs1_invalid_digital_link', `The Digital Link host ${quote(host)} is refused: ${why}.`, { position: start + hostStart });
  }
  const fragment = firstOf(text, '#', hostEnd);
  const queryMark = firstOf(text.slice(0, fragment), '?', hostEnd);
  return {
    host: host.toLowerCase(),
    path: text.slice(hostEnd, queryMark),
    pathStart: start + hostEnd,
    query: queryMark < fragment ? text.slice(queryMark + 1, fragment) : '',
    queryStart: start + queryMark + 1,
  };
}

function firstOf(text: string, chars: string, from: number): number {
  for (let i = from; i < text.length; i++) if (chars.includes(text[i] as string)) return i;
  return text.length;
}
