import { ASR_MAX_AUDIO_SECONDS, type AsrRequest } from '@meetai/shared';
import { ASR_SAMPLE_RATE } from '../asr/speech-engine';
import { decodeWav } from './wav';

/** A clip refused before it reaches an engine; the sentence goes to the caller as a 400. */
export class BadAudioError extends Error {
  override name = 'BadAudioError';
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The seed's upload (base64 WAV, or raw s16le PCM) as 16 kHz mono float
 * samples. Only 16 kHz is taken: a resampler for arbitrary rates would hide
 * a client's mistake behind worse recognition, so the caller is told instead.
 */
export function decodeUploadedAudio(request: Required<Omit<AsrRequest, 'meeting_id'>>): Float32Array {
  const text = request.audio_data.replace(/\s+/g, '');
  if (!BASE64.test(text)) {
    throw new BadAudioError('audio_data is not base64 (standard alphabet, no data: prefix).');
  }
  const bytes = Buffer.from(text, 'base64');
  const { sampleRate, channels, samples } =
    request.format === 'wav' ? wavOf(bytes) : pcmOf(bytes, request.sample_rate, request.channels);
  if (sampleRate !== ASR_SAMPLE_RATE) {
    throw new BadAudioError(`The audio is ${sampleRate} Hz; send 16000 Hz (16 kHz mono is what the engines take).`);
  }
  const mono = downmix(samples, channels);
  if (mono.length === 0) throw new BadAudioError('The audio is empty.');
  const seconds = mono.length / ASR_SAMPLE_RATE;
  if (seconds > ASR_MAX_AUDIO_SECONDS) {
    throw new BadAudioError(`The audio is ${seconds.toFixed(1)} s long; the limit is ${ASR_MAX_AUDIO_SECONDS} s.`);
  }
  return mono;
}

function wavOf(bytes: Buffer): { sampleRate: number; channels: number; samples: Float32Array } {
  try {
    return decodeWav(bytes);
  } catch (err) {
    throw new BadAudioError(`audio_data is not a usable WAV file: ${(err as Error).message}`);
  }
}

function pcmOf(bytes: Buffer, sampleRate: number, channels: number) {
  if (bytes.length % (2 * channels) !== 0) {
    throw new BadAudioError(`Raw PCM must be whole 16-bit frames of ${channels} channel(s).`);
  }
  const samples = new Float32Array(bytes.length / 2);
  for (let i = 0; i < samples.length; i += 1) samples[i] = bytes.readInt16LE(i * 2) / 32768;
  return { sampleRate, channels, samples };
}

/** Interleaved frames averaged into one channel. */
function downmix(samples: Float32Array, channels: number): Float32Array {
  if (channels === 1) return samples;
  const mono = new Float32Array(Math.floor(samples.length / channels));
  for (let frame = 0; frame < mono.length; frame += 1) {
    let sum = 0;
    for (let c = 0; c < channels; c += 1) sum += samples[frame * channels + c] as number;
    mono[frame] = sum / channels;
  }
  return mono;
}
