type SinkCapable = HTMLAudioElement & { setSinkId?: (sinkId: string) => Promise<void> };

export function canChooseSpeaker(): boolean {
  return typeof (HTMLMediaElement.prototype as SinkCapable).setSinkId === 'function';
}

/**
 * Plays a short two-note chime on the chosen speaker: an oscillator feeds a
 * MediaStream that an <audio> element plays, because only media elements can
 * be pointed at a particular output device (setSinkId).
 */
export async function playTestSound(speakerId: string | null): Promise<void> {
  const context = new AudioContext();
  const destination = context.createMediaStreamDestination();
  const gain = context.createGain();
  gain.connect(destination);
  const audio: SinkCapable = new Audio();
  audio.srcObject = destination.stream;
  try {
    if (speakerId && audio.setSinkId) await audio.setSinkId(speakerId);
    await audio.play();
    const start = context.currentTime;
    for (const [offset, frequency] of [
      [0, 660],
      [0.25, 880],
    ] as const) {
      const tone = context.createOscillator();
      tone.frequency.value = frequency;
      tone.connect(gain);
      gain.gain.setValueAtTime(0.2, start + offset);
      tone.start(start + offset);
      tone.stop(start + offset + 0.22);
    }
    await new Promise((resolve) => setTimeout(resolve, 600));
  } finally {
    audio.pause();
    audio.srcObject = null;
    await context.close();
  }
}
