import { OpusDecoder } from 'opus-decoder';

/**
 * Opus payloads of one tap → 48 kHz mono float PCM, with the gaps filled.
 *
 * The decoder is libopus compiled to WebAssembly (npm `opus-decoder`, part of
 * wasm-audio-decoders): no native build, no download at install. A mono
 * decoder takes mono and stereo packets alike (libopus downmixes), so the
 * `stereo` flag a browser may negotiate changes nothing here.
 *
 * Gaps are found from RTP timestamps, not sequence numbers, because two things
 * leave them: lost packets, and DTX (our router asks for it), where a silent
 * sender skips packets on purpose. Either way libopus' concealment fills them
 * (fading speech out, comfort noise after DTX), so the audio's length keeps
 * matching the RTP clock and time stays honest. The wrapper only exposes
 * concealment in 120 ms steps (a decode of an empty packet), so a shorter gap
 * takes the start of one step. A gap longer than `maxConcealMs` (a paused
 * sender) is not filled: it is reported as skipped, so the owner can re-anchor
 * the tap's clock instead of running the voice detector over minutes of
 * nothing. A packet whose timestamp goes back (the source restarted) is
 * decoded and becomes the new reference.
 *
 * libopus reports a corrupt packet on the console (the wrapper does); it is
 * counted here and its span concealed.
 */

/** Opus over RTP always runs a 48 kHz clock (RFC 7587), whatever the encoder's internal rate. */
export const OPUS_RTP_CLOCK_RATE = 48_000;
/** One concealment step of the wrapper: libopus fills its whole 120 ms output buffer. */
const CONCEALMENT_STEP_SAMPLES = (OPUS_RTP_CLOCK_RATE * 120) / 1000;
/** The wrapper's input buffer (32 kB/s over 120 ms); a bigger payload is no Opus packet a browser sends. */
const MAX_PAYLOAD_BYTES = 3840;

export type DecodedChunk = {
  /** 48 kHz mono: concealment of any gap before this packet, then the packet's audio. */
  pcm: Float32Array;
  concealedSamples: number;
  /** A gap too long to fill, left out of `pcm`: the stream's audio time fell this far behind the RTP clock. */
  skippedSamples: number;
};

export type OpusTapDecoderStats = {
  packets: number;
  corruptPackets: number;
  concealedSamples: number;
  skippedSamples: number;
};

export type OpusTapDecoderOptions = {
  /** Longest gap filled by concealment; longer ones are skipped. */
  maxConcealMs?: number;
};

export class OpusTapDecoder {
  readonly stats: OpusTapDecoderStats = { packets: 0, corruptPackets: 0, concealedSamples: 0, skippedSamples: 0 };
  /** RTP timestamp the next packet should carry; null before the first packet. */
  private expectedTimestamp: number | null = null;
  private readonly maxConcealSamples: number;

  private constructor(
    private readonly decoder: OpusDecoder<48000>,
    options: OpusTapDecoderOptions,
  ) {
    this.maxConcealSamples = Math.round(((options.maxConcealMs ?? 1000) * OPUS_RTP_CLOCK_RATE) / 1000);
  }

  /** Compiles and starts the WebAssembly decoder (a few ms; the module is cached after the first). */
  static async create(options: OpusTapDecoderOptions = {}): Promise<OpusTapDecoder> {
    const decoder = new OpusDecoder({ channels: 1, sampleRate: OPUS_RTP_CLOCK_RATE });
    await decoder.ready;
    return new OpusTapDecoder(decoder, options);
  }

  /** Decodes one payload in RTP order (the depacketizer's `payload` events). */
  decode(payload: Uint8Array, rtpTimestamp: number): DecodedChunk {
    this.stats.packets++;
    const gap = this.expectedTimestamp === null ? 0 : (rtpTimestamp - this.expectedTimestamp) | 0;
    const isFillable = gap > 0 && gap <= this.maxConcealSamples;
    const concealment = isFillable ? this.conceal(gap) : new Float32Array(0);
    const skippedSamples = gap > this.maxConcealSamples ? gap : 0;
    this.stats.concealedSamples += concealment.length;
    this.stats.skippedSamples += skippedSamples;

    const audio = this.decodePacket(payload);
    // The audio now reaches this packet's end; a corrupt packet's own span is left to the next packet's gap.
    this.expectedTimestamp = (rtpTimestamp + audio.length) >>> 0;

    const pcm = new Float32Array(concealment.length + audio.length);
    pcm.set(concealment);
    pcm.set(audio, concealment.length);
    return { pcm, concealedSamples: concealment.length, skippedSamples };
  }

  close(): void {
    this.decoder.free();
  }

  private decodePacket(payload: Uint8Array): Float32Array {
    if (payload.length === 0 || payload.length > MAX_PAYLOAD_BYTES) {
      this.stats.corruptPackets++;
      return new Float32Array(0);
    }
    const decoded = this.decoder.decodeFrame(payload);
    if (decoded.errors.length > 0 || decoded.samplesDecoded === 0) {
      this.stats.corruptPackets++;
      return new Float32Array(0);
    }
    return decoded.channelData[0]!.subarray(0, decoded.samplesDecoded);
  }

  private conceal(samples: number): Float32Array {
    const out = new Float32Array(samples);
    for (let filled = 0; filled < samples;) {
      const step = this.decoder.decodeFrame(new Uint8Array(0));
      const take = Math.min(step.samplesDecoded, samples - filled, CONCEALMENT_STEP_SAMPLES);
      if (take <= 0) break; // the decoder refused to conceal: leave silence
      out.set(step.channelData[0]!.subarray(0, take), filled);
      filled += take;
    }
    return out;
  }
}
