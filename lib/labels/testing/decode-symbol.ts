// The default export's raw() is the generic encoder; the named export `raw` is the "raw" symbology of bwip-js.
import bwipjs from 'bwip-js/node';
import { BinaryBitmap, DataMatrixReader, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import { SYMBOL_OPTIONS, symbolText } from '../barcode-svg';

/**
 * Decodes a symbol exactly as barcodeSvg encodes it, with ZXing (an
 * independent implementation, the one the camera scanner uses): the module
 * matrix is drawn into a grey-scale image with a quiet zone and read like
 * a photo. A test helper: it proves what a scanner reads from a label.
 */
export function decodeSymbol(symbology: 'gs1-datamatrix' | 'qr', text: string): string {
  const { bcid, ...options } = SYMBOL_OPTIONS[symbology];
  const symbol = bwipjs.raw(bcid, symbolText(symbology, text), options)[0] as unknown as { pixs: number[]; pixx: number; pixy: number };
  const scale = 4;
  const quiet = 4;
  const width = (symbol.pixx + 2 * quiet) * scale;
  const height = (symbol.pixy + 2 * quiet) * scale;
  const luminance = new Uint8ClampedArray(width * height).fill(255);
  for (let y = 0; y < symbol.pixy; y++) {
    for (let x = 0; x < symbol.pixx; x++) {
      if (!symbol.pixs[y * symbol.pixx + x]) continue;
      const row = ((y + quiet) * scale) * width;
      for (let dy = 0; dy < scale; dy++) luminance.fill(0, row + dy * width + (x + quiet) * scale, row + dy * width + (x + quiet + 1) * scale);
    }
  }
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)));
  const reader = symbology === 'qr' ? new QRCodeReader() : new DataMatrixReader();
  return reader.decode(bitmap).getText();
}
