import { act, fireEvent, screen, within } from '@testing-library/react';
import { DEFAULT_SETTINGS } from '@meetai/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captionFixture, captionsStatusFixture } from '../../../room/testing/caption-fixtures';
import { peerFixture } from '../../../room/testing/fake-server';
import { useSettingsStore } from '../../settings';
import { renderRoom, seedJoined } from '../testing/render-room';
import { CaptionsOverlay } from './CaptionsOverlay';
import { CaptionsPrivacy } from './CaptionsPrivacy';
import { ControlsBar } from './ControlsBar';

const self = peerFixture('peer-self', { userId: 7, displayName: 'Mei Lin' });
const host = { ...self, role: 'host' as const };
const guest = peerFixture('peer-2', { userId: 2, displayName: 'Wang Fang' });
const NOW = Date.parse('2030-03-02T09:01:05.000Z');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.setSystemTime(NOW);
  useSettingsStore.getState().setSettings(DEFAULT_SETTINGS);
});

afterEach(() => {
  vi.useRealTimers();
});

const lineTexts = () =>
  screen.getAllByTestId('caption-line').map((line) => [line.dataset.speaker, line.dataset.final, line.textContent]);

describe('CaptionsOverlay', () => {
  it('shows the final line normal and the interim one greyed, each under its speaker', () => {
    renderRoom(<CaptionsOverlay />, {
      seed: (actions) => {
        seedJoined(actions, self, [guest]);
        actions.setCaptionsStatus(captionsStatusFixture());
        actions.upsertCaption(captionFixture('u1', { text: 'the quick brown fox' }), NOW - 1000);
        actions.upsertCaption(
          captionFixture('u2', { peerId: 'peer-self', displayName: 'Mei Lin', text: 'jumps', isFinal: false }),
          NOW,
        );
      },
    });
    expect(lineTexts()).toEqual([
      ['Wang Fang', 'true', 'Wang Fangthe quick brown fox'],
      ['Mei Lin', 'false', 'Mei Linjumps'],
    ]);
    const [final, interim] = screen.getAllByTestId('caption-line');
    expect(final?.className).not.toContain('caption-line--interim');
    expect(interim?.className).toContain('caption-line--interim');
    expect(final?.getAttribute('title')).toBe('Whisper · tiny.en · confidence 82%');
    expect(screen.queryByTestId('captions-notice')).toBeNull();
  });

  it('updates a line in place as its interim text grows and turns final', () => {
    const { actions } = renderRoom(<CaptionsOverlay />, {
      seed: (a) => {
        seedJoined(a, self, [guest]);
        a.setCaptionsStatus(captionsStatusFixture());
        a.upsertCaption(captionFixture('u1', { text: 'the', isFinal: false }));
      },
    });
    act(() => actions.upsertCaption(captionFixture('u1', { text: 'the quick', isFinal: false })));
    expect(lineTexts()).toEqual([['Wang Fang', 'false', 'Wang Fangthe quick']]);
    act(() => actions.upsertCaption(captionFixture('u1', { text: 'the quick fox' })));
    expect(lineTexts()).toEqual([['Wang Fang', 'true', 'Wang Fangthe quick fox']]);
  });

  it('tags a line in another language than the UI', () => {
    renderRoom(<CaptionsOverlay />, {
      seed: (actions) => {
        seedJoined(actions, self, [guest]);
        actions.setCaptionsStatus(captionsStatusFixture({ languages: ['en', 'zh'] }));
        actions.upsertCaption(captionFixture('u1', { text: '大家好', language: 'zh' }));
        actions.upsertCaption(captionFixture('u2', { peerId: 'peer-3', text: 'hello', language: 'en' }));
      },
    });
    const [chinese, english] = screen.getAllByTestId('caption-line');
    expect(chinese?.textContent).toBe('Wang FangChinese大家好');
    expect(english?.textContent).toBe('Wang Fanghello');
  });

  it.each([
    ['paused', { state: 'paused' as const, reason: 'The speech engine is restarting' }, false, 'Captions paused'],
    ['off', { enabled: false, state: 'off' as const }, false, 'The host has turned captions off'],
    ['offHost', { enabled: false, state: 'off' as const }, true, 'You can turn them on in the transcript panel'],
    ['unavailable', { state: 'unavailable' as const, reason: 'model missing' }, false, 'could not start'],
    ['delayed', { state: 'delayed' as const, reason: 'queue full' }, false, 'running behind'],
  ])('says why captions are %s, translated, with the server’s reason only as detail', (kind, patch, isHost, text) => {
    renderRoom(<CaptionsOverlay />, {
      seed: (actions) => {
        seedJoined(actions, isHost ? host : self, [guest]);
        actions.setCaptionsStatus(captionsStatusFixture(patch));
      },
    });
    const notice = screen.getByTestId('captions-notice');
    expect(notice.dataset.kind).toBe(kind);
    expect(notice.textContent).toContain(text);
    if ('reason' in patch) {
      expect(notice.textContent).not.toContain(patch.reason);
      expect(notice.getAttribute('title')).toBe(patch.reason);
    }
  });

  it('says so when the server has no captions at all', () => {
    renderRoom(<CaptionsOverlay />, { seed: (actions) => seedJoined(actions, self, [guest]) });
    expect(screen.getByTestId('captions-notice').dataset.kind).toBe('none');
    expect(screen.getByTestId('captions-overlay').dataset.state).toBe('none');
  });

  it('draws nothing when the user has hidden captions, and uses the remembered size', () => {
    const { actions } = renderRoom(<CaptionsOverlay />, {
      seed: (a) => {
        seedJoined(a, self, [guest]);
        a.setCaptionsStatus(captionsStatusFixture({ state: 'paused' }));
      },
    });
    act(() => useSettingsStore.getState().setSettings({ ...DEFAULT_SETTINGS, captions_size: 'large' }));
    expect(screen.getByTestId('captions-overlay').className).toContain('captions-overlay--large');
    act(() => useSettingsStore.getState().setSettings({ ...DEFAULT_SETTINGS, captions_visible: false }));
    act(() => actions.upsertCaption(captionFixture('u1')));
    expect(screen.queryByTestId('captions-overlay')).toBeNull();
  });
});

