import type { MeetingScope } from '@meetai/shared';
import { isApiError } from '../../lib/api-error';
import { meetingsApi } from './api';
import { useMeetingsStore } from './store';

/** Fetches one tab into the store; failures are kept as a code for the screen to translate. */
export async function loadMeetings(scope: MeetingScope): Promise<void> {
  const store = useMeetingsStore.getState();
  store.startLoading(scope);
  try {
    const page = await meetingsApi.list(scope);
    useMeetingsStore.getState().setList(scope, page.list, page.total);
  } catch (error) {
    useMeetingsStore.getState().failLoading(scope, isApiError(error) ? error.code : 'NETWORK_ERROR');
  }
}
