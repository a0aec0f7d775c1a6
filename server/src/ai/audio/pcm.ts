/**
 * Conversions between 16-bit PCM and the float samples in [-1, 1] the speech
 * path uses. Both ways scale by 32768, so a round trip returns the same
 * integers; +1.0 itself lands one step short of full scale.
 */

export function int16ToFloat32(samples: Int16Array): Float32Array {
  const out = new Float32Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = samples[i]! / 32768;
  return out;
}

/** Clips what lies outside [-1, 1] (a hot microphone) instead of letting it wrap around. */
export function float32ToInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const scaled = Math.round(samples[i]! * 32768);
    out[i] = scaled > 32767 ? 32767 : scaled < -32768 ? -32768 : scaled;
  }
  return out;
}
