import type { TCodeTable } from './types';

/**
 * GS1 identifiers and barcodes (lib/gs1). All 422: the request was well
 * formed, the code in it is not. `extra` of the problem carries the AI, the
 * 0-based position in the input and, for check digits, the expected digit.
 */
export const GS1_CODES = {
  gs1_empty_input: { status: 422, title: 'No code was given' },
  gs1_unrecognised: { status: 422, title: 'The input is not a GS1 code in any accepted form' },
  gs1_check_digit: { status: 422, title: 'A GS1 identifier has a wrong check digit' },
  gs1_unknown_ai: { status: 422, title: 'Unknown GS1 Application Identifier' },
  gs1_missing_separator: { status: 422, title: 'A variable-length field is not terminated by a separator (GS)' },
  gs1_field_too_long: { status: 422, title: 'A GS1 field is longer than its AI allows' },
  gs1_field_too_short: { status: 422, title: 'A GS1 field is shorter than its AI requires' },
  gs1_invalid_length: { status: 422, title: 'A GS1 identifier has an impossible number of digits' },
  gs1_invalid_date: { status: 422, title: 'A GS1 date is impossible or cannot be expressed' },
  gs1_invalid_character: { status: 422, title: 'A GS1 field contains a character its AI does not allow' },
  gs1_duplicate_ai: { status: 422, title: 'The same Application Identifier appears twice with different values' },
  gs1_missing_ai: { status: 422, title: 'An Application Identifier is missing the identifier it qualifies' },
  gs1_ambiguous_key: { status: 422, title: 'The code carries more than one GS1 key where one is expected' },
  gs1_invalid_urn: { status: 422, title: 'The EPC URN is malformed' },
  gs1_invalid_digital_link: { status: 422, title: 'The GS1 Digital Link URI is malformed' },
  gs1_invalid_epc_key: { status: 422, title: 'The canonical identifier key is malformed' },
  gs1_invalid_company_prefix_length: { status: 422, title: 'The GS1 company prefix length is impossible for this identifier' },
  gs1_invalid_separator: { status: 422, title: 'A configured separator substitute could occur in GS1 data' },
} as const satisfies TCodeTable;
