import { act, renderHook } from '@testing-library/react';
import { useProgressiveText } from './useProgressiveText';

const TEXT = 'line one\nline two\nline three\nline four';

// Each step schedules the next from an effect after React renders, so the
// timers run one round per act().
function runSteps(rounds = 10) {
  for (let round = 0; round < rounds; round++) {
    act(() => jest.runOnlyPendingTimers());
  }
}

describe('useProgressiveText', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('grows by whole lines until all text shows', () => {
    const { result } = renderHook(() => useProgressiveText(TEXT, 5));

    expect(result.current).toBe('line one');

    runSteps(1);
    expect(result.current).toBe('line one\nline two');

    runSteps();
    expect(result.current).toBe(TEXT);
  });

  it('shows short text at once', () => {
    const { result } = renderHook(() => useProgressiveText(TEXT, 1000));

    expect(result.current).toBe(TEXT);
  });

  it('keeps what shows when text is appended', () => {
    const { result, rerender } = renderHook(
      ({ text }) => useProgressiveText(text, 5),
      { initialProps: { text: TEXT } },
    );
    runSteps();

    rerender({ text: `${TEXT}\nline five` });

    expect(result.current).toBe(`${TEXT}\nline five`);
  });

  it('starts over when text changes otherwise', () => {
    const { result, rerender } = renderHook(
      ({ text }) => useProgressiveText(text, 5),
      { initialProps: { text: TEXT } },
    );
    runSteps();

    rerender({ text: 'other one\nother two' });

    expect(result.current).toBe('other one');

    runSteps();
    expect(result.current).toBe('other one\nother two');
  });
});