describe('caption controls', () => {
  it('the CC button hides and shows captions for this user, remembered in the settings', async () => {
    renderRoom(<ControlsBar />, {
      seed: (actions) => {
        seedJoined(actions, self, [guest]);
        actions.setCaptionsStatus(captionsStatusFixture());
      },
    });
    const toggle = screen.getByTestId('captions-toggle');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    await act(async () => fireEvent.click(toggle));
    expect(useSettingsStore.getState().settings.captions_visible).toBe(false);
    expect(screen.getByTestId('captions-toggle').getAttribute('aria-pressed')).toBe('false');
    expect(JSON.parse(localStorage.getItem('meetai.settings') ?? '{}')).toMatchObject({ captions_visible: false });
  });

  it('the caption menu sets the text size', async () => {
    renderRoom(<ControlsBar />, { seed: (actions) => seedJoined(actions, self, [guest]) });
    fireEvent.click(screen.getByTestId('captions-menu-toggle'));
    await act(async () => fireEvent.click(screen.getByTestId('captions-size-small')));
    expect(useSettingsStore.getState().settings.captions_size).toBe('small');
  });

  it('the CC button says why captions are not coming', () => {
    renderRoom(<ControlsBar />, {
      seed: (actions) => {
        seedJoined(actions, self, [guest]);
        actions.setCaptionsStatus(captionsStatusFixture({ enabled: false, state: 'off' }));
      },
    });
    expect(screen.getByTestId('captions-toggle').getAttribute('title')).toBe(
      'Hide captions. The host has turned captions off for this meeting.',
    );
  });

  it('opens the transcript panel', () => {
    const { store } = renderRoom(<ControlsBar />, { seed: (actions) => seedJoined(actions, self, [guest]) });
    fireEvent.click(screen.getByTestId('transcript-toggle'));
    expect(store.getState().panel).toBe('transcript');
  });
});

describe('CaptionsPrivacy', () => {
  it('says speech is transcribed on this server while captions are on, even paused', () => {
    const { actions } = renderRoom(<CaptionsPrivacy />, {
      seed: (a) => {
        seedJoined(a, self, [guest]);
        a.setCaptionsStatus(captionsStatusFixture());
      },
    });
    const indicator = screen.getByTestId('captions-privacy');
    expect(indicator.getAttribute('title')).toContain('on this server (Whisper, tiny.en)');
    act(() => actions.setCaptionsStatus(captionsStatusFixture({ state: 'paused' })));
    expect(screen.getByTestId('captions-privacy')).toBeTruthy();
    act(() => actions.setCaptionsStatus(captionsStatusFixture({ enabled: false, state: 'off' })));
    expect(screen.queryByTestId('captions-privacy')).toBeNull();
  });

  it('shows nothing on a server without captions', () => {
    const { container } = renderRoom(<CaptionsPrivacy />, { seed: (a) => seedJoined(a, self, [guest]) });
    expect(within(container).queryByTestId('captions-privacy')).toBeNull();
  });
});
