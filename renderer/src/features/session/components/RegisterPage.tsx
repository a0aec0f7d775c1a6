import { UsernameSchema, failedPasswordRules } from '@meetai/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { z } from 'zod';
import { errorMessage } from '../../../i18n/error-message';
import { isApiError } from '../../../lib/api-error';
import { ErrorNotice } from '../../../ui/Feedback';
import { SubmitButton } from '../../../ui/SubmitButton';
import { TextField } from '../../../ui/TextField';
import { register } from '../session-actions';
import { useSessionStore } from '../store';
import { AuthLayout } from './AuthLayout';
import { PasswordRules } from './PasswordRules';
import { redirectTarget } from './RequireAuth';

type Field = 'username' | 'email' | 'nickname' | 'password';
type FieldErrors = Partial<Record<Field, string>>;

const EmailSchema = z.email();

export function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const status = useSessionStore((s) => s.status);
  const [values, setValues] = useState<Record<Field, string>>({ username: '', email: '', nickname: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  if (status === 'signed-in') return <Navigate to={redirectTarget(location.state)} replace />;

  const bind = (field: Field) => ({
    value: values[field],
    onChange: (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value })),
    error: fieldErrors[field],
    name: field,
    'data-testid': `register-${field}`,
  });

  const validate = (): FieldErrors => ({
    username: UsernameSchema.safeParse(values.username).success ? undefined : t('register.usernameInvalid'),
    email: EmailSchema.safeParse(values.email.trim()).success ? undefined : t('register.emailInvalid'),
    password: failedPasswordRules(values.password).length ? t('register.passwordWeak') : undefined,
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const errors = validate();
    setFieldErrors(errors);
    setFailure(null);
    if (Object.values(errors).some(Boolean)) return;
    setIsSubmitting(true);
    try {
      const nickname = values.nickname.trim();
      await register({
        username: values.username.trim(),
        email: values.email.trim(),
        password: values.password,
        ...(nickname ? { nickname } : {}),
      });
      navigate(redirectTarget(location.state), { replace: true });
    } catch (error) {
      setIsSubmitting(false);
      if (isApiError(error) && error.code === 'USERNAME_TAKEN') setFieldErrors({ username: errorMessage(t, error) });
      else if (isApiError(error) && error.code === 'EMAIL_TAKEN') setFieldErrors({ email: errorMessage(t, error) });
      else setFailure(error);
    }
  };

  return (
    <AuthLayout
      title={t('register.title')}
      subtitle={t('register.subtitle')}
      switchTo={{
        prompt: t('register.haveAccount'),
        label: t('register.signinLink'),
        to: '/sign-in',
        testId: 'signin-link',
      }}
    >
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField
          label={t('register.username')}
          hint={t('register.usernameHint')}
          autoComplete="username"
          autoFocus
          {...bind('username')}
        />
        <TextField label={t('register.email')} type="email" autoComplete="email" {...bind('email')} />
        <TextField
          label={t('register.nickname')}
          labelNote={t('common.optional')}
          hint={t('register.nicknameHint')}
          autoComplete="nickname"
          {...bind('nickname')}
        />
        <TextField
          label={t('register.password')}
          type="password"
          autoComplete="new-password"
          aria-describedby="register-rules"
          {...bind('password')}
        />
        <PasswordRules password={values.password} id="register-rules" />
        <ErrorNotice error={failure} testId="register-error" />
        <SubmitButton
          label={t('register.submit')}
          busyLabel={t('register.submitting')}
          isBusy={isSubmitting}
          isBlock
          testId="register-submit"
        />
      </form>
    </AuthLayout>
  );
}
