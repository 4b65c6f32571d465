import { toSVG } from 'bwip-js/node';

/**
 * The symbols the platform prints:
 * - `gs1-datamatrix`: the pack code of EU FMD packs (GTIN, expiry, lot,
 *   serial), and a case's SSCC for 2D-only scanners.
 * - `gs1-128`: the SSCC of a case, as logistics labels carry it.
 * - `qr`: a plain QR Code of a GS1 Digital Link URI, for phones.
 */
export type TSymbology = 'gs1-datamatrix' | 'qr' | 'gs1-128';

const GS = '\u001d';

/**
 * bwip-js encoder and options per symbology (also used by the tests that
 * decode what is printed). The GS1 symbols are written as their plain
 * symbology with FNC1 in first position and FNC1 as the separator
 * (`^FNC1`, parsefnc): bwip-js's bracketed GS1 mode cannot carry a "(" in
 * a lot or serial, which GS1 character set 82 allows; the symbols are the
 * same bit for bit otherwise (checked when this was written).
 */
export const SYMBOL_OPTIONS: Readonly<Record<TSymbology, { bcid: string } & Record<string, string | number | boolean>>> = {
  'gs1-datamatrix': { bcid: 'datamatrix', parsefnc: true },
  qr: { bcid: 'qrcode', eclevel: 'M' },
  'gs1-128': { bcid: 'code128', parsefnc: true, height: 18 },
};

/**
 * The text bwip-js encodes: for the GS1 symbols, the element string as
 * lib/gs1 toElementString writes it (no symbology identifier, GS between
 * fields) becomes ^FNC1-separated; `^` cannot occur in GS1 data.
 *
 * requires: for GS1 symbols, an element string written by lib/gs1 (so
 * validated); for `qr`, any text up to a few hundred characters.
 */
export function symbolText(symbology: TSymbology, text: string): string {
  if (symbology === 'qr') return text;
  if (text.includes('^') || text.startsWith(GS)) throw new Error('symbolText: pass the element string as lib/gs1 toElementString writes it');
  return `^FNC1${text.split(GS).join('^FNC1')}`;
}

/**
 * One barcode as SVG markup, drawn server-side: only `<svg>` and `<path>`
 * elements with presentation attributes, no style attribute and no script,
 * so it can be inlined into a page under the Content-Security-Policy
 * (docs/decisions/013) and prints sharp at any size. The SVG has a viewBox
 * and no fixed size: its container decides how large it prints.
 */
export function barcodeSvg(symbology: TSymbology, text: string): string {
  const svg = toSVG({ ...SYMBOL_OPTIONS[symbology], text: symbolText(symbology, text) });
  // Belt and braces: the markup is injected verbatim, so it must be exactly what bwip-js is documented to draw.
  if (!svg.startsWith('<svg ') || /<(?!\/?(svg|path)\b)|\sstyle=|\son\w+=/i.test(svg)) {
    throw new Error(`bwip-js drew unexpected SVG markup for a ${symbology} symbol`);
  }
  return svg.replace('<svg ', '<svg role="img" aria-hidden="true" focusable="false" ');
}
