import type { TEventAction, TEventInput, TEventType } from '@/lib/epcis';
import type { TEventKind, TScanKind } from './types';

/**
 * How each scan kind is written as an EPCIS 2.0 event (CBV 2.0 words), and
 * how an EPCIS event is read back as a kind. The two directions agree:
 * classifyEvent(event built for kind k) === k for every scan kind (tested).
 * See docs/decisions/051.
 */
export type TKindShape = { type: TEventType; action: TEventAction; bizStep: string | null; disposition: string };

export const SCAN_KIND_SHAPES: Readonly<Record<TScanKind, TKindShape>> = {
  commission: { type: 'ObjectEvent', action: 'ADD', bizStep: 'commissioning', disposition: 'active' },
  pack: { type: 'AggregationEvent', action: 'ADD', bizStep: 'packing', disposition: 'in_progress' },
  unpack: { type: 'AggregationEvent', action: 'DELETE', bizStep: 'unpacking', disposition: 'in_progress' },
  ship: { type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit' },
  return: { type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'shipping', disposition: 'returned' },
  receive: { type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'receiving', disposition: 'in_progress' },
  dispense: { type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'dispensing', disposition: 'dispensed' },
  restock: { type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'stocking', disposition: 'sellable_accessible' },
  destroy: { type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'destroying', disposition: 'destroyed' },
  recall: { type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'holding', disposition: 'recalled' },
  stolen: { type: 'ObjectEvent', action: 'OBSERVE', bizStep: null, disposition: 'stolen' },
  expire: { type: 'ObjectEvent', action: 'OBSERVE', bizStep: null, disposition: 'expired' },
};

/** Dispositions that end a pack's life whatever the business step says. */
const BY_DISPOSITION: Readonly<Record<string, TEventKind>> = {
  dispensed: 'dispense',
  destroyed: 'destroy',
  disposed: 'destroy',
  recalled: 'recall',
  stolen: 'stolen',
  expired: 'expire',
  returned: 'return',
  in_transit: 'ship',
};

const BY_BIZ_STEP: Readonly<Record<string, TEventKind>> = {
  shipping: 'ship',
  receiving: 'receive',
  dispensing: 'dispense',
  destroying: 'destroy',
  decommissioning: 'destroy',
};

/**
 * The custody meaning of an EPCIS event. An error declaration is always a
 * declaration (it repeats the erroneous event, which must not be applied a
 * second time); TransformationEvents have no kind (they are refused).
 */
export function classifyEvent(event: Pick<TEventInput, 'type' | 'action' | 'bizStep' | 'disposition' | 'errorDeclaration'>): TEventKind {
  if (event.errorDeclaration) return 'declaration';
  // The custody model cannot follow what a transformation consumes and
  // produces (nor an extension event type): they are stored as observations,
  // queryable and sealed like any event, and change no state.
  if (event.type === 'TransformationEvent') return 'observe';
  if (event.type === 'AggregationEvent') return event.action === 'ADD' ? 'pack' : event.action === 'DELETE' ? 'unpack' : 'observe';
  if (event.type !== 'ObjectEvent') return 'observe';
  if (event.action === 'ADD') return 'commission';
  if (event.action === 'DELETE') return event.disposition === 'dispensed' ? 'dispense' : event.disposition === 'stolen' ? 'stolen' : 'destroy';
  const byDisposition = event.disposition ? BY_DISPOSITION[event.disposition] : undefined;
  if (byDisposition) return byDisposition;
  if (event.bizStep === 'stocking' && event.disposition === 'sellable_accessible') return 'restock';
  return (event.bizStep && BY_BIZ_STEP[event.bizStep]) || 'observe';
}

/** Kinds after which a pack is out of the supply chain: it leaves any case it was in. */
export const TERMINAL_KINDS: ReadonlySet<TEventKind> = new Set(['dispense', 'destroy', 'stolen']);
