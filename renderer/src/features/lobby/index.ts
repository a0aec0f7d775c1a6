import { lazy } from 'react';

/** The lobby opens camera and microphone: loaded only when someone is about to join. */
export const LobbyPage = lazy(() => import('./components/LobbyPage').then((m) => ({ default: m.LobbyPage })));
