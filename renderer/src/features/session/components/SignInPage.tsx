import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ErrorNotice, Notice } from '../../../ui/Feedback';
import { SubmitButton } from '../../../ui/SubmitButton';
import { TextField } from '../../../ui/TextField';
import { restoreSession, signIn } from '../session-actions';
import { useSessionStore } from '../store';
import { AuthLayout } from './AuthLayout';
import { redirectTarget } from './RequireAuth';

interface FieldErrors {
  username?: string;
  password?: string;
}

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const status = useSessionStore((s) => s.status);
  const signOutReason = useSessionStore((s) => s.signOutReason);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const target = redirectTarget(location.state);

  if (status === 'signed-in') return <Navigate to={target} replace />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldErrors = {
      username: username.trim() ? undefined : t('signin.usernameRequired'),
      password: password ? undefined : t('signin.passwordRequired'),
    };
    setFieldErrors(errors);
    setFailure(null);
    if (errors.username || errors.password) return;
    setIsSubmitting(true);
    try {
      await signIn({ username: username.trim(), password });
      navigate(target, { replace: true });
    } catch (error) {
      setFailure(error);
      setIsSubmitting(false);
    }
  };

  return (
    <AuthLayout
      title={t('signin.title')}
      subtitle={t('signin.subtitle')}
      switchTo={{
        prompt: t('signin.noAccount'),
        label: t('signin.registerLink'),
        to: '/register',
        testId: 'register-link',
      }}
    >
      {signOutReason === 'expired' ? (
        <Notice tone="warning" testId="signin-session-expired">
          {t('signin.sessionExpired')}
        </Notice>
      ) : null}
      {signOutReason === 'unreachable' ? (
        <Notice tone="warning" onRetry={() => void restoreSession()} testId="signin-unreachable">
          {t('errors.NETWORK_ERROR')}
        </Notice>
      ) : null}
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField
          label={t('signin.username')}
          name="username"
          autoComplete="username"
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          error={fieldErrors.username}
          autoFocus
          data-testid="signin-username"
        />
        <TextField
          label={t('signin.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={fieldErrors.password}
          data-testid="signin-password"
        />
        <ErrorNotice error={failure} testId="signin-error" />
        <SubmitButton
          label={t('signin.submit')}
          busyLabel={t('signin.submitting')}
          isBusy={isSubmitting}
          isBlock
          testId="signin-submit"
        />
      </form>
    </AuthLayout>
  );
}
