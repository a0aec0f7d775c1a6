import type { EmotionLabel } from '@meetai/shared';

/** The badge's picture per emotion; the word beside it comes from the translations. */
export const EMOTION_EMOJI: Record<EmotionLabel, string> = {
  joy: '😊',
  anger: '😠',
  sadness: '😢',
  fear: '😟',
  surprise: '😮',
  neutral: '😐',
};

export const percent = (share: number) => `${Math.round(share * 100)}%`;
