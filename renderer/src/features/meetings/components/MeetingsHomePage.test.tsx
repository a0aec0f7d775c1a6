import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meetingFixture, tokenPairFixture } from '../../../test/fixtures';
import { startAppHarness } from '../../../test/app-harness';
import { ok, type TestServer } from '../../../test/http-test-server';
import { useSessionStore } from '../../session';
import { MeetingsHomePage } from './MeetingsHomePage';

let server: TestServer;
beforeEach(async () => {
  server = await startAppHarness();
  useSessionStore.getState().startSession(tokenPairFixture());
});
afterEach(async () => {
  await server.close();
});

const instant = meetingFixture({ id: 1, title: 'Just started', status: 'ongoing', started_at: '2026-01-10T08:00:00Z' });
const scheduled = meetingFixture({ id: 2, title: 'Next week', status: 'scheduled' });

/** The server's lists: one meeting per scope named here, none elsewhere. */
function serveLists(lists: Partial<Record<'upcoming' | 'ongoing' | 'past', typeof instant>>) {
  server.route('GET', '/api/v1/meetings', (request) => {
    const meeting = lists[request.query.get('scope') as keyof typeof lists];
    const list = meeting ? [meeting] : [];
    return ok({ list, total: list.length, page: 1, page_size: 50, total_pages: list.length ? 1 : 0 });
  });
}

function renderHome(path: string) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/" element={<MeetingsHomePage />} />
      </Routes>
    </MemoryRouter>,
  );
}

const selectedTab = () => screen.getAllByRole('tab').find((tab) => tab.getAttribute('aria-selected') === 'true');
const scopesAsked = () => server.requests.filter((r) => r.path === '/api/v1/meetings').map((r) => r.query.get('scope'));

describe('MeetingsHomePage opens on the tab a person expects', () => {
  it('opens on Ongoing, listed first, when a meeting is live, fetching that list once', async () => {
    serveLists({ ongoing: instant, upcoming: scheduled });
    renderHome('/');
    await waitFor(() => expect(screen.getByTestId('meeting-list').textContent).toContain('Just started'));
    expect(selectedTab()?.getAttribute('data-testid')).toBe('meetings-tab-ongoing');
    expect(screen.getAllByRole('tab').map((tab) => tab.getAttribute('data-testid'))).toEqual([
      'meetings-tab-ongoing',
      'meetings-tab-upcoming',
      'meetings-tab-past',
    ]);
    expect(scopesAsked()).toEqual(['ongoing']);
  });

  it('opens on Upcoming when nothing is live', async () => {
    serveLists({ upcoming: scheduled });
    renderHome('/');
    await waitFor(() => expect(screen.getByTestId('meeting-list').textContent).toContain('Next week'));
    expect(selectedTab()?.getAttribute('data-testid')).toBe('meetings-tab-upcoming');
    expect(scopesAsked()).toEqual(['ongoing', 'upcoming']);
  });

  it('shows a loading state, with no tab selected, while it finds out', async () => {
    serveLists({});
    renderHome('/');
    expect(screen.getByTestId('meetings-loading')).toBeTruthy();
    expect(selectedTab()).toBeUndefined();
    await waitFor(() => expect(screen.getByTestId('meetings-empty').textContent).toContain('No upcoming meetings'));
  });

  it('keeps the tab named in the address, even with a meeting live', async () => {
    serveLists({ ongoing: instant });
    renderHome('/?tab=past');
    await waitFor(() => expect(screen.getByTestId('meetings-empty').textContent).toContain('No past meetings'));
    expect(selectedTab()?.getAttribute('data-testid')).toBe('meetings-tab-past');
    expect(scopesAsked()).toEqual(['past']);
  });
});
