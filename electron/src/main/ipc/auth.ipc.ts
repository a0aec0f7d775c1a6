import path from 'node:path';
import { app } from 'electron';
import { TokenStore } from '../storage/token-store';
import { HandlerGroup, type SenderTrust } from './handle';

export const TOKEN_FILE = 'refresh-token.bin';

const handlers = new HandlerGroup();

export function register(trust: SenderTrust, userDataDir = app.getPath('userData')): void {
  const store = new TokenStore(path.join(userDataDir, TOKEN_FILE));
  handlers.add('auth:getToken', () => store.get(), trust);
  handlers.add(
    'auth:setToken',
    async (token) => {
      await store.set(token);
      return null;
    },
    trust,
  );
  handlers.add(
    'auth:clearToken',
    async () => {
      await store.clear();
      return null;
    },
    trust,
  );
}

export function dispose(): void {
  handlers.dispose();
}
