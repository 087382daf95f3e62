import { SimulatedClock } from './clock';

const START = Date.parse('2025-03-03T09:00:00Z');

/** Creates a real-time source that moves only when the test moves it. */
function manualRealTime() {
  let realMs = 1_000;
  return {
    now: () => realMs,
    pass: (ms: number) => {
      realMs += ms;
    },
  };
}

describe('SimulatedClock', () => {
  it('multiplies real time by the speed', () => {
    const realTime = manualRealTime();
    const clock = new SimulatedClock(START, 60, realTime.now);

    realTime.pass(1_000);

    expect(clock.nowMs()).toBe(START + 60_000);
    expect(clock.now().toISOString()).toBe('2025-03-03T09:01:00.000Z');
  });

  it('keeps time already passed when the speed changes', () => {
    const realTime = manualRealTime();
    const clock = new SimulatedClock(START, 60, realTime.now);
    realTime.pass(1_000);

    clock.setSpeed(2);
    expect(clock.nowMs()).toBe(START + 60_000);
    expect(clock.speed()).toBe(2);

    realTime.pass(500);
    expect(clock.nowMs()).toBe(START + 61_000);
  });

  it('freezes at speed 0 until advanced', () => {
    const realTime = manualRealTime();
    const clock = new SimulatedClock(START, 0, realTime.now);

    realTime.pass(3_600_000);
    expect(clock.nowMs()).toBe(START);

    clock.advance(5_000);
    expect(clock.nowMs()).toBe(START + 5_000);
  });

  it('rejects a negative or infinite advance', () => {
    const clock = new SimulatedClock(START, 0);

    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(-1)).toThrow('Invalid clock advance -1');
    expect(() => clock.advance(Infinity)).toThrow(RangeError);
    expect(clock.nowMs()).toBe(START);
  });

  it('rejects a negative speed', () => {
    const realTime = manualRealTime();
    const clock = new SimulatedClock(START, 1, realTime.now);

    expect(() => clock.setSpeed(-2)).toThrow('Invalid clock speed -2');
    expect(() => new SimulatedClock(START, Number.NaN)).toThrow(RangeError);
    expect(clock.speed()).toBe(1);
  });
});
