import type { Notifier } from '../notifications';
import { HandlerGroup, type SenderTrust } from './handle';

const handlers = new HandlerGroup();

export function register(trust: SenderTrust, notifier: Pick<Notifier, 'show'>): void {
  handlers.add('notification:show', (request) => notifier.show(request), trust);
}

export function dispose(): void {
  handlers.dispose();
}
