import type { TFunction } from 'i18next';
import { isApiError } from '../lib/api-error';

/**
 * The translated sentence for any failure: the server's code picks it, never its English message.
 * Words a person wrote for the user (an administrator's ban reason) arrive as the `reason` detail.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    const reason = error.details.find((detail) => detail.path === 'reason')?.message ?? '';
    return t(`errors.${error.code}`, { defaultValue: t('errors.unknown'), reason });
  }
  return t('errors.unknown');
}
