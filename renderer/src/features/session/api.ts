import {
  API_PREFIX,
  TokenPairSchema,
  UserSchema,
  type LoginRequest,
  type RegisterRequest,
  type TokenPair,
  type User,
} from '@meetai/shared';
import { z } from 'zod';
import { api } from '../../lib/http';

export const authApi = {
  login: (body: LoginRequest): Promise<TokenPair> =>
    api.post(`${API_PREFIX}/auth/login`, body, TokenPairSchema, { auth: false }),
  register: (body: RegisterRequest): Promise<User> =>
    api.post(`${API_PREFIX}/auth/register`, body, UserSchema, { auth: false }),
  refresh: (refreshToken: string): Promise<TokenPair> =>
    api.post(`${API_PREFIX}/auth/refresh`, { refresh_token: refreshToken }, TokenPairSchema, { auth: false }),
  logout: (refreshToken: string): Promise<unknown> =>
    api.post(`${API_PREFIX}/auth/logout`, { refresh_token: refreshToken }, z.unknown(), { auth: false }),
  profile: (): Promise<User> => api.get(`${API_PREFIX}/users/profile`, UserSchema),
};
