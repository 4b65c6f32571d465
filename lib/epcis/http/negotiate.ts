import { AppError } from '@/lib/errors/app-error';
import { CBV_VERSION, EPCIS_VERSION } from './binding-headers';

/*
 * Content and version negotiation of the REST binding. A client states the
 * versions it speaks (GS1-EPCIS-Version for the document it sends,
 * GS1-EPCIS-Min/Max for what it can read; the same for CBV) and the media
 * types it accepts. This repository speaks EPCIS 2.0 / CBV 2.0 in JSON; a
 * client that cannot read that is told so with 406 instead of receiving
 * something it will misread.
 */

const VERSION = /^\d+(\.\d+)*$/;

/** Throws 406 when the request's version headers exclude EPCIS 2.0 or CBV 2.0, or its Accept header excludes JSON. */
export function negotiate(headers: Headers): void {
  checkVersions(headers, 'EPCIS', EPCIS_VERSION);
  checkVersions(headers, 'CBV', CBV_VERSION);
  checkAccept(headers.get('accept'));
}

function checkVersions(headers: Headers, standard: 'EPCIS' | 'CBV', ours: string): void {
  const exact = headers.get(`GS1-${standard}-Version`);
  const min = headers.get(`GS1-${standard}-Min`);
  const max = headers.get(`GS1-${standard}-Max`);
  const refuse = (what: string) => {
    throw new AppError('epcis_version_unsupported', `${what}; this repository speaks ${standard} ${ours} only.`, { extra: { supported: ours } });
  };
  for (const [name, value] of [[`GS1-${standard}-Version`, exact], [`GS1-${standard}-Min`, min], [`GS1-${standard}-Max`, max]] as const) {
    if (value !== null && !VERSION.test(value.trim())) refuse(`${name} '${value.slice(0, 40)}' is not a version such as ${ours}`);
  }
  if (exact !== null && !sameMinor(exact.trim(), ours)) refuse(`GS1-${standard}-Version is ${exact.trim()}`);
  if (min !== null && compareVersions(min.trim(), ours) > 0) refuse(`GS1-${standard}-Min is ${min.trim()}`);
  if (max !== null && compareVersions(max.trim(), ours) < 0 && !sameMinor(max.trim(), ours)) refuse(`GS1-${standard}-Max is ${max.trim()}`);
}

/** "2.0" and "2.0.0" name the same version; patch levels of 2.0 are read alike. */
function sameMinor(version: string, ours: string): boolean {
  const [major, minor] = version.split('.');
  const [ourMajor, ourMinor] = ours.split('.');
  return Number(major) === Number(ourMajor) && Number(minor ?? 0) === Number(ourMinor);
}

/** requires: both match VERSION. */
export function compareVersions(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const difference = (x[i] ?? 0) - (y[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

const JSON_RANGES = new Set(['*/*', 'application/*', 'application/json', 'application/ld+json', 'application/problem+json']);

function checkAccept(accept: string | null): void {
  if (accept === null || accept.trim() === '') return;
  const ranges = accept.split(',').map((part) => {
    const [range, ...parameters] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = parameters.find((p) => p.startsWith('q='));
    return { range: range ?? '', weight: q === undefined ? 1 : Number(q.slice(2)) };
  });
  if (ranges.some(({ range, weight }) => weight > 0 && (JSON_RANGES.has(range) || /^application\/[a-z.-]+\+json$/.test(range)))) return;
  throw new AppError('epcis_not_acceptable', `Accept is '${accept.slice(0, 80)}'; this repository answers with application/json (EPCIS 2.0 JSON-LD).`);
}
