import { z } from 'zod';
import { readIdentifier } from '../identifiers/read-identifier';
import { isTimeZoneOffset, readDateTime } from '../time/date-time';
import type { TEpcisIssueCode } from '../types';
import { isAbsoluteUri } from '../uri';
import { normaliseVocabularyValue } from '../vocabulary/normalise-vocabulary';
import type { TVocabularyKind } from '../vocabulary/vocabularies';

/*
 * Field schemas shared by every event type. Custom messages are predicates
 * ("has no time zone offset"); describeIssue puts the field's name in front,
 * and the stable reason code travels in params.reason.
 */

type TRefinementContext = { addIssue: (issue: { code: 'custom'; message: string; params: { reason: TEpcisIssueCode }; input: unknown }) => void };

function refuse(ctx: TRefinementContext, value: unknown, reason: TEpcisIssueCode, message: string): void {
  ctx.addIssue({ code: 'custom', message, params: { reason }, input: value });
}

/** Any absolute URI. */
export const ZUri = z.string().superRefine((value, ctx) => {
  if (!isAbsoluteUri(value)) refuse(ctx, value, 'invalid_uri', `'${clip(value)}' is not an absolute URI`);
});

/** An identifier in an identifier position: EPCs, classes, locations, parties. */
export const ZIdentifier = z.string().superRefine((value, ctx) => {
  const identifier = readIdentifier(value);
  if (!identifier.ok) refuse(ctx, value, isAbsoluteUri(value) ? 'invalid_identifier' : 'invalid_uri', identifier.reason);
});

/** xsd:dateTimeStamp: a date-time with its time zone. */
export const ZDateTime = z.string().superRefine((value, ctx) => {
  const time = readDateTime(value);
  if (!time.ok) refuse(ctx, value, 'invalid_time', time.reason);
});

/** eventTimeZoneOffset: ±hh:mm, -14:00 to +14:00. */
export const ZTimeZoneOffset = z.string().superRefine((value, ctx) => {
  if (isTimeZoneOffset(value)) return;
  const hint = value === 'Z' || value === 'z' ? '; write +00:00 for UTC' : ' between -14:00 and +14:00, e.g. +01:00';
  refuse(ctx, value, 'invalid_time_zone_offset', `'${clip(value)}' is not a time zone offset ±hh:mm${hint}`);
});

/** A value of a standard vocabulary, in any standard spelling, or another absolute URI. */
export function zVocabulary(kind: TVocabularyKind) {
  return z.string().superRefine((value, ctx) => {
    const normalised = normaliseVocabularyValue(kind, value);
    if (!normalised.ok) refuse(ctx, value, 'unknown_vocabulary', normalised.reason);
  });
}

/** An array whose items may not repeat (GS1's uniqueItems). */
export function zUniqueArray<T extends z.ZodType>(item: T) {
  return z.array(item).superRefine((items, ctx) => {
    const seen = new Map<unknown, number>();
    items.forEach((value, index) => {
      const first = seen.get(value);
      if (first === undefined) seen.set(value, index);
      else ctx.addIssue({ code: 'custom', message: `repeats item ${first} of the list`, params: { reason: 'duplicate_identifier' }, path: [index], input: value });
    });
  });
}

export const ZAction = z.enum(['ADD', 'OBSERVE', 'DELETE']);

export const ZHexBinary = z.string().regex(/^[A-Fa-f0-9]+$/, { message: 'must be hexadecimal digits' });

export const ZUom = z.string().regex(/^[A-Z0-9]{2,3}$/, { message: 'must be a UN/CEFACT Rec 20 unit code of 2-3 capital letters or digits, e.g. KGM' });

export const ZContext = z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.union([z.string(), z.record(z.string(), z.unknown())]))]);

function clip(text: string): string {
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}
