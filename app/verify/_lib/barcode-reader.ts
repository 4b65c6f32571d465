/**
 * Reads a GS1 DataMatrix or QR code from the camera or from a photo, in the
 * browser: the built-in BarcodeDetector where the browser has one (Chrome
 * on Android, Safari 17+), @zxing/library otherwise (loaded only then).
 * GS1 DataMatrix FNC1 comes back as GS (0x1D), which lib/gs1 reads.
 */
type TDetected = { rawValue: string };
type TDetector = { detect(source: ImageBitmapSource): Promise<TDetected[]> };
type TDetectorClass = { new (options: { formats: string[] }): TDetector; getSupportedFormats(): Promise<string[]> };

const FORMATS = ['data_matrix', 'qr_code'];

export type TReader = {
  /** Starts decoding frames of `video` from the camera; calls onCode once with the first code read. */
  startCamera(video: HTMLVideoElement, onCode: (code: string) => void): Promise<void>;
  /** Reads a code from a photo; null when none is found. */
  readPhoto(file: File): Promise<string | null>;
  stop(): void;
};

async function nativeDetector(): Promise<TDetector | null> {
  const Detector = (globalThis as unknown as { BarcodeDetector?: TDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    const supported = await Detector.getSupportedFormats();
    return FORMATS.every((f) => supported.includes(f)) ? new Detector({ formats: FORMATS }) : null;
  } catch {
    return null;
  }
}

async function openCamera(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new Error('This browser cannot use a camera here (a secure https:// page is needed).');
  return navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
}

export async function createReader(): Promise<TReader> {
  const detector = await nativeDetector();
  return detector ? nativeReader(detector) : zxingReader();
}

function nativeReader(detector: TDetector): TReader {
  let stream: MediaStream | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stop = () => {
    if (timer) clearTimeout(timer);
    stream?.getTracks().forEach((t) => t.stop());
    stream = null;
  };
  return {
    async startCamera(video, onCode) {
      stream = await openCamera();
      video.srcObject = stream;
      await video.play();
      const tick = async () => {
        if (!stream) return;
        const found = await detector.detect(video).catch(() => []);
        if (found[0]?.rawValue) {
          stop();
          onCode(found[0].rawValue);
        } else timer = setTimeout(() => void tick(), 150);
      };
      void tick();
    },
    async readPhoto(file) {
      const bitmap = await createImageBitmap(file);
      const found = await detector.detect(bitmap).finally(() => bitmap.close());
      return found[0]?.rawValue ?? null;
    },
    stop,
  };
}

async function zxingReader(): Promise<TReader> {
  const { BrowserMultiFormatReader, BarcodeFormat, DecodeHintType } = await import('@zxing/library');
  const hints = new Map<unknown, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.DATA_MATRIX, BarcodeFormat.QR_CODE]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  const reader = new BrowserMultiFormatReader(hints as Map<never, never>, 150);
  let stream: MediaStream | null = null;
  const stop = () => {
    reader.reset();
    stream?.getTracks().forEach((t) => t.stop());
    stream = null;
  };
  return {
    async startCamera(video, onCode) {
      stream = await openCamera();
      let done = false;
      await reader.decodeFromStream(stream, video, (result) => {
        if (!result || done) return;
        done = true;
        stop();
        onCode(result.getText());
      });
    },
    async readPhoto(file) {
      const url = URL.createObjectURL(file);
      try {
        return (await reader.decodeFromImageUrl(url)).getText();
      } catch {
        return null;
      } finally {
        URL.revokeObjectURL(url);
      }
    },
    stop,
  };
}
