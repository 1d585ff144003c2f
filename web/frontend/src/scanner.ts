// Reads QR codes from the camera: the browser's own BarcodeDetector where it has one (Android, ChromeOS,
// macOS), else the bundled ZXing decoder. ZXing is part of the page rather than loaded when needed, so a
// scanner opened without a connection still decodes.
import { BinaryBitmap, DecodeHintType, HTMLCanvasElementLuminanceSource, HybridBinarizer, QRCodeReader } from '@zxing/library';

interface DetectedBarcode {
  rawValue: string;
}

interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}

declare global {
  interface Window {
    BarcodeDetector?: {
      new (options: { formats: string[] }): BarcodeDetectorLike;
      getSupportedFormats(): Promise<string[]>;
    };
  }
}

type Decoder = (frame: HTMLCanvasElement) => Promise<string | null>;

const INTERVAL_MS = 200;

/** Shows the camera in {@code video} and calls {@code onText} once with the first QR text it reads. Returns a stop function. */
export async function scanWithCamera(video: HTMLVideoElement, onText: (text: string) => void): Promise<() => void> {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: false,
    // A label's QR code is dense: ask for the camera's full resolution rather than the default 640 × 480.
    video: { facingMode: 'environment', width: { ideal: 1920 }, height: { ideal: 1920 } },
  });
  video.srcObject = stream;
  video.muted = true;
  video.setAttribute('playsinline', '');
  await video.play();
  const decode = await decoder();
  const frame = document.createElement('canvas');
  let stopped = false;
  const stop = () => {
    stopped = true;
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  };
  const tick = async () => {
    if (stopped) return;
    if (video.videoWidth > 0) {
      frame.width = video.videoWidth;
      frame.height = video.videoHeight;
      frame.getContext('2d', { willReadFrequently: true })!.drawImage(video, 0, 0);
      const text = await decode(frame);
      if (text && !stopped) {
        stop();
        onText(text);
        return;
      }
    }
    setTimeout(tick, INTERVAL_MS);
  };
  tick();
  return stop;
}

async function decoder(): Promise<Decoder> {
  const Native = window.BarcodeDetector;
  if (Native && (await Native.getSupportedFormats()).includes('qr_code')) {
    const detector = new Native({ formats: ['qr_code'] });
    return async (frame) => (await detector.detect(frame))[0]?.rawValue ?? null;
  }
  const reader = new QRCodeReader();
  const hints = new Map([[DecodeHintType.TRY_HARDER, true]]);
  return async (frame) => {
    try {
      const bitmap = new BinaryBitmap(new HybridBinarizer(new HTMLCanvasElementLuminanceSource(frame)));
      return reader.decode(bitmap, hints).getText();
    } catch {
      // No QR code in this frame (NotFoundException and its kin): try the next one.
      return null;
    } finally {
      reader.reset();
    }
  };
}
