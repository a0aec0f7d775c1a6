import { create } from 'zustand';
import type { Meeting, MeetingScope } from '@meetai/shared';
import type { ApiErrorCode } from '../../lib/api-error';

export type LoadStatus = 'idle' | 'loading' | 'loaded' | 'failed';

export interface ScopeList {
  ids: number[];
  total: number;
  status: LoadStatus;
  errorCode: ApiErrorCode | null;
}

export interface MeetingsState {
  /** Every meeting seen, by id; lists hold ids so one update shows everywhere. */
  byId: Record<number, Meeting>;
  lists: Record<MeetingScope, ScopeList>;
  startLoading(scope: MeetingScope): void;
  setList(scope: MeetingScope, meetings: Meeting[], total: number): void;
  failLoading(scope: MeetingScope, code: ApiErrorCode): void;
  upsertMeeting(meeting: Meeting): void;
  removeMeeting(id: number): void;
  reset(): void;
}

const emptyList: ScopeList = { ids: [], total: 0, status: 'idle', errorCode: null };

const initialLists = (): Record<MeetingScope, ScopeList> => ({
  upcoming: emptyList,
  ongoing: emptyList,
  past: emptyList,
});

export const useMeetingsStore = create<MeetingsState>()((set) => ({
  byId: {},
  lists: initialLists(),
  startLoading: (scope) =>
    set((state) => ({
      lists: { ...state.lists, [scope]: { ...state.lists[scope], status: 'loading', errorCode: null } },
    })),
  setList: (scope, meetings, total) =>
    set((state) => ({
      byId: { ...state.byId, ...Object.fromEntries(meetings.map((m) => [m.id, m])) },
      lists: { ...state.lists, [scope]: { ids: meetings.map((m) => m.id), total, status: 'loaded', errorCode: null } },
    })),
  failLoading: (scope, code) =>
    set((state) => ({
      lists: { ...state.lists, [scope]: { ...state.lists[scope], status: 'failed', errorCode: code } },
    })),
  upsertMeeting: (meeting) => set((state) => ({ byId: { ...state.byId, [meeting.id]: meeting } })),
  removeMeeting: (id) =>
    set((state) => {
      const byId = { ...state.byId };
      delete byId[id];
      const lists = Object.fromEntries(
        Object.entries(state.lists).map(([scope, list]) => [
          scope,
          list.ids.includes(id) ? { ...list, ids: list.ids.filter((x) => x !== id), total: list.total - 1 } : list,
        ]),
      ) as Record<MeetingScope, ScopeList>;
      return { byId, lists };
    }),
  reset: () => set({ byId: {}, lists: initialLists() }),
}));

/** The meetings of one tab, in the server's order. */
export function selectScopeMeetings(state: MeetingsState, scope: MeetingScope): Meeting[] {
  return state.lists[scope].ids.map((id) => state.byId[id]).filter((m): m is Meeting => Boolean(m));
}
