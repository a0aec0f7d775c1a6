import type { ScreenSource } from '@meetai/shared';
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createScreenPicker } from '../desktop-screen-source';
import { renderRoom } from '../testing/render-room';
import { ScreenPickerDialog } from './ScreenPickerDialog';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const SOURCES: ScreenSource[] = [
  { id: 'screen:0:0', name: 'Entire screen', kind: 'screen', thumbnail: PNG, icon: null },
  { id: 'window:42:0', name: 'Notes — draft.md', kind: 'window', thumbnail: PNG, icon: PNG },
  { id: 'window:43:0', name: 'Minimized app', kind: 'window', thumbnail: 'data:image/png;base64,', icon: null },
];

function open() {
  const picker = createScreenPicker();
  renderRoom(<ScreenPickerDialog picker={picker} />);
  let answer: Promise<string | null> = Promise.resolve(null);
  act(() => {
    answer = picker.choose(SOURCES);
  });
  return { picker, answer };
}

describe('ScreenPickerDialog', () => {
  it('shows nothing until a share asks', () => {
    renderRoom(<ScreenPickerDialog picker={createScreenPicker()} />);
    expect(screen.queryByTestId('screen-picker')).toBeNull();
  });

  it('lists screens and windows with thumbnails and names, and shares the one picked', async () => {
    const { answer } = open();
    expect(screen.getByRole('dialog', { name: 'Choose what to share' })).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: 'Screens' }).textContent).toContain('Entire screen');
    const windows = screen.getByRole('radiogroup', { name: 'Windows' });
    expect(windows.querySelectorAll('[data-testid="screen-source"]')).toHaveLength(2);
    // A window with no picture gets a placeholder, not a broken image.
    expect(windows.querySelectorAll('img.screen-picker__thumb')).toHaveLength(1);

    const share = screen.getByTestId('screen-picker-share') as HTMLButtonElement;
    expect(share.disabled).toBe(true);
    fireEvent.click(screen.getByText('Notes — draft.md'));
    expect(screen.getByRole('radio', { name: /Notes/ }).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(share);
    await expect(answer).resolves.toBe('window:42:0');
    expect(screen.queryByTestId('screen-picker')).toBeNull();
  });

  it('shares on a double click', async () => {
    const { answer } = open();
    fireEvent.doubleClick(screen.getByText('Entire screen'));
    await expect(answer).resolves.toBe('screen:0:0');
  });

  it('answers "closed" on Cancel and on Escape', async () => {
    const first = open();
    fireEvent.click(screen.getByTestId('screen-picker-cancel'));
    await expect(first.answer).resolves.toBeNull();

    let second: Promise<string | null> = Promise.resolve('x');
    act(() => {
      second = first.picker.choose(SOURCES);
    });
    fireEvent.keyDown(window, { key: 'Escape' });
    await expect(second).resolves.toBeNull();
  });

  it('says why when there is nothing to share', () => {
    const picker = createScreenPicker();
    renderRoom(<ScreenPickerDialog picker={picker} />);
    act(() => void picker.choose([]));
    expect(screen.getByTestId('screen-picker-empty').textContent).toMatch(/no screen or window/);
  });
});
