import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppView } from '@meetai/shared';
import { Notification } from '../test/electron-mock';
import { Notifier } from './notifications';

vi.mock('electron', () => import('../test/electron-mock'));

const ROOM_CHAT: AppView = { view: 'room', meeting_id: 7, panel: 'chat' };

describe('native notifications (electron mocked)', () => {
  let focused: boolean;
  let open: ReturnType<typeof vi.fn<(target: AppView) => void>>;
  let notifier: Notifier;

  beforeEach(() => {
    Notification.created.length = 0;
    Notification.supported = true;
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    focused = false;
    open = vi.fn();
    notifier = new Notifier({ isWindowFocused: () => focused, open });
  });

  it('shows chat only while the window is not focused (electron mocked)', () => {
    const chat = { kind: 'chat', title: 'Ada', body: 'Slides are up', target: ROOM_CHAT } as const;
    focused = true;
    expect(notifier.show(chat)).toEqual({ shown: false });
    expect(Notification.created).toHaveLength(0);
    focused = false;
    expect(notifier.show(chat)).toEqual({ shown: true });
    expect(Notification.created[0]?.options).toEqual({ title: 'Ada', body: 'Slides are up', silent: true });
    expect(Notification.created[0]?.show).toHaveBeenCalledOnce();
  });

  it('shows voice alerts and meetings starting even with the window focused, with sound (electron mocked)', () => {
    focused = true;
    expect(
      notifier.show({ kind: 'voice-alert', title: 'Possible synthetic voice', body: 'Bo', target: ROOM_CHAT }),
    ).toEqual({ shown: true });
    expect(
      notifier.show({
        kind: 'meeting-starting',
        title: 'Weekly',
        body: 'in 1 minute',
        target: { view: 'meeting', meeting_id: 9 },
      }),
    ).toEqual({ shown: true });
    expect(Notification.created.map((n) => n.options.silent)).toEqual([false, false]);
  });

  it('routes a click to the view the notification is about (electron mocked)', () => {
    notifier.show({ kind: 'chat', title: 'Ada', body: 'hi', target: ROOM_CHAT });
    notifier.show({ kind: 'meeting-starting', title: 'Weekly', body: '', target: { view: 'meeting', meeting_id: 9 } });
    expect(open).not.toHaveBeenCalled();
    Notification.created[1]?.emit('click');
    expect(open).toHaveBeenLastCalledWith({ view: 'meeting', meeting_id: 9 });
    Notification.created[0]?.emit('click');
    expect(open).toHaveBeenLastCalledWith(ROOM_CHAT);
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('answers shown: false where the OS has no notifications (electron mocked)', () => {
    Notification.supported = false;
    expect(notifier.show({ kind: 'voice-alert', title: 'x', body: '', target: ROOM_CHAT })).toEqual({ shown: false });
    expect(Notification.created).toHaveLength(0);
  });
});
