import { act, fireEvent, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captionFixture, captionsStatusFixture } from '../../../room/testing/caption-fixtures';
import { peerFixture } from '../../../room/testing/fake-server';
import type { RoomActions } from '../../../room/room-store';
import { renderRoom, seedJoined } from '../testing/render-room';
import { isScrolledToEnd, useFollowScroll } from '../use-follow-scroll';
import { TranscriptPanel } from './TranscriptPanel';

const self = peerFixture('peer-self', { userId: 7, displayName: 'Mei Lin' });
const host = { ...self, role: 'host' as const };
const guest = peerFixture('peer-2', { userId: 2, displayName: 'Wang Fang' });
const at = (time: string) => Date.parse(`2030-03-02T${time}Z`);

function seedLines(actions: RoomActions) {
  actions.setCaptionsStatus(captionsStatusFixture({ languages: ['en', 'zh'] }));
  actions.upsertCaption(captionFixture('u1', { text: 'Good morning everyone', startMs: at('09:01:00') }));
  actions.upsertCaption(
    captionFixture('u2', {
      peerId: 'peer-self',
      displayName: 'Mei Lin',
      text: 'The budget is ready',
      startMs: at('09:02:00'),
    }),
  );
  actions.upsertCaption(captionFixture('u3', { text: 'and the budget', isFinal: false, startMs: at('09:03:00') }));
}

const rows = () => screen.getAllByTestId('transcript-line').map((row) => [row.dataset.speaker, row.dataset.final]);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('TranscriptPanel', () => {
  it('lists finals in order with speaker and time, the line still being spoken at the bottom', () => {
    renderRoom(<TranscriptPanel />, { seed: (actions) => (seedJoined(actions, self, [guest]), seedLines(actions)) });
    expect(rows()).toEqual([
      ['Wang Fang', 'true'],
      ['Mei Lin', 'true'],
      ['Wang Fang', 'false'],
    ]);
    const [first, , interim] = screen.getAllByTestId('transcript-line');
    expect(first?.querySelector('time')?.getAttribute('dateTime')).toBe('2030-03-02T09:01:00.000Z');
    expect(first?.textContent).toContain('Whisper · tiny.en · confidence 82%');
    expect(interim?.className).toContain('transcript-line--interim');
  });

  it('filters lines by what the search box says, speaker names included', () => {
    renderRoom(<TranscriptPanel />, { seed: (actions) => (seedJoined(actions, self, [guest]), seedLines(actions)) });
    fireEvent.change(screen.getByTestId('transcript-search'), { target: { value: 'BUDGET' } });
    expect(rows()).toEqual([
      ['Mei Lin', 'true'],
      ['Wang Fang', 'false'],
    ]);
    fireEvent.change(screen.getByTestId('transcript-search'), { target: { value: 'wang morning' } });
    expect(rows()).toEqual([['Wang Fang', 'true']]);
    fireEvent.change(screen.getByTestId('transcript-search'), { target: { value: 'zebra' } });
    expect(screen.queryAllByTestId('transcript-line')).toEqual([]);
    expect(screen.getByTestId('transcript-empty').textContent).toBe('No lines match “zebra”.');
  });

  it('copies every finished line as text', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    vi.stubGlobal('isSecureContext', true);
    renderRoom(<TranscriptPanel />, { seed: (actions) => (seedJoined(actions, self, [guest]), seedLines(actions)) });
    await act(async () => fireEvent.click(screen.getByTestId('transcript-copy')));
    const text = writeText.mock.calls[0]?.[0] ?? '';
    expect(text.split('\n')).toHaveLength(2);
    // The time is the reader's clock in their language: only its place is checked.
    expect(text).toMatch(/^\[[^\]]+\] Wang Fang: Good morning everyone\n\[[^\]]+\] Mei Lin: The budget is ready$/);
    expect(screen.getByTestId('transcript-copy').textContent).toBe('Copied');
  });

  it('host: switches captions off and picks a language through the room client', () => {
    const { controller } = renderRoom(<TranscriptPanel />, {
      seed: (actions) => (seedJoined(actions, host, [guest]), seedLines(actions)),
    });
    fireEvent.click(screen.getByTestId('captions-host-toggle'));
    expect(controller.setCaptions).toHaveBeenCalledWith(false, 'auto');
    fireEvent.change(screen.getByTestId('captions-language'), { target: { value: 'zh' } });
    expect(controller.setCaptions).toHaveBeenLastCalledWith(true, 'zh');
  });

  it('host: Chinese cannot be chosen while the server’s model is English only, and the panel says why', () => {
    renderRoom(<TranscriptPanel />, {
      seed: (actions) => {
        seedJoined(actions, host, [guest]);
        actions.setCaptionsStatus(captionsStatusFixture({ languages: ['en'] }));
      },
    });
    const chinese = screen.getByRole('option', { name: 'Chinese' }) as HTMLOptionElement;
    expect(chinese.disabled).toBe(true);
    expect(screen.getByTestId('transcript-panel').textContent).toContain('need a multilingual speech model');
  });

  it('offers no host switch to participants', () => {
    renderRoom(<TranscriptPanel />, { seed: (actions) => (seedJoined(actions, self, [guest]), seedLines(actions)) });
    expect(screen.queryByTestId('captions-host-toggle')).toBeNull();
  });
});

