import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRouter, Link, Route, Routes } from 'react-router';
import { AdminPage } from '../features/admin';
import { CreateMeetingPage, JoinByCodePage, MeetingDetailsPage, MeetingsHomePage } from '../features/meetings';
import { LobbyPage } from '../features/lobby';
import { MeetingRoomPage } from '../features/room';
import { ServerPage } from '../features/server';
import { RegisterPage, RequireAuth, SignInPage } from '../features/session';
import { TranscriptPage } from '../features/transcripts';
import { EmptyState, LoadingBlock } from '../ui/Feedback';
import { AppEffects } from './AppEffects';
import { AppShell } from './AppShell';

/** Loaded on first visit: not needed to reach sign-in. */
const SettingsPage = lazy(() => import('./SettingsPage').then((m) => ({ default: m.SettingsPage })));

function NotFound() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon="alert"
      title={t('app.notFoundTitle')}
      body={t('app.notFoundBody')}
      action={<Link to="/">{t('app.backHome')}</Link>}
      testId="not-found"
    />
  );
}

/**
 * A hash router: the same build works from the desktop shell's app://meetai/
 * origin and from the gateway, which only ever has to serve index.html.
 */
export function App() {
  const { t } = useTranslation();
  return (
    <HashRouter>
      <AppEffects />
      <Suspense fallback={<LoadingBlock label={t('app.loading')} />}>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/register" element={<RegisterPage />} />
          <Route path="/server" element={<ServerPage />} />
          <Route element={<RequireAuth />}>
            {/* The meeting room fills the window: no app header around it. */}
            <Route path="/room/:id" element={<MeetingRoomPage />} />
            <Route element={<AppShell />}>
              <Route index element={<MeetingsHomePage />} />
              <Route path="/meetings/new" element={<CreateMeetingPage />} />
              <Route path="/meetings/:id" element={<MeetingDetailsPage />} />
              <Route path="/meetings/:id/transcript" element={<TranscriptPage />} />
              <Route path="/join/:code" element={<JoinByCodePage />} />
              <Route path="/lobby/:id" element={<LobbyPage />} />
              <Route path="/settings" element={<SettingsPage />} />
              <Route path="/admin" element={<AdminPage />} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Route>
        </Routes>
      </Suspense>
    </HashRouter>
  );
}
