/**
 * A stand-in for the `electron` module, which has no runtime on these machines
 * (its binary cannot be downloaded). Tests install it with
 * `vi.mock('electron', () => import('../test/electron-mock'))` and say
 * "(electron mocked)" in their names. Each fake records what the code under test
 * asked of it, and offers a way to play Electron's side (emit an event, invoke a
 * handler) so the real code paths run.
 */
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

/** ipcMain: keeps one handler per channel, refusing a second like Electron does. */
class FakeIpcMain {
  readonly handlers = new Map<string, Listener>();

  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** Plays the renderer: calls the handler the way `ipcRenderer.invoke` would. */
  async invoke(channel: string, event: FakeInvokeEvent, payload?: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel) as ((event: FakeInvokeEvent, payload: unknown) => unknown) | undefined;
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, payload);
  }
}

export class FakeWebContents extends EventEmitter {
  readonly session: FakeSession;
  readonly send = vi.fn<(channel: string, payload: unknown) => void>();
  readonly reload = vi.fn();
  readonly forcefullyCrashRenderer = vi.fn();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;

  constructor(session: FakeSession = defaultSession) {
    super();
    this.session = session;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

export interface FakeInvokeEvent {
  sender: FakeWebContents;
  senderFrame: { url: string; parent: unknown } | null;
}

/** An invoke event from a frame showing `url`; subframes have a parent. */
export function invokeEventFrom(
  url: string,
  options: { isSubframe?: boolean; sender?: FakeWebContents } = {},
): FakeInvokeEvent {
  return {
    sender: options.sender ?? new FakeWebContents(),
    senderFrame: { url, parent: options.isSubframe ? {} : null },
  };
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl?: string; isMainFrame: boolean },
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: object) => boolean;
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

type DisplayMediaHandler = (request: unknown, callback: (streams: unknown) => void) => void;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  displayMediaHandler: DisplayMediaHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  headersFilter: { urls: string[] } | null = null;
  headersListener: HeadersListener | null = null;

  readonly webRequest = {
    onHeadersReceived: (filter: { urls: string[] }, listener: HeadersListener) => {
      this.headersFilter = filter;
      this.headersListener = listener;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }

  setDisplayMediaRequestHandler(handler: DisplayMediaHandler): void {
    this.displayMediaHandler = handler;
  }

  /** Plays a page calling getDisplayMedia(); resolves with what the app granted (null: refused). */
  requestDisplayMedia(request: unknown): Promise<unknown> {
    return new Promise((resolve) => {
      if (!this.displayMediaHandler) throw new Error('no display-media handler');
      this.displayMediaHandler(request, resolve);
    });
  }

  /** Plays Chromium asking for a permission; resolves with the app's answer. */
  requestPermission(permission: string, requestingUrl: string): Promise<boolean> {
    return new Promise((resolve) => {
      this.permissionRequestHandler?.(null, permission, resolve, { requestingUrl, isMainFrame: true });
    });
  }
}

const defaultSession = new FakeSession();

export class BrowserWindow extends EventEmitter {
  static readonly created: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn<(url: string) => Promise<void>>(async () => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly maximize = vi.fn();
  readonly flashFrame = vi.fn();
  focused = false;
  maximized = false;
  destroyed = false;
  normalBounds = { x: 100, y: 80, width: 1280, height: 820 };

  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isMinimized(): boolean {
    return false;
  }

  isFocused(): boolean {
    return this.focused;
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return this.normalBounds;
  }
}

class FakeApp extends EventEmitter {
  userDataDir = '/nonexistent-user-data';
  isPackaged = false;
  hasSingleInstanceLock = true;
  preferredLanguages = ['en-US'];
  readonly setAsDefaultProtocolClient = vi.fn<(...args: unknown[]) => boolean>(() => true);
  readonly enableSandbox = vi.fn();
  readonly setAppUserModelId = vi.fn();
  readonly setBadgeCount = vi.fn<(count: number) => boolean>(() => true);
  readonly quit = vi.fn();

  getPreferredSystemLanguages(): string[] {
    return this.preferredLanguages;
  }

  requestSingleInstanceLock(): boolean {
    return this.hasSingleInstanceLock;
  }

  whenReady(): Promise<void> {
    return Promise.resolve();
  }

  isReady(): boolean {
    return true;
  }

  /** Command-line switches the app was started with, as Chromium parses them. */
  switches: Record<string, string> = {};
  readonly commandLine = {
    getSwitchValue: (name: string): string => this.switches[name] ?? '',
  };

  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`electron mock: getPath('${name}') is not faked`);
    return this.userDataDir;
  }

  setPath(name: string, value: string): void {
    if (name !== 'userData') throw new Error(`electron mock: setPath('${name}') is not faked`);
    this.userDataDir = value;
  }

  getVersion(): string {
    return '0.1.0-test';
  }
}

/**
 * safeStorage with a reversible stand-in for the keychain cipher: the bytes on
 * disk differ from the token (so a test can check nothing is stored in clear)
 * and decrypt back to it.
 */
