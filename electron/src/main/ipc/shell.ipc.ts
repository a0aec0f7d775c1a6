import { shell } from 'electron';
import { isWebUrl } from '../windows/external-links';
import { BridgeError, HandlerGroup, type SenderTrust } from './handle';

const handlers = new HandlerGroup();

export function register(trust: SenderTrust): void {
  handlers.add(
    'shell:openExternal',
    async (url) => {
      // The request schema already demands http(s); checked again here because this is what reaches the OS.
      if (!isWebUrl(url)) throw new BridgeError('VALIDATION_FAILED', 'Only http and https links can be opened.');
      await shell.openExternal(url);
      return null;
    },
    trust,
  );
}

export function dispose(): void {
  handlers.dispose();
}
