/**
 * The standard vocabularies of the GS1 Core Business Vocabulary 2.0, as bare
 * words (their JSON-LD form). Each word w stands for the GS1 Web URI
 * https://ref.gs1.org/cbv/<Prefix>-w and the legacy URN
 * urn:epcglobal:cbv:<urn kind>:w. Checked against GS1's JSON-LD context
 * files by cbv-lists.test.ts.
 */

/** CBV 2.0 §7.1 Business steps. */
export const CBV_BIZ_STEPS = [
  'accepting', 'arriving', 'assembling', 'collecting', 'commissioning', 'consigning', 'creating_class_instance',
  'cycle_counting', 'decommissioning', 'departing', 'destroying', 'disassembling', 'dispensing', 'encoding',
  'entering_exiting', 'holding', 'inspecting', 'installing', 'killing', 'loading', 'other', 'packing', 'picking',
  'receiving', 'removing', 'repackaging', 'repairing', 'replacing', 'reserving', 'retail_selling', 'sampling',
  'sensor_reporting', 'shipping', 'staging_outbound', 'stock_taking', 'stocking', 'storing', 'transporting',
  'unloading', 'unpacking', 'void_shipping',
] as const;

/** CBV 2.0 §7.2 Dispositions. */
export const CBV_DISPOSITIONS = [
  'active', 'available', 'completeness_inferred', 'completeness_verified', 'conformant', 'container_closed',
  'container_open', 'damaged', 'destroyed', 'dispensed', 'disposed', 'encoded', 'expired', 'in_progress',
  'in_transit', 'inactive', 'mismatch_class', 'mismatch_instance', 'mismatch_quantity', 'needs_replacement',
  'no_pedigree_match', 'non_conformant', 'non_sellable_other', 'partially_dispensed', 'recalled', 'reserved',
  'retail_sold', 'returned', 'sellable_accessible', 'sellable_not_accessible', 'stolen', 'unavailable', 'unknown',
] as const;

/** CBV 2.0 §7.3 Business transaction types. */
export const CBV_BIZ_TRANSACTION_TYPES = [
  'bol', 'cert', 'desadv', 'inv', 'pedigree', 'po', 'poc', 'prodorder', 'recadv', 'rma', 'testprd', 'testres', 'upevt',
] as const;

/** CBV 2.0 §7.4 Source/destination types. */
export const CBV_SOURCE_DESTINATION_TYPES = ['owning_party', 'possessing_party', 'location'] as const;

/** CBV 2.0 §7.5 Error reason identifiers. */
export const CBV_ERROR_REASONS = ['did_not_occur', 'incorrect_data'] as const;

/** CBV 2.0 §7.6 Sensor report components (coordinate components). */
export const CBV_COMPONENTS = [
  'x', 'y', 'z', 'axial_distance', 'azimuth', 'height', 'spherical_radius', 'polar_angle', 'elevation_angle',
  'easting', 'northing', 'latitude', 'longitude', 'altitude',
] as const;

export type TCbvBizStep = (typeof CBV_BIZ_STEPS)[number];
export type TCbvDisposition = (typeof CBV_DISPOSITIONS)[number];
