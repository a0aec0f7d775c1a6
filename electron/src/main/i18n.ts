import type { LanguageSetting } from '@meetai/shared';

/** The languages the shell's own words (menus, tray, dialogs) come in, as the renderer's. */
export type ShellLanguage = 'en' | 'zh-CN';

/**
 * 'auto' takes the first preferred language we speak, the same rule the
 * renderer applies to navigator.languages, so menus and pages agree.
 */
export function resolveShellLanguage(setting: LanguageSetting, preferred: readonly string[]): ShellLanguage {
  if (setting !== 'auto') return setting;
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

const en = {
  menu: {
    meetings: 'Meetings',
    joinByCode: 'Join by Code…',
    settings: 'Settings…',
    checkForUpdates: 'Check for Updates…',
    about: 'About MeetAI',
    services: 'Services',
    hide: 'Hide MeetAI',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    quit: 'Quit MeetAI',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    toggleDevTools: 'Developer Tools',
    actualSize: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Full Screen',
    window: 'Window',
    minimize: 'Minimize',
    zoom: 'Zoom',
    close: 'Close Window',
    front: 'Bring All to Front',
    help: 'Help',
    openLogs: 'Open Logs Folder',
  },
  tray: {
    open: 'Open MeetAI',
    joinByCode: 'Join by Code…',
    inMeeting: (title: string) => `In a meeting: ${title}`,
    untitled: 'Untitled meeting',
    mute: 'Mute Microphone',
    unmute: 'Unmute Microphone',
    leave: 'Leave Meeting',
    unread: (count: number) => (count === 1 ? '1 unread message' : `${count} unread messages`),
    quit: 'Quit MeetAI',
  },
  dialog: {
    ok: 'OK',
    reload: 'Reload',
    quit: 'Quit',
    wait: 'Wait',
    badLinkTitle: 'This link cannot be opened',
    badLinkMessage: 'MeetAI cannot open this link.',
    badLinkDetail: 'Meeting links look like meeting://join/123-456-789. Ask the host for a new invitation.',
    crashedMessage: 'The MeetAI window stopped working.',
    crashedDetail: (reason: string) =>
      `Reason: ${reason}. Reloading starts the window again; a meeting you were in needs to be joined again.`,
    reasons: {
      crashed: 'the window crashed',
      oom: 'it ran out of memory',
      killed: 'it was ended by the system or another program',
      'launch-failed': 'it could not start',
      'integrity-failure': 'its code failed an integrity check',
      'abnormal-exit': 'it exited unexpectedly',
      'memory-eviction': 'the system reclaimed its memory',
    } as Record<string, string>,
    exitCode: (reason: string, code: number) => `${reason} (exit code ${code})`,
    hungMessage: 'MeetAI is not responding.',
    hungDetail: 'You can wait for it, or reload the window.',
    aboutDetail: (version: string) => `Version ${version}`,
    upToDate: 'MeetAI is up to date.',
    updateFailed: 'MeetAI could not check for updates.',
  },
};

export type ShellStrings = typeof en;

const zhCN: ShellStrings = {
  menu: {
    meetings: '会议',
    joinByCode: '通过会议号加入…',
    settings: '设置…',
    checkForUpdates: '检查更新…',
    about: '关于 MeetAI',
    services: '服务',
    hide: '隐藏 MeetAI',
    hideOthers: '隐藏其他',
    showAll: '全部显示',
    quit: '退出 MeetAI',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    reload: '重新加载',
    toggleDevTools: '开发者工具',
    actualSize: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullScreen: '全屏',
    window: '窗口',
    minimize: '最小化',
    zoom: '缩放',
    close: '关闭窗口',
    front: '全部置于顶层',
    help: '帮助',
    openLogs: '打开日志文件夹',
  },
  tray: {
    open: '打开 MeetAI',
    joinByCode: '通过会议号加入…',
    inMeeting: (title) => `会议中：${title}`,
    untitled: '未命名会议',
    mute: '静音麦克风',
    unmute: '取消静音',
    leave: '离开会议',
    unread: (count) => `${count} 条未读消息`,
    quit: '退出 MeetAI',
  },
  dialog: {
    ok: '确定',
    reload: '重新加载',
    quit: '退出',
    wait: '等待',
    badLinkTitle: '无法打开此链接',
    badLinkMessage: 'MeetAI 无法打开此链接。',
    badLinkDetail: '会议链接的格式为 meeting://join/123-456-789。请向主持人索取新的邀请。',
    crashedMessage: 'MeetAI 窗口已停止工作。',
    crashedDetail: (reason) => `原因：${reason}。重新加载会重启窗口；您需要重新加入之前的会议。`,
    reasons: {
      crashed: '窗口崩溃',
      oom: '内存不足',
      killed: '被系统或其他程序结束',
      'launch-failed': '无法启动',
      'integrity-failure': '代码完整性校验失败',
      'abnormal-exit': '意外退出',
      'memory-eviction': '系统回收了其内存',
    },
    exitCode: (reason, code) => `${reason}（退出码 ${code}）`,
    hungMessage: 'MeetAI 没有响应。',
    hungDetail: '您可以继续等待，或重新加载窗口。',
    aboutDetail: (version) => `版本 ${version}`,
    upToDate: 'MeetAI 已是最新版本。',
    updateFailed: 'MeetAI 无法检查更新。',
  },
};

const STRINGS: Record<ShellLanguage, ShellStrings> = { en, 'zh-CN': zhCN };

export function stringsFor(language: ShellLanguage): ShellStrings {
  return STRINGS[language];
}
