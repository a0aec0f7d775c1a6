import { useEffect, useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { AudioLevelMeter } from '../media/audio-level';

const BARS = 12;

/**
 * A bar of segments lit by the microphone's loudness. It writes straight to the
 * DOM each frame (style and data-level) instead of re-rendering React 60 times a second.
 */
export function MicMeter({ stream }: { stream: MediaStream | null }) {
  const { t } = useTranslation();
  const meterRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = meterRef.current;
    if (!element) return;
    const show = (level: number) => {
      element.dataset.level = level.toFixed(3);
      element.style.setProperty('--level', String(level));
      element.setAttribute('aria-valuenow', String(Math.round(level * 100)));
    };
    if (!stream || stream.getAudioTracks().length === 0) {
      show(0);
      return;
    }
    const meter = new AudioLevelMeter(stream);
    let frame = 0;
    const tick = () => {
      show(meter.read());
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
      meter.close();
      show(0);
    };
  }, [stream]);

  return (
    <div
      ref={meterRef}
      className="mic-meter"
      role="meter"
      aria-label={t('lobby.micLevel')}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={0}
      data-level="0.000"
      data-testid="mic-meter"
    >
      {Array.from({ length: BARS }, (_, index) => (
        <span key={index} className="mic-meter__bar" style={{ '--threshold': (index + 0.5) / BARS } as CSSProperties} />
      ))}
    </div>
  );
}
