import { AppError, type TProblemItem } from '@/lib/errors/app-error';
import type { TErrorCode } from '@/lib/errors/codes';
import type { TVocabularyKind } from '../vocabulary/vocabularies';
import { EMPTY_QUERY, MATCH_PARAMETERS, UNSUPPORTED_FAMILIES, UNSUPPORTED_PARAMETERS, type TEpcMatch, type TEventQuery } from './event-query';
import { readPerPage } from './paging';
import { countValue, eventIdValue, eventTypeValue, identifierValue, matchValue, timeValue, vocabularyValue, type TValue } from './query-values';

export type TQueryRequest = { query: TEventQuery; perPage: number; nextPageToken: string | null };

type TProblem = TProblemItem & { code: TErrorCode };

const SCALARS = ['GE_eventTime', 'LT_eventTime', 'GE_recordTime', 'LT_recordTime', 'EXISTS_errorDeclaration', 'orderBy', 'orderDirection', 'eventCountLimit', 'maxEventCount', 'perPage', 'nextPageToken'];
const LISTS = ['eventType', 'EQ_action', 'EQ_bizStep', 'EQ_disposition', 'EQ_readPoint', 'EQ_bizLocation', 'EQ_eventID', ...Object.keys(MATCH_PARAMETERS)];
const KNOWN = new Set([...SCALARS, ...LISTS]);

/**
 * The query string of GET /epcis/events (and its sibling resources) as a
 * query: every problem of every parameter at once, then thrown as one 400
 * (an unknown name, a standard parameter we do not answer, or a bad value,
 * each with the parameter named). `fixed` holds what the path already says
 * (/eventTypes/{eventType}/events, /epcs/{epc}/events, ...).
 */
export function readEventQuery(params: URLSearchParams, fixed: Pick<Partial<TEventQuery>, TListKey | 'matches'> = {}): TQueryRequest {
  const problems: TProblem[] = [];
  const problem = (parameter: string, code: TErrorCode, detail: string) => problems.push({ pointer: `/${parameter}`, code, detail: `${parameter} ${detail}` });
  for (const name of new Set(params.keys())) {
    if (KNOWN.has(name)) continue;
    if (UNSUPPORTED_PARAMETERS.has(name) || UNSUPPORTED_FAMILIES.test(name)) problem(name, 'epcis_query_parameter_unsupported', 'is an EPCIS query parameter this repository does not answer; leave it out and filter the results yourself');
    else problem(name, 'epcis_query_parameter_unknown', `is not an EPCIS query parameter (e.g. ${['eventType', 'GE_eventTime', 'EQ_bizStep', 'MATCH_epc', 'perPage'].join(', ')})`);
  }
  const read = reader(params, problem);
  const query: TEventQuery = {
    ...EMPTY_QUERY,
    eventTypes: read.list('eventType', eventTypeValue),
    eventTime: { from: read.scalar('GE_eventTime', timeValue), before: read.scalar('LT_eventTime', timeValue) },
    recordTime: { from: read.scalar('GE_recordTime', timeValue), before: read.scalar('LT_recordTime', timeValue) },
    actions: read.list('EQ_action', oneOf(['ADD', 'OBSERVE', 'DELETE'] as const, 'ADD, OBSERVE or DELETE')),
    bizSteps: read.list('EQ_bizStep', vocabulary('bizStep')),
    dispositions: read.list('EQ_disposition', vocabulary('disposition')),
    readPoints: read.list('EQ_readPoint', identifierValue),
    bizLocations: read.list('EQ_bizLocation', identifierValue),
    matches: Object.keys(MATCH_PARAMETERS).flatMap((name) => matchOf(name, read.list(name, (v) => matchValue(v, name.endsWith('Class'))))),
    eventIds: read.list('EQ_eventID', eventIdValue),
    errorDeclarationsOnly: read.scalar('EXISTS_errorDeclaration', booleanValue) ?? false,
    ...ordering(read, problem),
  };
  const perPage = safely(() => readPerPage(params.get('perPage')), (detail) => problem('perPage', 'epcis_query_parameter_invalid', detail));
  if (problems.length > 0) throw queryProblem(problems);
  return { query: withFixed(query, fixed), perPage: perPage ?? 0, nextPageToken: params.get('nextPageToken') };
}

type TRead = {
  scalar: <T>(name: string, value: (raw: string) => TValue<T>) => T | null;
  list: <T>(name: string, value: (raw: string) => TValue<T>) => T[] | null;
};

