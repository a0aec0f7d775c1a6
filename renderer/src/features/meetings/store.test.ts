import { beforeEach, describe, expect, it } from 'vitest';
import { meetingFixture } from '../../test/fixtures';
import { selectScopeMeetings, useMeetingsStore } from './store';

const initial = useMeetingsStore.getState();
beforeEach(() => useMeetingsStore.setState(initial, true));

const store = () => useMeetingsStore.getState();

describe('meetings store', () => {
  it('tracks loading, then the loaded list in the server order', () => {
    store().startLoading('upcoming');
    expect(store().lists.upcoming.status).toBe('loading');
    store().setList('upcoming', [meetingFixture({ id: 2, title: 'B' }), meetingFixture({ id: 1, title: 'A' })], 2);
    expect(store().lists.upcoming).toMatchObject({ status: 'loaded', total: 2, ids: [2, 1] });
    expect(selectScopeMeetings(store(), 'upcoming').map((m) => m.title)).toEqual(['B', 'A']);
    expect(store().lists.past.status).toBe('idle');
  });

  it('keeps a failure as an error code and clears it on the next load', () => {
    store().failLoading('past', 'NETWORK_ERROR');
    expect(store().lists.past).toMatchObject({ status: 'failed', errorCode: 'NETWORK_ERROR' });
    store().startLoading('past');
    expect(store().lists.past).toMatchObject({ status: 'loading', errorCode: null });
  });

  it('upsertMeeting updates the meeting everywhere it is listed', () => {
    store().setList('upcoming', [meetingFixture()], 1);
    store().upsertMeeting(meetingFixture({ title: 'Renamed' }));
    expect(selectScopeMeetings(store(), 'upcoming')[0]?.title).toBe('Renamed');
  });

  it('removeMeeting drops it from every list and from the index', () => {
    store().setList('upcoming', [meetingFixture({ id: 1 }), meetingFixture({ id: 2 })], 2);
    store().setList('ongoing', [meetingFixture({ id: 2, status: 'ongoing' })], 1);
    store().removeMeeting(2);
    expect(store().lists.upcoming).toMatchObject({ ids: [1], total: 1 });
    expect(store().lists.ongoing).toMatchObject({ ids: [], total: 0 });
    expect(store().byId[2]).toBeUndefined();
  });

  it('reset forgets every meeting', () => {
    store().setList('past', [meetingFixture({ id: 5, status: 'ended' })], 1);
    store().reset();
    expect(store().byId).toEqual({});
    expect(store().lists.past.status).toBe('idle');
  });
});
