import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../../i18n';
import { JoinByCodeForm } from './JoinByCodeForm';

function renderAt(state: unknown) {
  initI18n('en');
  render(
    <MemoryRouter initialEntries={[{ pathname: '/', state }]}>
      <JoinByCodeForm />
    </MemoryRouter>,
  );
  return screen.getByTestId('join-code-input');
}

describe('JoinByCodeForm', () => {
  it("takes the focus when the desktop shell's Join by code sent the user here", () => {
    const input = renderAt({ focus: 'join' });
    expect(document.activeElement).toBe(input);
  });

  it('leaves the focus alone otherwise', () => {
    const input = renderAt(null);
    expect(document.activeElement).not.toBe(input);
  });
});
