import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { selectCurrentPage, selectPageCount, selectPagePeerIds } from '../../../room/room-selectors';
import { useRoomState, useRoomUi } from '../hooks';
import { ParticipantTile } from './ParticipantTile';
import { RoomIcon } from './RoomIcon';

/** Columns and rows for n tiles: as square as possible, wider than tall. */
export function gridShape(count: number): { columns: number; rows: number } {
  const columns = Math.max(1, Math.ceil(Math.sqrt(count)));
  return { columns, rows: Math.max(1, Math.ceil(count / columns)) };
}

/** Everyone on the current page (up to 25), with paging when there are more. */
export function VideoGrid() {
  const { t } = useTranslation('room');
  const ui = useRoomUi();
  const peerIds = useRoomState(useShallow(selectPagePeerIds));
  const page = useRoomState(selectCurrentPage);
  const pageCount = useRoomState(selectPageCount);
  const { columns, rows } = gridShape(peerIds.length);

  return (
    <section className="video-grid" aria-label={t('grid.label')} data-testid="video-grid" data-page={page} data-page-count={pageCount}>
      <div className="video-grid__tiles" style={{ '--grid-columns': columns, '--grid-rows': rows } as CSSProperties}>
        {peerIds.map((peerId) => (
          <ParticipantTile key={peerId} peerId={peerId} />
        ))}
      </div>
      {pageCount > 1 ? (
        <nav className="video-grid__pager" aria-label={t('grid.page', { page: page + 1, count: pageCount })}>
          <button
            type="button"
            className="room-button room-button--small"
            onClick={() => ui.setGridPage(page - 1)}
            disabled={page === 0}
            aria-label={t('grid.previous')}
            data-testid="grid-previous"
          >
            <RoomIcon name="chevronLeft" />
          </button>
          <span data-testid="grid-page">{t('grid.page', { page: page + 1, count: pageCount })}</span>
          <button
            type="button"
            className="room-button room-button--small"
            onClick={() => ui.setGridPage(page + 1)}
            disabled={page >= pageCount - 1}
            aria-label={t('grid.next')}
            data-testid="grid-next"
          >
            <RoomIcon name="chevronRight" />
          </button>
        </nav>
      ) : null}
    </section>
  );
}
