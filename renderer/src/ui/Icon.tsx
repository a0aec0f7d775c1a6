/**
 * The app's one icon set: stroke icons drawn for MeetAI on a 24×24 grid in
 * currentColor. Each icon is data (path strings, rectangles, circles), so an
 * "off" variant is its base plus a slash rather than a second drawing.
 */
type Rect = readonly ['rect', x: number, y: number, width: number, height: number, radius: number];
type Circle = readonly ['circle', cx: number, cy: number, r: number];
type Part = string | Rect | Circle;

const rect = (x: number, y: number, width: number, height: number, radius = 0): Rect => [
  'rect',
  x,
  y,
  width,
  height,
  radius,
];
const circle = (cx: number, cy: number, r: number): Circle => ['circle', cx, cy, r];

const slash = 'M3 3l18 18';
const camera = [rect(3, 6, 12.5, 12, 2), 'M15.5 10.5 21 7.5v9l-5.5-3z'];
const microphone = [rect(9, 3, 6, 11, 3), 'M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21'];
const padlock = rect(5, 10.5, 14, 10, 2);
const monitor = [rect(3, 4.5, 18, 12, 1.5), 'M8.5 20h7M12 16.5V20'];

const icons = {
  calendar: [rect(3.5, 5, 17, 15, 2), 'M3.5 10h17M8 3v4M16 3v4'],
  video: camera,
  videoOff: [...camera, slash],
  clock: [circle(12, 12, 8.5), 'M12 7.5V12l3 2'],
  lock: [padlock, 'M8.5 10.5V8a3.5 3.5 0 0 1 7 0v2.5'],
  unlock: [padlock, 'M8.5 10.5V8a3.5 3.5 0 0 1 6.6-1.6'],
  mic: microphone,
  micOff: [...microphone, slash],
  speaker: ['M4 9.5h3.5L12 5.5v13l-4.5-4H4z', 'M15.5 9a4 4 0 0 1 0 6M18 6.5a7.5 7.5 0 0 1 0 11'],
  plus: ['M12 5v14M5 12h14'],
  link: ['M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1', 'M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1'],
  users: [circle(9, 8.5, 3.5), 'M2.5 20a6.5 6.5 0 0 1 13 0M16 5.2a3.5 3.5 0 0 1 0 6.6M18 14.5a6.5 6.5 0 0 1 3.5 5.5'],
  signOut: ['M14 4H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h8', 'M10 12h10M16.5 8.5 20 12l-3.5 3.5'],
  sliders: ['M4 7h9M17 7h3M4 17h3M11 17h9', circle(15, 7, 2), circle(9, 17, 2)],
  alert: ['M12 3.5 21.5 20h-19z', 'M12 10v4.5M12 17.2v.3'],
  screen: [...monitor, 'M12 13V8M9.5 10.5 12 8l2.5 2.5'],
  screenOff: [...monitor, 'M9.5 8.5l5 5M14.5 8.5l-5 5'],
  hand: [
    'M8 12.5V6a1.5 1.5 0 0 1 3 0v5M11 10.5V4.5a1.5 1.5 0 0 1 3 0v6M14 10.5V6a1.5 1.5 0 0 1 3 0v7.5c0 4-2.5 6.5-6 6.5-2.6 0-4-1.3-5.4-3.6L4 13.5a1.4 1.4 0 0 1 2.3-1.6L8 14',
  ],
  chat: ['M4 5.5h16v10H10l-4.5 3.5v-3.5H4z'],
  leave: ['M3.5 13.5c4.7-4.4 12.3-4.4 17 0l-2 2.5-3.3-1.3v-2.4a10 10 0 0 0-6.4 0v2.4L5.5 16z'],
  grid: [rect(4, 4, 7, 7, 1), rect(13, 4, 7, 7, 1), rect(4, 13, 7, 7, 1), rect(13, 13, 7, 7, 1)],
  speakerView: [
    rect(3.5, 4, 17, 11, 1.5),
    rect(4, 17, 4.5, 3, 0.8),
    rect(9.75, 17, 4.5, 3, 0.8),
    rect(15.5, 17, 4.5, 3, 0.8),
  ],
  chevronLeft: ['M14.5 6 8.5 12l6 6'],
  chevronRight: ['M9.5 6l6 6-6 6'],
  chevronUp: ['M6 14.5 12 8.5l6 6'],
  close: ['M6 6l12 12M18 6 6 18'],
  send: ['M4 12 20 4l-4 16-4-7zM12 13l8-9'],
  signal: ['M5 19v-3M10 19v-6M15 19v-9M20 19V6'],
  captions: [rect(3, 5.5, 18, 13, 2), 'M10.7 10.3a2.4 2.4 0 1 0 0 3.4M17.2 10.3a2.4 2.4 0 1 0 0 3.4'],
  transcript: ['M6 3.5h9l3.5 3.5v13.5H6z', 'M15 3.5V7h3.5', 'M9 11h6.5M9 14.5h6.5M9 18h3.5'],
  search: [circle(10.5, 10.5, 6), 'M15 15l5 5'],
  download: ['M12 4v11M7.5 10.5 12 15l4.5-4.5M5 19.5h14'],
  copy: [
    rect(8.5, 8.5, 11.5, 11.5, 2),
    'M15.5 8.5V5.5A1.5 1.5 0 0 0 14 4H5.5A1.5 1.5 0 0 0 4 5.5V14a1.5 1.5 0 0 0 1.5 1.5h3',
  ],
  arrowDown: ['M12 5v14M6 13l6 6 6-6'],
} satisfies Record<string, readonly Part[]>;

export type IconName = keyof typeof icons;

function renderPart(part: Part, key: number) {
  if (typeof part === 'string') return <path key={key} d={part} />;
  if (part[0] === 'circle') return <circle key={key} cx={part[1]} cy={part[2]} r={part[3]} />;
  const [, x, y, width, height, radius] = part;
  return <rect key={key} x={x} y={y} width={width} height={height} rx={radius || undefined} />;
}

export function Icon({ name, size = 20, className }: { name: IconName; size?: number; className?: string }) {
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
      {icons[name].map(renderPart)}
    </svg>
  );
}
