/**
 * The simulated clock.
 *
 * Simulated time starts at a fixed instant and then moves in two ways: it
 * follows real time multiplied by `speed` (0 freezes it), and tests move it
 * forward with `advance(ms)`. Nothing in the simulator uses real timers:
 * state catches up with the clock whenever it is read.
 */
export interface SimulatorClock {
  /** The current simulated time. */
  now(): Date;
  /** The current simulated time in epoch milliseconds. */
  nowMs(): number;
  /** Moves simulated time forward by `ms` milliseconds. */
  advance(ms: number): void;
  /** Simulated milliseconds per real millisecond. */
  speed(): number;
  /** Changes the speed from now on; time already passed is kept. */
  setSpeed(speed: number): void;
}

export class SimulatedClock implements SimulatorClock {
  private baseMs: number;
  private realBaseMs: number;
  private currentSpeed: number;

  constructor(
    startMs: number,
    speed: number,
    private readonly realNowMs: () => number = () => performance.now(),
  ) {
    assertSpeed(speed);
    this.baseMs = startMs;
    this.realBaseMs = this.realNowMs();
    this.currentSpeed = speed;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    const realElapsed = this.realNowMs() - this.realBaseMs;
    return Math.floor(this.baseMs + realElapsed * this.currentSpeed);
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(
        `Invalid clock advance ${ms}: pass a finite number of milliseconds >= 0`,
      );
    }
    this.baseMs += ms;
  }

  speed(): number {
    return this.currentSpeed;
  }

  setSpeed(speed: number): void {
    assertSpeed(speed);
    this.rebase(this.nowMs());
    this.currentSpeed = speed;
  }

  /** Sets simulated time to `ms` without regard to monotonicity; used by reset. */
  rebase(ms: number): void {
    this.baseMs = ms;
    this.realBaseMs = this.realNowMs();
  }
}

function assertSpeed(speed: number) {
  if (!Number.isFinite(speed) || speed < 0) {
    throw new RangeError(
      `Invalid clock speed ${speed}: pass simulated milliseconds per real millisecond, 0 or more`,
    );
  }
}
