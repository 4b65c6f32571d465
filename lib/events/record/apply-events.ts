import type { TCaptureEvent, TEventKind } from '../types';
import { batchFactsOf } from './batch-facts';
import type { TApplied, TEventContext, TRefusal, TRule } from './rule-types';
import { packRule, unpackRule } from './rules/aggregation';
import { commissionRule } from './rules/commission';
import { declarationEventId, declarationRule } from './rules/declaration';
import { dispenseRule, endOfLifeRule, restockRule } from './rules/decommission';
import { receiveRule, shipRule } from './rules/movement';
import { expireRule, observeRule, recallRule } from './rules/status';
import type { TStoredEvent, TWorld } from './world';

/** The custody state machine: one rule per kind (docs/decisions/051). */
const RULES: Readonly<Record<TEventKind, TRule>> = {
  commission: commissionRule,
  pack: packRule,
  unpack: unpackRule,
  ship: shipRule,
  return: shipRule,
  receive: receiveRule,
  dispense: dispenseRule,
  restock: restockRule,
  destroy: endOfLifeRule,
  stolen: endOfLifeRule,
  recall: recallRule,
  expire: expireRule,
  observe: observeRule,
  declaration: declarationRule,
};

export type TOutcome =
  | { index: number; eventId: string; duplicate: false; applied: TApplied }
  | { index: number; eventId: string; duplicate: true; stored: TStoredEvent | { sameAs: number } };

/** The ID an event is stored under: its CBV hash ID, or the derived ID of an error declaration. */
export function storedEventId(event: TCaptureEvent): string {
  return event.kind === 'declaration' ? declarationEventId(event.input) : event.input.hashId;
}

/**
 * Runs the rules over the request's events in order, each seeing the state
 * the previous ones left (a request may commission, pack and ship). A
 * refused event changes nothing; the others still run, so the answer lists
 * every refusal at once, but any refusal refuses the whole request.
 */
export function applyEvents(world: TWorld, events: readonly TCaptureEvent[], eventIds: readonly string[]): { outcomes: TOutcome[]; refusals: TRefusal[] } {
  const outcomes: TOutcome[] = [];
  const refusals: TRefusal[] = [];
  const firstIndex = new Map<string, number>();
  events.forEach((event, index) => {
    const eventId = eventIds[index] as string;
    const stored = world.storedEvents.get(eventId);
    if (stored && stored.orgId !== world.recorder.id) {
      refusals.push({ index, code: 'event_recorded_by_other_organisation', detail: `Event ${index}: event ${eventId} was recorded by another organisation.` });
      return;
    }
    const earlier = firstIndex.get(eventId);
    if (stored || earlier !== undefined) {
      outcomes.push({ index, eventId, duplicate: true, stored: stored ?? { sameAs: earlier as number } });
      return;
    }
    const result = RULES[event.kind](contextOf(world, event, index));
    if (!result.ok) {
      refusals.push(...result.refusals);
      return;
    }
    firstIndex.set(eventId, index);
    outcomes.push({ index, eventId, duplicate: false, applied: result.apply() });
  });
  return { outcomes, refusals };
}

function contextOf(world: TWorld, event: TCaptureEvent, index: number): TEventContext {
  let localDate: string | undefined;
  return {
    index,
    event,
    world,
    localDate: () => (localDate ??= localDateOf(event.input.eventTime, event.input.eventTimeZoneOffset)),
    facts: event.facts ?? batchFactsOf(event.input),
  };
}

/** The calendar date where the event happened: eventTime (UTC) shifted by its ±hh:mm offset. */
export function localDateOf(eventTime: string, offset: string): string {
  const sign = offset.startsWith('-') ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return new Date(Date.parse(eventTime) + minutes * 60_000).toISOString().slice(0, 10);
}
