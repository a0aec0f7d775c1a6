import type { MenuItemConstructorOptions } from 'electron';
import type { AppView, BridgeEventPayload, MeetingPresence } from '@meetai/shared';
import type { ShellStrings } from './i18n';

export interface TrayActions {
  open(): void;
  openView(view: AppView): void;
  command(command: BridgeEventPayload<'meeting:command'>['command']): void;
  quit(): void;
}

export interface TrayState {
  presence: MeetingPresence;
  unreadCount: number;
}

/** The tray's menu: open, join by code, and while in a meeting its name, mute/unmute and leave. */
export function trayMenuTemplate(
  { presence, unreadCount }: TrayState,
  strings: ShellStrings,
  actions: TrayActions,
): MenuItemConstructorOptions[] {
  const { tray } = strings;
  const meeting: MenuItemConstructorOptions[] = presence
    ? [
        { type: 'separator' },
        { label: tray.inMeeting(presence.title || tray.untitled), enabled: false },
        presence.is_muted
          ? { label: tray.unmute, click: () => actions.command('unmute') }
          : { label: tray.mute, click: () => actions.command('mute') },
        { label: tray.leave, click: () => actions.command('leave') },
      ]
    : [];
  const unread: MenuItemConstructorOptions[] =
    unreadCount > 0
      ? [{ label: tray.unread(unreadCount), click: () => presence && actions.openView(chatOf(presence)) }]
      : [];
  return [
    { label: tray.open, click: () => actions.open() },
    { label: tray.joinByCode, click: () => actions.openView({ view: 'join' }) },
    ...meeting,
    ...unread,
    { type: 'separator' },
    { label: tray.quit, click: () => actions.quit() },
  ];
}

/** The tray's tooltip: the app's name, and the unread count when there is one. */
export function trayTooltip({ unreadCount }: TrayState, strings: ShellStrings): string {
  return unreadCount > 0 ? `MeetAI · ${strings.tray.unread(unreadCount)}` : 'MeetAI';
}

function chatOf(presence: NonNullable<MeetingPresence>): AppView {
  return { view: 'room', meeting_id: presence.meeting_id, panel: 'chat' };
}
