export { SignInPage } from './components/SignInPage';
export { RegisterPage } from './components/RegisterPage';
export { RequireAuth } from './components/RequireAuth';
export { useSessionStore } from './store';
export type { SessionStatus, SignOutReason } from './store';
export { endSession, followOtherTabs, renewAccessToken, restoreSession, signIn, signOut } from './session-actions';