/** A list whose scroll geometry the test sets, as jsdom lays nothing out. */
function ScrollList({ contentKey }: { contentKey: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const follow = useFollowScroll(ref, contentKey);
  return (
    <>
      <div ref={ref} data-testid="list" onScroll={follow.onScroll} />
      <span data-testid="following">{String(follow.isFollowing)}</span>
      <button type="button" onClick={follow.jumpToLatest}>
        jump
      </button>
    </>
  );
}

function geometry(element: HTMLElement, scrollHeight: number, clientHeight = 200) {
  Object.defineProperty(element, 'scrollHeight', { configurable: true, value: scrollHeight });
  Object.defineProperty(element, 'clientHeight', { configurable: true, value: clientHeight });
}

describe('auto-scroll', () => {
  it('counts the last few pixels as the end', () => {
    expect(isScrolledToEnd({ scrollTop: 800, scrollHeight: 1000, clientHeight: 200 })).toBe(true);
    expect(isScrolledToEnd({ scrollTop: 780, scrollHeight: 1000, clientHeight: 200 })).toBe(true);
    expect(isScrolledToEnd({ scrollTop: 700, scrollHeight: 1000, clientHeight: 200 })).toBe(false);
  });

  it('follows new lines, pauses when the reader scrolls up, and follows again after a jump', () => {
    const { rerender } = render(<ScrollList contentKey={1} />);
    const list = screen.getByTestId('list');
    geometry(list, 1000);
    rerender(<ScrollList contentKey={2} />);
    expect(list.scrollTop).toBe(1000);

    list.scrollTop = 300;
    fireEvent.scroll(list);
    expect(screen.getByTestId('following').textContent).toBe('false');
    geometry(list, 1400);
    rerender(<ScrollList contentKey={3} />);
    expect(list.scrollTop).toBe(300);

    fireEvent.click(screen.getByText('jump'));
    expect(list.scrollTop).toBe(1400);
    expect(screen.getByTestId('following').textContent).toBe('true');
    geometry(list, 1600);
    rerender(<ScrollList contentKey={4} />);
    expect(list.scrollTop).toBe(1600);
  });

  it('follows again when the reader scrolls back to the end', () => {
    render(<ScrollList contentKey={1} />);
    const list = screen.getByTestId('list');
    geometry(list, 1000);
    list.scrollTop = 100;
    fireEvent.scroll(list);
    list.scrollTop = 800;
    fireEvent.scroll(list);
    expect(screen.getByTestId('following').textContent).toBe('true');
  });
});

describe('TranscriptPanel notices', () => {
  it('tells the host captions are off without sending them to the panel they are in', () => {
    renderRoom(<TranscriptPanel />, {
      seed: (actions) => {
        seedJoined(actions, host, [guest]);
        actions.setCaptionsStatus(captionsStatusFixture({ enabled: false, state: 'off' }));
      },
    });
    expect(screen.getByTestId('transcript-notice').textContent).toBe(
      'Captions are off for this meeting: switch them on above.',
    );
    expect(screen.queryByTestId('transcript-empty')).toBeNull();
  });

  it('says the engine is restarting, with the server’s words only as detail', () => {
    renderRoom(<TranscriptPanel />, {
      seed: (actions) => {
        seedJoined(actions, self, [guest]);
        actions.setCaptionsStatus(captionsStatusFixture({ state: 'paused', reason: 'worker exited with code 1' }));
      },
    });
    const notice = screen.getByTestId('transcript-notice');
    expect(notice.textContent).toBe('Captions paused: the speech engine is restarting');
    expect(notice.getAttribute('title')).toBe('worker exited with code 1');
  });
});
