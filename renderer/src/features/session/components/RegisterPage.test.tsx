import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tokenPairFixture, userFixture } from '../../../test/fixtures';
import { startAppHarness } from '../../../test/app-harness';
import { fail, ok, type TestServer } from '../../../test/http-test-server';
import { RegisterPage } from './RegisterPage';

let server: TestServer;
beforeEach(async () => {
  server = await startAppHarness();
});
afterEach(async () => {
  await server.close();
});

function renderRegister() {
  render(
    <MemoryRouter initialEntries={['/register']}>
      <Routes>
        <Route path="/register" element={<RegisterPage />} />
        <Route path="/" element={<p>meetings home</p>} />
      </Routes>
    </MemoryRouter>,
  );
}

const ruleStates = () =>
  ['length', 'letter', 'digit'].map((id) => screen.getByTestId(`register-rule-${id}`).getAttribute('data-met'));

function type(field: string, value: string) {
  fireEvent.change(screen.getByTestId(`register-${field}`), { target: { value } });
}

describe('RegisterPage', () => {
  it('ticks each password rule as soon as what is typed meets it', () => {
    renderRegister();
    expect(ruleStates()).toEqual(['false', 'false', 'false']);
    type('password', 'a');
    expect(ruleStates()).toEqual(['false', 'true', 'false']);
    type('password', 'a1');
    expect(ruleStates()).toEqual(['false', 'true', 'true']);
    type('password', 'a1b2c3d4');
    expect(ruleStates()).toEqual(['true', 'true', 'true']);
    type('password', '12345678');
    expect(ruleStates()).toEqual(['true', 'false', 'true']);
  });

  it('counts non-Latin letters as letters, like the server does', () => {
    renderRegister();
    type('password', '会议密码会议密码1');
    expect(ruleStates()).toEqual(['true', 'true', 'true']);
  });

  it('refuses to send a form that breaks the rules, saying what to fix', () => {
    renderRegister();
    type('username', 'x');
    type('email', 'not-an-email');
    type('password', 'short');
    fireEvent.click(screen.getByTestId('register-submit'));
    expect(screen.getByText('Use 3 to 32 letters, digits or underscores.')).toBeTruthy();
    expect(screen.getByText('Enter a valid email address.')).toBeTruthy();
    expect(screen.getByText('Your password does not meet all the rules yet.')).toBeTruthy();
    expect(server.requests).toHaveLength(0);
  });

  it('puts a taken username next to the username field', async () => {
    server.route('POST', '/api/v1/auth/register', () => fail(409, 'USERNAME_TAKEN', 'Username already taken'));
    renderRegister();
    type('username', 'mei_lin');
    type('email', 'mei@example.com');
    type('password', 'secret123');
    fireEvent.click(screen.getByTestId('register-submit'));
    expect(await screen.findByText('That username is already taken.')).toBeTruthy();
    expect(screen.getByTestId('register-username').getAttribute('aria-invalid')).toBe('true');
  });

  it('creates the account, signs in with it and opens the app', async () => {
    server.route('POST', '/api/v1/auth/register', () => ok(userFixture, 201));
    server.route('POST', '/api/v1/auth/login', () => ok(tokenPairFixture()));
    renderRegister();
    type('username', 'mei_lin');
    type('email', 'mei@example.com');
    type('nickname', '林梅');
    type('password', 'secret123');
    fireEvent.click(screen.getByTestId('register-submit'));
    expect(await screen.findByText('meetings home')).toBeTruthy();
    expect(server.requests.map((r) => r.path)).toEqual(['/api/v1/auth/register', '/api/v1/auth/login']);
    expect(server.requests[0]?.body).toEqual({
      username: 'mei_lin',
      email: 'mei@example.com',
      password: 'secret123',
      nickname: '林梅',
    });
  });
});
