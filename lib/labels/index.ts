/**
 * lib/labels: printable GS1 labels, drawn server-side with bwip-js as SVG
 * (docs/decisions/081).
 *
 *   barcodeSvg(symbology, text): string                 one GS1 DataMatrix, QR Code or GS1-128 symbol
 *   packLabel(batch, serial, baseUrl, format): TPackLabel   DataMatrix (01)(17)(10)(21) + Digital Link QR + human-readable lines
 *   caseLabel(sscc, baseUrl): TCaseLabel                 SSCC as GS1-128 and DataMatrix
 *   listLabelPacks(actor, batchId, { run?, sheet? }): TLabelSheet   one sheet (LABELS_PER_SHEET) of a batch's or a run's serials
 *   serialsCsv(actor, batchId, { run?, baseUrl }): TSerialsCsv      the serial list as streamed CSV
 */
export { barcodeSvg, type TSymbology } from './barcode-svg';
export { LABEL_FORMATS, packLabel, type TLabelBatch, type TLabelFormat, type TPackLabel } from './pack-label';
export { caseLabel, type TCaseLabel } from './case-label';
export { LABELS_PER_SHEET, listLabelPacks, type TLabelSheet } from './list-label-packs';
export { csvField, serialsCsv, type TSerialsCsv } from './serials-csv';
