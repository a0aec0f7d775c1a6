import { PASSWORD_RULES } from '@meetai/shared';
import { useTranslation } from 'react-i18next';

/** The shared password rules, each ticking as soon as what is typed meets it. */
export function PasswordRules({ password, id }: { password: string; id?: string }) {
  const { t } = useTranslation();
  return (
    <ul className="password-rules" id={id} aria-live="polite" data-testid="register-rules">
      <li className="password-rules__title">{t('register.rulesTitle')}</li>
      {PASSWORD_RULES.map((rule) => {
        const isMet = rule.test(password);
        return (
          <li key={rule.id} className="password-rule" data-met={isMet} data-testid={`register-rule-${rule.id}`}>
            <span className="password-rule__mark" aria-hidden="true">
              {isMet ? '✓' : ''}
            </span>
            <span>{t(`register.rules.${rule.id}`)}</span>
            <span className="visually-hidden">{isMet ? t('register.ruleMet') : t('register.ruleUnmet')}</span>
          </li>
        );
      })}
    </ul>
  );
}
