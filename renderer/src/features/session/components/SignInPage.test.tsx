import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tokenPairFixture } from '../../../test/fixtures';
import { startAppHarness } from '../../../test/app-harness';
import { fail, ok, type TestServer } from '../../../test/http-test-server';
import { useSessionStore } from '../store';
import { SignInPage } from './SignInPage';

let server: TestServer;
beforeEach(async () => {
  server = await startAppHarness();
});
afterEach(async () => {
  await server.close();
});

function renderSignIn(from = '/join/123-456-789') {
  render(
    <MemoryRouter initialEntries={[{ pathname: '/sign-in', state: { from } }]}>
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/join/:code" element={<p>lobby for the invite</p>} />
      </Routes>
    </MemoryRouter>,
  );
}

function fillAndSubmit(username: string, password: string) {
  fireEvent.change(screen.getByTestId('signin-username'), { target: { value: username } });
  fireEvent.change(screen.getByTestId('signin-password'), { target: { value: password } });
  fireEvent.click(screen.getByTestId('signin-submit'));
}

describe('SignInPage', () => {
  it('says which fields are missing and sends nothing', async () => {
    renderSignIn();
    fireEvent.click(screen.getByTestId('signin-submit'));
    expect(await screen.findByText('Enter your username or email.')).toBeTruthy();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    expect(screen.getByTestId('signin-username').getAttribute('aria-invalid')).toBe('true');
    expect(server.requests).toHaveLength(0);
  });

  it('shows wrong credentials as a sentence in words, not a code', async () => {
    server.route('POST', '/api/v1/auth/login', () => fail(401, 'INVALID_CREDENTIALS', 'Invalid username or password'));
    renderSignIn();
    fillAndSubmit('mei_lin', 'wrong-password1');
    const error = await screen.findByTestId('signin-error');
    expect(error.textContent).toBe('The username or password is not right.');
    expect((screen.getByTestId('signin-submit') as HTMLButtonElement).disabled).toBe(false);
  });

  it('explains an unreachable server', async () => {
    await server.close();
    renderSignIn();
    fillAndSubmit('mei_lin', 'secret123');
    expect((await screen.findByTestId('signin-error')).textContent).toMatch(/Could not reach the server/);
    server = await startAppHarness();
  });

  it('signs in and goes where the user was heading', async () => {
    server.route('POST', '/api/v1/auth/login', () => ok(tokenPairFixture()));
    renderSignIn('/join/123-456-789');
    fillAndSubmit('  mei_lin ', 'secret123');
    expect(await screen.findByText('lobby for the invite')).toBeTruthy();
    expect(server.requests[0]?.body).toEqual({ username: 'mei_lin', password: 'secret123' });
    expect(useSessionStore.getState().status).toBe('signed-in');
  });

  it('tells a user whose session expired why they are here', () => {
    useSessionStore.setState({ signOutReason: 'expired' });
    renderSignIn();
    expect(screen.getByTestId('signin-session-expired').textContent).toBe(
      'Your session has expired. Please sign in again.',
    );
  });
});
