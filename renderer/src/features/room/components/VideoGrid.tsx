import { useEffect, useRef, useState, type CSSProperties, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import {
  selectCurrentPage,
  selectOffPagePeerIds,
  selectPageCount,
  selectPagePeerIds,
} from '../../../room/room-selectors';
import { useRoomState, useRoomUi, useUnmountedTilesHidden } from '../hooks';
import { ParticipantTile } from './ParticipantTile';
import { Icon } from '../../../ui/Icon';

const TILE_ASPECT = 16 / 9;

export interface GridShape {
  columns: number;
  rows: number;
  /** Tile width in px for the measured area, or null before it is measured. */
  tileWidth: number | null;
}

/**
 * Columns and rows for n tiles. With the area's size known, the column count
 * that gives 16:9 tiles the most room; before that, as square as possible.
 */
export function gridShape(count: number, width = 0, height = 0, gap = 8): GridShape {
  const n = Math.max(1, count);
  if (!(width > 0 && height > 0)) {
    const columns = Math.ceil(Math.sqrt(n));
    return { columns, rows: Math.ceil(n / columns), tileWidth: null };
  }
  let best: GridShape = { columns: 1, rows: n, tileWidth: 0 };
  for (let columns = 1; columns <= n; columns++) {
    const rows = Math.ceil(n / columns);
    const cellWidth = (width - gap * (columns - 1)) / columns;
    const cellHeight = (height - gap * (rows - 1)) / rows;
    const tileWidth = Math.floor(Math.min(cellWidth, cellHeight * TILE_ASPECT));
    if (tileWidth > (best.tileWidth ?? 0)) best = { columns, rows, tileWidth };
  }
  return best;
}

/** The content size of an element, kept current (0×0 where ResizeObserver is missing, as in tests). */
function useElementSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/** Everyone on the current page (up to 25), with paging when there are more; video on other pages is paused. */
export function VideoGrid() {
  const { t } = useTranslation('room');
  const ui = useRoomUi();
  const peerIds = useRoomState(useShallow(selectPagePeerIds));
  const page = useRoomState(selectCurrentPage);
  const pageCount = useRoomState(selectPageCount);
  const offPagePeerIds = useRoomState(useShallow(selectOffPagePeerIds));
  // Tiles on this page report themselves; the others are never mounted, so the grid reports them hidden.
  useUnmountedTilesHidden(offPagePeerIds, 'webcam');
  const tilesRef = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(tilesRef);
  const { columns, rows, tileWidth } = gridShape(peerIds.length, width, height);
  const layout = {
    '--grid-columns': columns,
    '--grid-rows': rows,
    ...(tileWidth ? { '--tile-width': `${tileWidth}px` } : {}),
  } as CSSProperties;

  return (
    <section
      className="video-grid"
      aria-label={t('grid.label')}
      data-testid="video-grid"
      data-page={page}
      data-page-count={pageCount}
    >
      <div
        className={`video-grid__tiles${tileWidth ? ' video-grid__tiles--fitted' : ''}`}
        ref={tilesRef}
        style={layout}
      >
        {peerIds.map((peerId) => (
          <ParticipantTile key={peerId} peerId={peerId} />
        ))}
      </div>
      {pageCount > 1 ? (
        <nav className="video-grid__pager" aria-label={t('grid.page', { page: page + 1, count: pageCount })}>
          <button
            type="button"
            className="room-control room-control--compact"
            onClick={() => ui.setGridPage(page - 1)}
            disabled={page === 0}
            aria-label={t('grid.previous')}
            data-testid="grid-previous"
          >
            <Icon name="chevronLeft" />
          </button>
          <span data-testid="grid-page">{t('grid.page', { page: page + 1, count: pageCount })}</span>
          <button
            type="button"
            className="room-control room-control--compact"
            onClick={() => ui.setGridPage(page + 1)}
            disabled={page >= pageCount - 1}
            aria-label={t('grid.next')}
            data-testid="grid-next"
          >
            <Icon name="chevronRight" />
          </button>
        </nav>
      ) : null}
    </section>
  );
}
