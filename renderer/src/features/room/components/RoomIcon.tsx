import type { ReactNode } from 'react';

/** The room's own stroke icons, drawn on the same 24×24 grid as ui/Icon. */
const shapes = {
  screen: (
    <>
      <rect x="3" y="4.5" width="18" height="12" rx="1.5" />
      <path d="M8.5 20h7M12 16.5V20M12 13V8M9.5 10.5 12 8l2.5 2.5" />
    </>
  ),
  screenOff: (
    <>
      <rect x="3" y="4.5" width="18" height="12" rx="1.5" />
      <path d="M8.5 20h7M12 16.5V20M9.5 8.5l5 5M14.5 8.5l-5 5" />
    </>
  ),
  hand: (
    <path d="M8 12.5V6a1.5 1.5 0 0 1 3 0v5M11 10.5V4.5a1.5 1.5 0 0 1 3 0v6M14 10.5V6a1.5 1.5 0 0 1 3 0v7.5c0 4-2.5 6.5-6 6.5-2.6 0-4-1.3-5.4-3.6L4 13.5a1.4 1.4 0 0 1 2.3-1.6L8 14" />
  ),
  chat: <path d="M4 5.5h16v10H10l-4.5 3.5v-3.5H4z" />,
  leave: (
    <path d="M3.5 13.5c4.7-4.4 12.3-4.4 17 0l-2 2.5-3.3-1.3v-2.4a10 10 0 0 0-6.4 0v2.4L5.5 16z" />
  ),
  grid: (
    <>
      <rect x="4" y="4" width="7" height="7" rx="1" />
      <rect x="13" y="4" width="7" height="7" rx="1" />
      <rect x="4" y="13" width="7" height="7" rx="1" />
      <rect x="13" y="13" width="7" height="7" rx="1" />
    </>
  ),
  speakerView: (
    <>
      <rect x="3.5" y="4" width="17" height="11" rx="1.5" />
      <rect x="4" y="17" width="4.5" height="3" rx="0.8" />
      <rect x="9.75" y="17" width="4.5" height="3" rx="0.8" />
      <rect x="15.5" y="17" width="4.5" height="3" rx="0.8" />
    </>
  ),
  chevronLeft: <path d="M14.5 6 8.5 12l6 6" />,
  chevronRight: <path d="M9.5 6l6 6-6 6" />,
  chevronUp: <path d="M6 14.5 12 8.5l6 6" />,
  close: <path d="M6 6l12 12M18 6 6 18" />,
  send: <path d="M4 12 20 4l-4 16-4-7zM12 13l8-9" />,
  signal: <path d="M5 19v-3M10 19v-6M15 19v-9M20 19V6" />,
  crown: <path d="M4 8l4 4 4-6 4 6 4-4-1.5 10h-13z" />,
} satisfies Record<string, ReactNode>;

export type RoomIconName = keyof typeof shapes;

export function RoomIcon({ name, size = 20, className }: { name: RoomIconName; size?: number; className?: string }) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {shapes[name]}
    </svg>
  );
}
