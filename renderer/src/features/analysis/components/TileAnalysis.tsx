import type { SpeakerEmotion, SynthesisAlert } from '@meetai/shared';
import { EmotionBadge } from './EmotionBadge';
import { SynthesisBadge } from './SynthesisBadge';

/** The analysis badges of one tile: the alert first (it matters more), then the emotion. */
export function TileAnalysis({ emotion, alert }: { emotion?: SpeakerEmotion; alert?: SynthesisAlert }) {
  if (!emotion && !alert) return null;
  return (
    <div className="tile-analysis">
      {alert ? <SynthesisBadge alert={alert} /> : null}
      {emotion ? <EmotionBadge emotion={emotion} /> : null}
    </div>
  );
}
