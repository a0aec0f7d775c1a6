import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../i18n';
import { meetingFixture, tokenPairFixture } from '../../../test/fixtures';
import { startAppHarness } from '../../../test/app-harness';
import type { TestServer } from '../../../test/http-test-server';
import { useSessionStore } from '../../session';
import { useMeetingsStore } from '../store';
import { MeetingList } from './MeetingList';

let server: TestServer;
beforeEach(async () => {
  server = await startAppHarness();
  useSessionStore.getState().startSession(tokenPairFixture());
});
afterEach(async () => {
  await i18n.changeLanguage('en');
  await server.close();
});

function renderList(scope: 'upcoming' | 'ongoing' | 'past') {
  render(
    <MemoryRouter>
      <MeetingList scope={scope} />
    </MemoryRouter>,
  );
}

describe('MeetingList rendered from a seeded store', () => {
  it('shows a loading state before the first answer', () => {
    useMeetingsStore.getState().startLoading('upcoming');
    renderList('upcoming');
    expect(screen.getByTestId('meetings-loading')).toBeTruthy();
  });

  it('shows an empty state that says what to do', () => {
    useMeetingsStore.getState().setList('upcoming', [], 0);
    renderList('upcoming');
    expect(screen.getByTestId('meetings-empty').textContent).toContain('No upcoming meetings');
    expect(screen.queryByTestId('meeting-list')).toBeNull();
  });

  it('shows the empty state in Chinese when the UI is in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    useMeetingsStore.getState().setList('past', [], 0);
    renderList('past');
    expect(screen.getByTestId('meetings-empty').textContent).toContain('还没有已结束的会议');
  });

  it('lists meetings with code, host and status, linking to their details', () => {
    useMeetingsStore.getState().setList(
      'ongoing',
      [
        meetingFixture({
          id: 1,
          title: 'Design review',
          status: 'ongoing',
          participant_count: 3,
          started_at: '2026-01-10T08:00:00Z',
        }),
        meetingFixture({
          id: 2,
          title: 'Standup',
          status: 'ongoing',
          host_id: 99,
          host_name: 'Wang Wei',
          has_passcode: true,
        }),
      ],
      2,
    );
    renderList('ongoing');
    const items = screen.getAllByTestId('meeting-item');
    expect(items).toHaveLength(2);
    expect(items[0]?.getAttribute('href')).toBe('/meetings/1');
    expect(items[0]?.textContent).toContain('Design review');
    expect(items[0]?.textContent).toContain('You are the host');
    expect(items[0]?.textContent).toContain('3 people');
    expect(items[1]?.textContent).toContain('Host: Wang Wei');
    expect(items[1]?.textContent).toContain('Passcode protected');
  });

  it('shows a failed load in words with a way to retry', () => {
    useMeetingsStore.getState().failLoading('upcoming', 'NETWORK_ERROR');
    renderList('upcoming');
    const error = screen.getByTestId('meetings-error');
    expect(error.textContent).toContain('Could not load your meetings.');
    expect(error.textContent).toContain('Could not reach the server');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
