import { TravisBuild } from '@travis-ci-backstage/plugin-travis-ci-common';
import { act, renderHook } from '@testing-library/react';
import { makeBuild } from '../__testUtils__/fixtures';
import { useTriggeredBuildWatch } from './useTriggeredBuildWatch';

const TIMEOUT_MS = 60_000;

function renderWatch(initialBuilds: TravisBuild[]) {
  return renderHook(
    ({ builds }) => useTriggeredBuildWatch(builds, TIMEOUT_MS),
    { initialProps: { builds: initialBuilds } },
  );
}

describe('useTriggeredBuildWatch', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('waits nothing before a trigger', () => {
    const { result } = renderWatch([makeBuild({ id: 10 })]);

    expect(result.current.watching).toBe(false);
  });

  it('watches until a newer build shows', () => {
    const shown = [makeBuild({ id: 10 }), makeBuild({ id: 9 })];
    const { result, rerender } = renderWatch(shown);

    act(() => result.current.start(shown));
    expect(result.current.watching).toBe(true);

    rerender({ builds: [makeBuild({ id: 10, state: 'failed' })] });
    expect(result.current.watching).toBe(true);

    rerender({ builds: [makeBuild({ id: 11, state: 'created' }), ...shown] });
    expect(result.current.watching).toBe(false);
  });

  it('stops watching after the time limit', () => {
    const shown = [makeBuild({ id: 10 })];
    const { result } = renderWatch(shown);

    act(() => result.current.start(shown));
    act(() => jest.advanceTimersByTime(TIMEOUT_MS - 1));
    expect(result.current.watching).toBe(true);

    act(() => jest.advanceTimersByTime(1));
    expect(result.current.watching).toBe(false);
  });

  it('restarts the time limit on a second trigger', () => {
    const shown = [makeBuild({ id: 10 })];
    const { result } = renderWatch(shown);

    act(() => result.current.start(shown));
    act(() => jest.advanceTimersByTime(TIMEOUT_MS - 1_000));
    act(() => result.current.start(shown));
    act(() => jest.advanceTimersByTime(TIMEOUT_MS - 1_000));

    expect(result.current.watching).toBe(true);
  });

  it('accepts any build after a trigger on an empty list', () => {
    const { result, rerender } = renderWatch([]);

    act(() => result.current.start([]));
    expect(result.current.watching).toBe(true);

    rerender({ builds: [makeBuild({ id: 1 })] });
    expect(result.current.watching).toBe(false);
  });
});
