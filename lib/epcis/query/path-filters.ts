import { AppError } from '@/lib/errors/app-error';
import type { TEpcMatch, TEventQuery } from './event-query';
import { eventTypeValue, matchValue, vocabularyValue, type TValue } from './query-values';

/*
 * The filters the REST binding's resource paths carry: /epcs/{epc}/events,
 * /eventTypes/{eventType}/events, /bizSteps/{bizStep}/events. A value that
 * cannot be one is a 400 naming the path parameter.
 */

type TFixed = Pick<Partial<TEventQuery>, 'eventTypes' | 'bizSteps' | 'matches'>;

/** Every event naming the EPC or class, in any role (epcList, childEPCs, parentID, inputs, outputs, quantity lists). */
export function epcPathFilter(epc: string): TFixed {
  const value = valid('epc', matchValue(epc, false));
  const match: TEpcMatch = {
    parameter: 'epc',
    roles: ['epc', 'child', 'parent', 'input', 'output', 'quantity'],
    keys: value.key === undefined ? [] : [value.key],
    prefixes: value.prefix === undefined ? [] : [value.prefix],
  };
  return { matches: [match] };
}

export function eventTypePathFilter(eventType: string): TFixed {
  return { eventTypes: [valid('eventType', eventTypeValue(eventType))] };
}

export function bizStepPathFilter(bizStep: string): TFixed {
  return { bizSteps: [valid('bizStep', vocabularyValue('bizStep', bizStep))] };
}

function valid<T>(parameter: string, value: TValue<T>): T {
  if (value.ok) return value.value;
  throw new AppError('epcis_query_parameter_invalid', `The path parameter ${parameter} ${value.reason}.`, { errors: [{ pointer: `/${parameter}`, code: 'invalid_value', detail: `${parameter} ${value.reason}` }], extra: { parameter } });
}
