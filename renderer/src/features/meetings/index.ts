import { lazy } from 'react';

export { useMeetingsStore, selectScopeMeetings } from './store';
export { meetingsApi } from './api';
export { useMeeting, parseMeetingId } from './hooks';
export { useMeetingStartAlerts } from './meeting-start-alerts';

/** The meetings screens load on first visit: sign-in does not need them. */
export const MeetingsHomePage = lazy(() =>
  import('./components/MeetingsHomePage').then((m) => ({ default: m.MeetingsHomePage })),
);
export const CreateMeetingPage = lazy(() =>
  import('./components/CreateMeetingPage').then((m) => ({ default: m.CreateMeetingPage })),
);
export const MeetingDetailsPage = lazy(() =>
  import('./components/MeetingDetailsPage').then((m) => ({ default: m.MeetingDetailsPage })),
);
export const JoinByCodePage = lazy(() =>
  import('./components/JoinByCodePage').then((m) => ({ default: m.JoinByCodePage })),
);
