import {
  API_PREFIX,
  EmptySchema,
  TokenPairSchema,
  UserSchema,
  type LoginRequest,
  type RegisterRequest,
  type TokenPair,
  type User,
} from '@meetai/shared';
import { api } from '../../lib/http';

export const authApi = {
  login: (body: LoginRequest): Promise<TokenPair> =>
    api.post(`${API_PREFIX}/auth/login`, body, TokenPairSchema, { auth: false }),
  register: (body: RegisterRequest): Promise<User> =>
    api.post(`${API_PREFIX}/auth/register`, body, UserSchema, { auth: false }),
  refresh: (refreshToken: string): Promise<TokenPair> =>
    api.post(`${API_PREFIX}/auth/refresh`, { refresh_token: refreshToken }, TokenPairSchema, { auth: false }),
  logout: (refreshToken: string): Promise<null> =>
    api.post(`${API_PREFIX}/auth/logout`, { refresh_token: refreshToken }, EmptySchema, { auth: false }),
  profile: (): Promise<User> => api.get(`${API_PREFIX}/users/profile`, UserSchema),
};