/** Readers that note a problem and return null for a bad value. Lists are pipe-separated, and repeated parameters add to them. */
function reader(params: URLSearchParams, problem: (parameter: string, code: TErrorCode, detail: string) => void): TRead {
  const invalid = (name: string, reason: string) => problem(name, 'epcis_query_parameter_invalid', reason);
  const readOne = <T>(name: string, raw: string, value: (raw: string) => TValue<T>): T | null => {
    const read = value(raw);
    if (!read.ok) invalid(name, read.reason);
    return read.ok ? read.value : null;
  };
  return {
    scalar: (name, value) => {
      const all = params.getAll(name);
      if (all.length > 1) invalid(name, 'is given more than once');
      return all.length === 1 ? readOne(name, all[0] as string, value) : null;
    },
    list: (name, value) => {
      const raws = params.getAll(name).flatMap((v) => v.split('|'));
      if (raws.length === 0) return null;
      if (raws.some((raw) => raw === '')) invalid(name, 'has an empty value; separate alternatives with |');
      const values = raws.filter((raw) => raw !== '').map((raw) => readOne(name, raw, value));
      return values.filter((v): v is NonNullable<typeof v> => v !== null);
    },
  };
}

function matchOf(parameter: string, values: { key?: string; prefix?: string; classKey?: string }[] | null): TEpcMatch[] {
  if (values === null) return [];
  const keys = values.flatMap((v) => [v.key, v.classKey].filter((k): k is string => k !== undefined));
  const prefixes = values.flatMap((v) => (v.prefix === undefined ? [] : [v.prefix]));
  return [{ parameter, ...MATCH_PARAMETERS[parameter]!, keys, prefixes }];
}

function oneOf<T extends string>(allowed: readonly T[], words: string): (raw: string) => TValue<T> {
  return (raw) => ((allowed as readonly string[]).includes(raw) ? { ok: true, value: raw as T } : { ok: false, reason: `'${raw.slice(0, 60)}' is not ${words}` });
}

const vocabulary = (kind: TVocabularyKind) => (raw: string) => vocabularyValue(kind, raw);

/** EXISTS_errorDeclaration: present without a value, or "true", selects error declarations; "false" selects nothing in particular. */
function booleanValue(raw: string): TValue<boolean> {
  if (raw === '' || raw === 'true') return { ok: true, value: true };
  if (raw === 'false') return { ok: true, value: false };
  return { ok: false, reason: `'${raw.slice(0, 20)}' is not true or false` };
}

function ordering(read: TRead, problem: (parameter: string, code: TErrorCode, detail: string) => void): Pick<TEventQuery, 'orderBy' | 'orderDirection' | 'eventCountLimit' | 'maxEventCount'> {
  const orderBy = read.scalar('orderBy', oneOf(['eventTime', 'recordTime'] as const, 'eventTime or recordTime (ordering by extension fields is not supported)'));
  const direction = read.scalar('orderDirection', oneOf(['ASC', 'DESC'] as const, 'ASC or DESC'));
  const eventCountLimit = read.scalar('eventCountLimit', countValue);
  const maxEventCount = read.scalar('maxEventCount', countValue);
  if (eventCountLimit !== null && maxEventCount !== null) problem('eventCountLimit', 'epcis_query_parameter_invalid', 'and maxEventCount cannot be combined (EPCIS 2.0 §8.2.7.1)');
  if (eventCountLimit !== null && orderBy === null) problem('eventCountLimit', 'epcis_query_parameter_invalid', 'needs orderBy (eventTime or recordTime): it takes the first N events in that order');
  // EPCIS: with orderBy, DESC unless told otherwise; without it, the order events were recorded in.
  return { orderBy: orderBy ?? 'ledger', orderDirection: orderBy === null ? 'ASC' : (direction ?? 'DESC'), eventCountLimit, maxEventCount };
}

type TListKey = 'eventTypes' | 'bizSteps' | 'dispositions';

/** What the path says applies together with the query string: lists intersect, matches add up. */
function withFixed(query: TEventQuery, fixed: Pick<Partial<TEventQuery>, TListKey | 'matches'>): TEventQuery {
  const merged: TEventQuery = { ...query, matches: [...(fixed.matches ?? []), ...query.matches] };
  for (const key of ['eventTypes', 'bizSteps', 'dispositions'] as const) {
    const path = fixed[key];
    if (path) merged[key] = query[key] === null ? path : path.filter((value) => (query[key] as string[]).includes(value));
  }
  return merged;
}

function safely<T>(run: () => T, onError: (detail: string) => void): T | null {
  try {
    return run();
  } catch (error) {
    onError(error instanceof AppError ? error.detail.replace(/^perPage /, '').replace(/\.$/, '') : String(error));
    return null;
  }
}

function queryProblem(problems: TProblem[]): AppError {
  const first = problems[0] as TProblem;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return new AppError(first.code, `The query is invalid: ${first.detail}${more}.`, { errors: problems, extra: { parameter: first.pointer?.slice(1) } });
}
