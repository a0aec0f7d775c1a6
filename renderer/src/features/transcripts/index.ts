import { lazy } from 'react';

export { transcriptsApi } from './api';

/** A meeting's saved transcript; loaded on first visit. */
export const TranscriptPage = lazy(() =>
  import('./components/TranscriptPage').then((m) => ({ default: m.TranscriptPage })),
);
