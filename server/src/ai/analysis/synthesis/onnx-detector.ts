import { existsSync, statSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { confidenceOf, type SynthesisVerdict, type SyntheticVoiceDetector } from './synthetic-voice-detector';

/**
 * A trained anti-spoofing model (AASIST-style) in ONNX form, plugged in by
 * `AI_SPOOF_MODEL=<path>`. What the file must look like:
 * - one float32 input of shape [1, samples] (or [samples]): 16 kHz mono
 *   waveform in [-1, 1]; a fixed length in the model (AASIST: 64600) is met by
 *   repeating or cutting the utterance, a free one gets the whole utterance;
 * - first output: [1, 2] (or [2]) class logits, or [1, 1] / [1] / scalar one
 *   score. With two classes, `AI_SPOOF_CLASS` (default 0) names the spoof
 *   class (AASIST's reference code puts bona fide at 1) and the score is its
 *   softmax; a single value outside 0..1 goes through a sigmoid.
 * A file that is missing, not a model, or of another shape fails at start with
 * a sentence naming AI_SPOOF_MODEL.
 */
export type OnnxDetectorOptions = { path: string; spoofClass: number; threshold: number };

export class OnnxSpoofDetector implements SyntheticVoiceDetector {
  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly inputName: string,
    private readonly outputName: string,
    private readonly inputLength: number | null,
    private readonly inputRank: number,
    private readonly options: OnnxDetectorOptions,
  ) {}

  get method(): string {
    return `ONNX anti-spoofing model (${this.options.path}), spoof class ${this.options.spoofClass}`;
  }

  static async load(options: OnnxDetectorOptions): Promise<OnnxSpoofDetector> {
    const fail = (why: string) => new Error(`AI_SPOOF_MODEL=${options.path}: ${why}`);
    if (!existsSync(options.path) || !statSync(options.path).isFile()) throw fail('no such file');
    let session: ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(options.path, { intraOpNumThreads: 1, interOpNumThreads: 1 });
    } catch (err) {
      throw fail(`not an ONNX model onnxruntime can load (${err instanceof Error ? err.message.split('\n')[0] : err})`);
    }
    if (session.inputNames.length !== 1) {
      await session.release();
      throw fail(`expected one input (a waveform), found ${session.inputNames.length}`);
    }
    const input = session.inputMetadata[0];
    const shape = input?.isTensor ? input.shape : null;
    if (!input?.isTensor || input.type !== 'float32' || !shape || shape.length < 1 || shape.length > 2) {
      await session.release();
      throw fail('its input must be a float32 waveform of shape [1, samples] or [samples]');
    }
    const length = shape[shape.length - 1];
    return new OnnxSpoofDetector(
      session,
      session.inputNames[0]!,
      session.outputNames[0]!,
      typeof length === 'number' && length > 0 ? length : null,
      shape.length,
      options,
    );
  }

  async analyse(pcm: Float32Array): Promise<SynthesisVerdict | null> {
    if (pcm.length < 1600) return null;
    const samples = this.inputLength ? fitLength(pcm, this.inputLength) : pcm;
    const dims = this.inputRank === 2 ? [1, samples.length] : [samples.length];
    const outputs = await this.session.run({ [this.inputName]: new ort.Tensor('float32', samples, dims) });
    const output = outputs[this.outputName];
    if (!output || output.type !== 'float32')
      throw new Error(`AI_SPOOF_MODEL: the model's first output is not float32`);
    const values = output.data as Float32Array;
    let score: number;
    if (values.length === 2) {
      const spoof = values[this.options.spoofClass]!;
      const other = values[1 - this.options.spoofClass]!;
      score = 1 / (1 + Math.exp(other - spoof));
    } else if (values.length === 1) {
      const value = values[0]!;
      score = value >= 0 && value <= 1 ? value : 1 / (1 + Math.exp(-value));
    } else {
      throw new Error(`AI_SPOOF_MODEL: expected 1 or 2 output values, got ${values.length}`);
    }
    return {
      score,
      isSynthetic: score >= this.options.threshold,
      confidence: confidenceOf(score, this.options.threshold),
      features: null,
    };
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}

/** The model's fixed length: the utterance repeated (too short) or its start (too long), as AASIST's loader does. */
function fitLength(pcm: Float32Array, length: number): Float32Array {
  if (pcm.length === length) return pcm;
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = pcm[i % pcm.length]!;
  return out;
}
