import { useEffect, useRef } from 'react';
import { usePageVisibility } from './usePageVisibility';

/**
 * How often lists refresh while a build is waiting or running.
 *
 * @public
 */
export interface AutoRefreshIntervals {
  /** Milliseconds between refreshes while the browser tab is visible. */
  visibleMs: number;
  /** Milliseconds between refreshes while the browser tab is hidden. */
  hiddenMs: number;
}

/**
 * Default intervals: Travis CI builds take minutes, so a 10 second refresh
 * shows state changes promptly without flooding the backend, and a hidden tab
 * only needs to be roughly current when the user returns.
 */
export const DEFAULT_AUTO_REFRESH_INTERVALS: AutoRefreshIntervals = {
  visibleMs: 10_000,
  hiddenMs: 60_000,
};

/**
 * Calls `refresh` repeatedly while `enabled` is true, slower while the
 * browser tab is hidden, and once at once when a hidden tab becomes visible
 * again so that the user never looks at a minute-old list.
 */
export function useAutoRefresh(options: {
  enabled: boolean;
  refresh: () => void;
  intervals?: AutoRefreshIntervals;
}): void {
  const { enabled, refresh } = options;
  const intervals = options.intervals ?? DEFAULT_AUTO_REFRESH_INTERVALS;
  const visible = usePageVisibility();
  const delay = visible ? intervals.visibleMs : intervals.hiddenMs;

  // The latest callback, so that a new function identity on every render
  // does not restart the timer.
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;

  const wasVisible = useRef(visible);
  useEffect(() => {
    const becameVisible = visible && !wasVisible.current;
    wasVisible.current = visible;
    if (enabled && becameVisible) {
      refreshRef.current();
    }
  }, [enabled, visible]);

  useEffect(() => {
    if (!enabled) {
      return undefined;
    }
    const timer = setInterval(() => refreshRef.current(), delay);
    return () => clearInterval(timer);
  }, [enabled, delay]);
}
