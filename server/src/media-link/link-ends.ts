import {
  AiSideNotifications,
  AiSideRequests,
  MediaSideNotifications,
  MediaSideRequests,
} from '@meetai/shared/contracts/internal/media-link';

/** The media service's end: it answers for taps, asks about captions, hears caption events, tells seam events. */
export const MEDIA_END = {
  serves: MediaSideRequests,
  asks: AiSideRequests,
  hears: AiSideNotifications,
  tells: MediaSideNotifications,
};
export type MediaEnd = typeof MEDIA_END;

/** The AI service's end: the mirror image. */
export const AI_END = {
  serves: AiSideRequests,
  asks: MediaSideRequests,
  hears: MediaSideNotifications,
  tells: AiSideNotifications,
};
export type AiEnd = typeof AI_END;
