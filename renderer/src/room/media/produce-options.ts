import type { LocalSource } from '../room-store';
import {
  MIC_CODEC_OPTIONS,
  SCREEN_CODEC_OPTIONS,
  SCREEN_ENCODINGS,
  WEBCAM_CODEC_OPTIONS,
  WEBCAM_ENCODINGS,
} from './encodings';
import type { ProduceOptions } from './media-device';

/** Encodings and codec options for each of our sources. */
export function produceOptionsFor(source: LocalSource): Pick<ProduceOptions, 'encodings' | 'codecOptions'> {
  if (source === 'mic') return { codecOptions: MIC_CODEC_OPTIONS };
  if (source === 'webcam') return { encodings: [...WEBCAM_ENCODINGS], codecOptions: WEBCAM_CODEC_OPTIONS };
  return { encodings: [...SCREEN_ENCODINGS], codecOptions: SCREEN_CODEC_OPTIONS };
}
