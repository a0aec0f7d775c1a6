import type { UpdateService } from '../updater';
import { HandlerGroup, type SenderTrust } from './handle';

const handlers = new HandlerGroup();

export function register(trust: SenderTrust, updates: Pick<UpdateService, 'status' | 'check' | 'install'>): void {
  handlers.add('updater:getStatus', () => updates.status, trust);
  handlers.add('updater:check', () => updates.check(), trust);
  handlers.add(
    'updater:install',
    () => {
      updates.install();
      return null;
    },
    trust,
  );
}

export function dispose(): void {
  handlers.dispose();
}
