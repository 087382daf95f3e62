import { act, renderHook } from '@testing-library/react';
import { useAutoRefresh } from './useAutoRefresh';

const INTERVALS = { visibleMs: 1_000, hiddenMs: 10_000 };

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => state,
  });
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

describe('useAutoRefresh', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    setVisibility('visible');
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('refreshes at the visible interval while enabled', () => {
    const refresh = jest.fn();
    renderHook(() =>
      useAutoRefresh({ enabled: true, refresh, intervals: INTERVALS }),
    );

    act(() => jest.advanceTimersByTime(3_500));

    expect(refresh).toHaveBeenCalledTimes(3);
  });

  it('never refreshes while disabled', () => {
    const refresh = jest.fn();
    renderHook(() =>
      useAutoRefresh({ enabled: false, refresh, intervals: INTERVALS }),
    );

    act(() => jest.advanceTimersByTime(60_000));

    expect(refresh).not.toHaveBeenCalled();
  });

  it('stops once disabled', () => {
    const refresh = jest.fn();
    const { rerender } = renderHook(
      ({ enabled }) =>
        useAutoRefresh({ enabled, refresh, intervals: INTERVALS }),
      { initialProps: { enabled: true } },
    );
    act(() => jest.advanceTimersByTime(2_000));
    expect(refresh).toHaveBeenCalledTimes(2);

    rerender({ enabled: false });
    act(() => jest.advanceTimersByTime(60_000));

    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('slows down while the tab is hidden and catches up when shown', () => {
    const refresh = jest.fn();
    renderHook(() =>
      useAutoRefresh({ enabled: true, refresh, intervals: INTERVALS }),
    );

    setVisibility('hidden');
    act(() => jest.advanceTimersByTime(9_000));
    expect(refresh).not.toHaveBeenCalled();
    act(() => jest.advanceTimersByTime(1_000));
    expect(refresh).toHaveBeenCalledTimes(1);

    setVisibility('visible');
    expect(refresh).toHaveBeenCalledTimes(2);
    act(() => jest.advanceTimersByTime(1_000));
    expect(refresh).toHaveBeenCalledTimes(3);
  });
});