class FakeSafeStorage {
  available = true;
  backend: string = 'gnome_libsecret';

  async isAsyncEncryptionAvailable(): Promise<boolean> {
    return this.available;
  }

  getSelectedStorageBackend(): string {
    return this.backend;
  }

  async encryptStringAsync(plainText: string): Promise<Buffer> {
    if (!this.available) throw new Error('Encryption is not available.');
    return Buffer.from(`v10:${Buffer.from(plainText, 'utf8').toString('base64').split('').reverse().join('')}`);
  }

  async decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    const text = encrypted.toString('utf8');
    if (!text.startsWith('v10:'))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    const base64 = text.slice(4).split('').reverse().join('');
    return { result: Buffer.from(base64, 'base64').toString('utf8'), shouldReEncrypt: false };
  }
}

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

class FakeProtocol {
  readonly handlers = new Map<string, ProtocolHandler>();
  readonly registerSchemesAsPrivileged = vi.fn();

  handle(scheme: string, handler: ProtocolHandler): void {
    this.handlers.set(scheme, handler);
  }
}

/** net.fetch for file: URLs, the only kind the app's protocol handler asks for. */
const net = {
  async fetch(url: string): Promise<Response> {
    const body = await readFile(fileURLToPath(url));
    const type = url.endsWith('.html')
      ? 'text/html'
      : url.endsWith('.js')
        ? 'text/javascript'
        : 'application/octet-stream';
    return new Response(body, { status: 200, headers: { 'Content-Type': type } });
  },
};

class FakeIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn<(channel: string, payload?: unknown) => Promise<unknown>>();
}

/** A menu built from a template keeps the template, so tests can read labels and click items. */
export class FakeMenu {
  constructor(readonly template: MenuTemplateItem[]) {}
}
export interface MenuTemplateItem {
  label?: string;
  role?: string;
  type?: string;
  enabled?: boolean;
  accelerator?: string;
  click?: () => void;
  submenu?: MenuTemplateItem[];
}
export const Menu = {
  applicationMenu: null as FakeMenu | null,
  buildFromTemplate: vi.fn((template: MenuTemplateItem[]) => new FakeMenu(template)),
  setApplicationMenu: vi.fn((menu: FakeMenu | null) => {
    Menu.applicationMenu = menu;
  }),
};

export class Tray extends EventEmitter {
  static readonly created: Tray[] = [];
  tooltip = '';
  menu: FakeMenu | null = null;
  readonly destroy = vi.fn();

  constructor(readonly image: unknown) {
    super();
    Tray.created.push(this);
  }

  setToolTip(text: string): void {
    this.tooltip = text;
  }

  setContextMenu(menu: FakeMenu): void {
    this.menu = menu;
  }
}

export const nativeImage = { createFromPath: vi.fn((file: string) => ({ file })) };

export const powerSaveBlocker = {
  nextId: 1,
  active: new Set<number>(),
  start: vi.fn((_type: string) => {
    const id = powerSaveBlocker.nextId++;
    powerSaveBlocker.active.add(id);
    return id;
  }),
  stop: vi.fn((id: number) => {
    powerSaveBlocker.active.delete(id);
  }),
};

export class Notification extends EventEmitter {
  static supported = true;
  static readonly created: Notification[] = [];
  readonly show = vi.fn();

  constructor(readonly options: { title: string; body: string; silent?: boolean }) {
    super();
    Notification.created.push(this);
  }

  static isSupported(): boolean {
    return Notification.supported;
  }
}

/** One 1920x1080 display unless a test attaches others. */
export const screen = {
  displays: [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
  getAllDisplays: () => screen.displays,
  getDisplayMatching: () => screen.displays[0],
};

/** A picture desktopCapturer would return: a NativeImage with a PNG data URL, or an empty one. */
export function fakeImage(dataUrl: string | null) {
  return { isEmpty: () => dataUrl === null, toDataURL: () => dataUrl ?? 'data:image/png;base64,' };
}

export const desktopCapturer = {
  sources: [] as { id: string; name: string; thumbnail: unknown; appIcon: unknown; display_id: string }[],
  getSources: vi.fn(async (_options: unknown) => desktopCapturer.sources),
};

export const webContents = { fromFrame: vi.fn((_frame: unknown): FakeWebContents | undefined => undefined) };

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const safeStorage = new FakeSafeStorage();
export const protocol = new FakeProtocol();
export const shell = {
  openExternal: vi.fn<(url: string) => Promise<void>>(async () => undefined),
  openPath: vi.fn<(path: string) => Promise<string>>(async () => ''),
};
export const session = { defaultSession };
export const contextBridge = { exposeInMainWorld: vi.fn<(key: string, api: unknown) => void>() };
export const ipcRenderer = new FakeIpcRenderer();
export const dialog = {
  showErrorBox: vi.fn(),
  /** Answers with `nextResponse` (the index of the button the user "clicked"). */
  nextResponse: 0,
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: dialog.nextResponse, checkboxChecked: false })),
};
export { net };
