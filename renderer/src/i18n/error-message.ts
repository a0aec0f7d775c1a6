import type { TFunction } from 'i18next';
import { isApiError } from '../lib/api-error';

/** The translated sentence for any failure: the server's code picks it, never its English message. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) return t(`errors.${error.code}`, { defaultValue: t('errors.unknown') });
  return t('errors.unknown');
}
