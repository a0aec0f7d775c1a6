/**
 * Loudness of a microphone stream, 0..1, read from a Web Audio AnalyserNode.
 * RMS of the waveform, scaled so normal speech sits around the middle of the
 * meter, with a quick attack and a slower release so the bar reads as motion
 * rather than flicker.
 */
export class AudioLevelMeter {
  private readonly context: AudioContext;
  private readonly analyser: AnalyserNode;
  private readonly source: MediaStreamAudioSourceNode;
  private readonly samples: Float32Array<ArrayBuffer>;
  private level = 0;

  constructor(stream: MediaStream) {
    this.context = new AudioContext();
    this.analyser = this.context.createAnalyser();
    this.analyser.fftSize = 1024;
    this.samples = new Float32Array(this.analyser.fftSize);
    this.source = this.context.createMediaStreamSource(stream);
    this.source.connect(this.analyser);
    // Created outside a click, the context may start suspended under the autoplay policy.
    void this.context.resume().catch(() => undefined);
  }

  /** Call once per frame; returns the smoothed level. */
  read(): number {
    if (this.context.state === 'suspended') void this.context.resume().catch(() => undefined);
    this.analyser.getFloatTimeDomainData(this.samples);
    let sum = 0;
    for (const sample of this.samples) sum += sample * sample;
    const rms = Math.sqrt(sum / this.samples.length);
    const target = Math.min(1, rms * 4);
    const rate = target > this.level ? 0.6 : 0.15;
    this.level += (target - this.level) * rate;
    return this.level;
  }

  close(): void {
    this.source.disconnect();
    void this.context.close().catch(() => undefined);
  }
}
