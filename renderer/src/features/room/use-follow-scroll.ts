import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** How close to the end still counts as "at the end": a line's worth, so a rounding pixel never unpins. */
export const FOLLOW_SLACK_PX = 32;

export interface ScrollMetrics {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
}

export function isScrolledToEnd({ scrollTop, scrollHeight, clientHeight }: ScrollMetrics): boolean {
  return scrollHeight - scrollTop - clientHeight <= FOLLOW_SLACK_PX;
}

export interface FollowScroll {
  /** Whether new content scrolls into view; false once the user scrolls up to read. */
  isFollowing: boolean;
  onScroll(): void;
  jumpToLatest(): void;
}

/**
 * Keeps a growing list scrolled to its end while the reader is there, and
 * leaves it alone once they scroll up; `contentKey` changes whenever the
 * content grows. Scrolling back to the end (or jumping there) follows again.
 */
export function useFollowScroll(ref: RefObject<HTMLElement | null>, contentKey: unknown): FollowScroll {
  const [isFollowing, setIsFollowing] = useState(true);
  // Read by the layout effect without re-running it when the flag flips.
  const following = useRef(true);

  useLayoutEffect(() => {
    const element = ref.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [ref, contentKey]);

  const onScroll = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    following.current = isScrolledToEnd(element);
    setIsFollowing(following.current);
  }, [ref]);

  const jumpToLatest = useCallback(() => {
    following.current = true;
    setIsFollowing(true);
    const element = ref.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [ref]);

  return { isFollowing, onScroll, jumpToLatest };
}
