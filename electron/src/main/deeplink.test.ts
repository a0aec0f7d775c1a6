import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { app, FakeWebContents } from '../test/electron-mock';
import { DeepLinkRouter, linkInArgv, listenForDeepLinks } from './deeplink';
import { RendererEvents } from './renderer-events';

vi.mock('electron', () => import('../test/electron-mock'));

const asWebContents = (contents: FakeWebContents) => contents as unknown as WebContents;
const JOIN = { route: 'join', code: '123-456-789' };

/** Plays the OS delivering a link on macOS; returns whether the app claimed the event. */
function openUrl(url: string): boolean {
  const event = { preventDefault: vi.fn() };
  app.emit('open-url', event, url);
  return event.preventDefault.mock.calls.length > 0;
}

describe('deep links (electron mocked)', () => {
  let events: RendererEvents;
  let onRefused: ReturnType<typeof vi.fn<() => void>>;
  let router: DeepLinkRouter;
  let renderer: FakeWebContents;

  beforeEach(() => {
    app.removeAllListeners();
    app.setAsDefaultProtocolClient.mockClear();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    events = new RendererEvents();
    onRefused = vi.fn();
    router = new DeepLinkRouter(events, onRefused);
    renderer = new FakeWebContents();
  });

  it('finds the meeting: link among command-line arguments (electron mocked)', () => {
    expect(linkInArgv(['/opt/MeetAI/meetai', '--no-sandbox', 'meeting://join/123-456-789'])).toBe(
      'meeting://join/123-456-789',
    );
    expect(linkInArgv(['/opt/MeetAI/meetai', 'MEETING://join/123456789'])).toBe('MEETING://join/123456789');
    expect(linkInArgv(['/opt/MeetAI/meetai', '--flag'])).toBeUndefined();
  });

  it('registers the meeting scheme with the OS (electron mocked)', () => {
    listenForDeepLinks(router, ['/opt/MeetAI/meetai']);
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith('meeting');
  });

  it('holds a cold-start argv link until the renderer is ready, then sends the parsed route (electron mocked)', () => {
    listenForDeepLinks(router, ['/opt/MeetAI/meetai', 'meeting://join/123-456-789']);
    expect(renderer.send).not.toHaveBeenCalled();
    events.rendererReady(asWebContents(renderer));
    expect(renderer.send).toHaveBeenCalledExactlyOnceWith('deeplink:open', JOIN);
    // Delivered once: a second ready (e.g. React strict mode) does not repeat it.
    events.rendererReady(asWebContents(renderer));
    expect(renderer.send).toHaveBeenCalledOnce();
  });

  it("routes a second instance's argv link, including a web invite link (electron mocked)", () => {
    listenForDeepLinks(router, ['/opt/MeetAI/meetai']);
    events.rendererReady(asWebContents(renderer));
    app.emit('second-instance', {}, ['/opt/MeetAI/meetai', 'meeting://join/987654321'], '/home/u');
    app.emit('second-instance', {}, ['/opt/MeetAI/meetai'], '/home/u');
    expect(renderer.send.mock.calls).toEqual([['deeplink:open', { route: 'join', code: '987-654-321' }]]);
    router.receive('https://meet.example.com/j/111-222-333');
    expect(renderer.send).toHaveBeenLastCalledWith('deeplink:open', { route: 'join', code: '111-222-333' });
  });

  it('claims open-url events and holds the latest link until ready (electron mocked)', () => {
    listenForDeepLinks(router, ['/Applications/MeetAI.app/Contents/MacOS/MeetAI']);
    expect(openUrl('meeting://join/111-111-111')).toBe(true);
    expect(openUrl('meeting://join/222-222-222')).toBe(true);
    events.rendererReady(asWebContents(renderer));
    expect(renderer.send.mock.calls).toEqual([['deeplink:open', { route: 'join', code: '222-222-222' }]]);
  });

  it('refuses malformed links on every route, says so, and never sends a raw string (electron mocked)', () => {
    listenForDeepLinks(router, ['/opt/MeetAI/meetai', 'meeting://join/../../etc']);
    expect(onRefused).toHaveBeenCalledTimes(1);
    events.rendererReady(asWebContents(renderer));
    app.emit('second-instance', {}, ['/opt/MeetAI/meetai', 'meeting://join/12'], '/home/u');
    expect(onRefused).toHaveBeenCalledTimes(2);
    const bad = [
      'meeting://admin/delete-all',
      'meeting://join/123-456-789/extra',
      'javascript:alert(1)//meeting',
      'file:///etc/passwd',
      `meeting://join/${'1'.repeat(3000)}`,
    ];
    for (const url of bad) expect(openUrl(url)).toBe(true);
    expect(onRefused).toHaveBeenCalledTimes(2 + bad.length);
    expect(renderer.send).not.toHaveBeenCalled();
    // A good link after all that still goes through.
    expect(openUrl('meeting://join/123-456-789')).toBe(true);
    expect(renderer.send).toHaveBeenCalledExactlyOnceWith('deeplink:open', JOIN);
    expect(onRefused).toHaveBeenCalledTimes(2 + bad.length);
  });
});

describe('renderer events (electron mocked)', () => {
  it('holds events while the renderer reloads or after it is destroyed (electron mocked)', () => {
    const events = new RendererEvents();
    const renderer = new FakeWebContents();
    events.rendererReady(asWebContents(renderer));
    renderer.emit('did-start-navigation', {
      isMainFrame: true,
      isSameDocument: true,
      url: 'app://meetai/index.html#/x',
    });
    events.send('deeplink:open', { route: 'join', code: '123-456-789' }, { hold: true });
    expect(renderer.send).toHaveBeenCalledOnce();

    renderer.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false, url: 'app://meetai/index.html' });
    events.send('deeplink:open', { route: 'join', code: '987-654-321' }, { hold: true });
    expect(renderer.send).toHaveBeenCalledOnce();
    events.rendererReady(asWebContents(renderer));
    expect(renderer.send).toHaveBeenLastCalledWith('deeplink:open', { route: 'join', code: '987-654-321' });
    expect(renderer.listenerCount('did-start-navigation')).toBe(1);

    renderer.destroy();
    events.send('app:navigate', { view: 'room', meeting_id: 4, panel: 'chat' }, { hold: true });
    const next = new FakeWebContents();
    events.rendererReady(asWebContents(next));
    expect(next.send).toHaveBeenCalledExactlyOnceWith('app:navigate', { view: 'room', meeting_id: 4, panel: 'chat' });
  });

  it('drops, rather than holds, events sent with hold: false while no page listens (electron mocked)', () => {
    const events = new RendererEvents();
    expect(events.send('meeting:command', { command: 'mute' }, { hold: false })).toBe(false);
    const renderer = new FakeWebContents();
    events.rendererReady(asWebContents(renderer));
    expect(renderer.send).not.toHaveBeenCalled();
    expect(events.send('meeting:command', { command: 'leave' }, { hold: false })).toBe(true);
    expect(renderer.send).toHaveBeenCalledExactlyOnceWith('meeting:command', { command: 'leave' });
  });
});
