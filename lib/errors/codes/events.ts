import type { TCodeTable } from './types';

/**
 * Scan events and the custody state machine (lib/events). A refused request
 * answers with the code of its first refused event; `errors` lists every
 * refused event (`index`) with its own code. 422: the event names something
 * that does not exist or does not fit its batch; 409: the event contradicts
 * the current state (custody, status); 403: the organisation may not do
 * this to this object. docs/decisions/051 lists which rule gives which code.
 */
export const EVENTS_CODES = {
  unknown_serial: { status: 422, title: 'The pack was never commissioned' },
  unknown_container: { status: 422, title: 'No case or pallet has this SSCC' },
  unknown_product: { status: 422, title: 'No product has this GTIN' },
  unknown_batch: { status: 422, title: 'The product has no batch with this lot number' },
  lot_missing: { status: 422, title: 'Commissioning needs the lot number of the batch' },
  mixed_batches: { status: 422, title: 'One commissioning event must name packs of one batch' },
  batch_mismatch: { status: 422, title: 'The lot or expiry in the code does not match the batch' },
  already_commissioned: { status: 409, title: 'The pack or SSCC is already commissioned' },
  batch_recalled: { status: 409, title: 'The batch is recalled' },
  recall_requires_recalls_api: { status: 422, title: 'Recalls are opened through the recalls API, with a reason and a class' },
  not_product_owner: { status: 403, title: 'Only the manufacturer of the product may do this' },
  not_custodian: { status: 409, title: 'Your organisation does not hold this pack or case' },
  in_transit: { status: 409, title: 'The pack or case is in transit' },
  not_destination: { status: 409, title: 'The pack or case was shipped to another organisation' },
  pack_in_container: { status: 409, title: 'The pack or case is inside a case or pallet; scan that, or unpack it first' },
  already_packed: { status: 409, title: 'The pack or case is already in another case or pallet' },
  not_in_container: { status: 409, title: 'The pack or case is not in this case or pallet' },
  container_not_active: { status: 409, title: 'The case or pallet was unpacked or destroyed' },
  aggregation_cycle: { status: 422, title: 'A case cannot be packed into itself or into what it contains' },
  sscc_not_allowed: { status: 403, title: 'Only manufacturers and distributors create cases and pallets' },
  not_a_pack: { status: 422, title: 'Only a serialized pack can be dispensed or restocked' },
  destination_required: { status: 422, title: 'A shipment needs the GLN of its destination' },
  unknown_destination: { status: 422, title: 'No organisation has this GLN' },
  ambiguous_destination: { status: 422, title: 'The event names more than one destination organisation' },
  destination_is_self: { status: 422, title: 'An organisation cannot ship to itself' },
  already_dispensed: { status: 409, title: 'The pack was already dispensed' },
  pack_recalled: { status: 409, title: 'The pack is recalled' },
  pack_expired: { status: 409, title: 'The pack is expired' },
  pack_stolen: { status: 409, title: 'The pack was reported stolen' },
  pack_destroyed: { status: 409, title: 'The pack was destroyed' },
  undo_not_allowed: { status: 409, title: 'Only the pharmacy that dispensed a pack may put it back, within 10 days' },
  declared_event_unknown: { status: 422, title: 'An error declaration names an event that was never recorded' },
  not_event_recorder: { status: 403, title: 'Only the organisation that recorded an event may declare it erroneous' },
  event_recorded_by_other_organisation: { status: 409, title: 'This event was already recorded by another organisation' },
  event_time_in_future: { status: 422, title: 'The event time lies in the future' },
  invalid_event_text: { status: 422, title: 'The event contains text that cannot be stored' },
  sscc_prefix_missing: { status: 403, title: 'The organisation has no GS1 company prefix to allocate SSCCs from' },
} as const satisfies TCodeTable;
