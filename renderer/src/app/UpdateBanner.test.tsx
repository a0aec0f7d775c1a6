import { BridgeChannels, methodNameOf, type BridgeChannel, type UpdateStatus } from '@meetai/shared';
import { act, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import en from '../i18n/en.json';
import { UpdateBanner } from './UpdateBanner';

/** A desktop bridge as the preload exposes it; the test plays main's updater:status events. */
const statusListeners = new Set<(status: UpdateStatus) => void>();
const desktop: Record<string, unknown> = Object.fromEntries(
  (Object.keys(BridgeChannels) as BridgeChannel[]).map((channel) => [methodNameOf(channel), vi.fn(async () => null)]),
);
desktop.updaterGetStatus = vi.fn(async (): Promise<UpdateStatus> => ({ state: 'idle' }));
desktop.on = (event: string, listener: (status: UpdateStatus) => void) => {
  if (event === 'updater:status') statusListeners.add(listener);
  return () => statusListeners.delete(listener);
};

const publish = (status: UpdateStatus) => act(() => statusListeners.forEach((listener) => listener(status)));

function renderBanner() {
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: en } }, initAsync: false });
  return render(
    <I18nextProvider i18n={i18n}>
      <UpdateBanner />
    </I18nextProvider>,
  );
}

describe('UpdateBanner (desktop app)', () => {
  beforeAll(() => {
    window.desktop = desktop as unknown as typeof window.desktop;
  });

  it('shows nothing while idle, then the download progress, then the offer to restart', async () => {
    renderBanner();
    await act(async () => undefined);
    expect(screen.queryByTestId('update-banner')).toBeNull();

    publish({ state: 'downloading', version: '0.2.0', percent: 41.7 });
    expect(screen.getByTestId('update-banner').textContent).toContain('Downloading MeetAI 0.2.0… 41%');

    publish({ state: 'ready', version: '0.2.0' });
    expect(screen.getByTestId('update-banner').textContent).toContain('MeetAI 0.2.0 is ready');
    fireEvent.click(screen.getByTestId('update-restart'));
    expect(desktop.updaterInstall).toHaveBeenCalledOnce();
  });

  it('goes away on Later, and shows nothing for a failed background check', async () => {
    renderBanner();
    publish({ state: 'ready', version: '0.2.0' });
    fireEvent.click(screen.getByText('Later'));
    expect(screen.queryByTestId('update-banner')).toBeNull();
    publish({ state: 'error', message: 'offline' });
    expect(screen.queryByTestId('update-banner')).toBeNull();
  });

  it('shows a download already under way when it mounts', async () => {
    vi.mocked(desktop.updaterGetStatus as () => Promise<UpdateStatus>).mockResolvedValueOnce({
      state: 'downloading',
      version: '0.3.0',
      percent: 5,
    });
    renderBanner();
    await act(async () => undefined);
    expect(screen.getByTestId('update-banner').dataset.state).toBe('downloading');
  });
});
