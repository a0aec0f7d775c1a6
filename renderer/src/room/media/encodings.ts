import type { CodecOptions, EncodingOptions } from './media-device';

/*
 * Our send-side media choices. Camera video goes out as three simulcast
 * layers (quarter, half and full resolution) so the SFU can forward each
 * receiver the one that fits its tile; L1T3 adds temporal layers so it can
 * also drop frame rate under congestion before dropping resolution.
 */

export const WEBCAM_ENCODINGS: readonly EncodingOptions[] = [
  { scaleResolutionDownBy: 4, maxBitrate: 150_000, scalabilityMode: 'L1T3' },
  { scaleResolutionDownBy: 2, maxBitrate: 500_000, scalabilityMode: 'L1T3' },
  { scaleResolutionDownBy: 1, maxBitrate: 1_200_000, scalabilityMode: 'L1T3' },
];

/** Output width of each simulcast layer for a 1280-wide camera, lowest first. */
export const WEBCAM_LAYER_WIDTHS: readonly number[] = [320, 640, 1280];

export const WEBCAM_CODEC_OPTIONS: CodecOptions = { videoGoogleStartBitrate: 1000 };

export const WEBCAM_CONSTRAINTS: MediaTrackConstraints = {
  width: { ideal: 1280 },
  height: { ideal: 720 },
  frameRate: { ideal: 30, max: 30 },
};

/** DTX saves bandwidth in silence; in-band FEC hides a little packet loss. Speech needs no stereo. */
export const MIC_CODEC_OPTIONS: CodecOptions = { opusStereo: false, opusDtx: true, opusFec: true };

export const MIC_CONSTRAINTS: MediaTrackConstraints = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
};

/** Screens are sharp text that changes rarely: one layer, high bitrate, low frame rate. */
export const SCREEN_ENCODINGS: readonly EncodingOptions[] = [{ maxBitrate: 2_500_000, scalabilityMode: 'L1T3' }];

export const SCREEN_CODEC_OPTIONS: CodecOptions = { videoGoogleStartBitrate: 1000 };

export const SCREEN_CONSTRAINTS: MediaTrackConstraints = { frameRate: { ideal: 15, max: 30 } };
