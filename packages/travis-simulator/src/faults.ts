import { SeededRandom } from './random';

/** Faults injected into API responses; control endpoints are never affected. */
export interface FaultSettings {
  /** Latency added to every API response, in real milliseconds. */
  latencyMs: number;
  /** Extra random latency between 0 and this many real milliseconds. */
  latencyJitterMs: number;
  /** Share of API requests (0 to 1) answered with a 500, 502 or 503. */
  errorRate: number;
  /** Share of API requests (0 to 1) answered with Rack::Attack's 429 `Retry later`. */
  throttleRate: number;
  /** Share of API requests (0 to 1) whose connection is reset without an answer. */
  resetRate: number;
}

export const DEFAULT_FAULTS: FaultSettings = {
  latencyMs: 0,
  latencyJitterMs: 0,
  errorRate: 0,
  throttleRate: 0,
  resetRate: 0,
};

export type FaultDecision =
  | { kind: 'none'; delayMs: number }
  | { kind: 'error'; status: 500 | 502 | 503; delayMs: number }
  | { kind: 'throttle'; delayMs: number }
  | { kind: 'reset'; delayMs: number };

const RATE_KEYS = ['errorRate', 'throttleRate', 'resetRate'] as const;
const DURATION_KEYS = ['latencyMs', 'latencyJitterMs'] as const;

/**
 * Checks a partial fault configuration, e.g. from the control endpoint.
 * Throws a TypeError naming the invalid key and its allowed range.
 */
export function parseFaultSettings(input: unknown): Partial<FaultSettings> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw new TypeError('Fault settings must be a JSON object, e.g. {"errorRate": 0.1}');
  }

  const result: Partial<FaultSettings> = {};
  for (const [key, value] of Object.entries(input)) {
    if ((RATE_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
        throw new TypeError(`Invalid ${key} ${JSON.stringify(value)}: use a number from 0 to 1`);
      }
    } else if ((DURATION_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new TypeError(`Invalid ${key} ${JSON.stringify(value)}: use milliseconds, 0 or more`);
      }
    } else {
      throw new TypeError(
        `Unknown fault setting "${key}": use ${[...DURATION_KEYS, ...RATE_KEYS].join(', ')}`,
      );
    }
    result[key as keyof FaultSettings] = value as number;
  }
  return result;
}

/** Holds the fault settings and draws each request's fault from a seeded sequence. */
export class FaultInjector {
  private current: FaultSettings;
  private random: SeededRandom;

  constructor(
    private readonly seed: number,
    private readonly initial: Partial<FaultSettings> = {},
  ) {
    this.current = { ...DEFAULT_FAULTS, ...parseFaultSettings(initial) };
    this.random = new SeededRandom(seed ^ 0x5eed);
  }

  /** Returns a copy of the settings in force. */
  get(): FaultSettings {
    return { ...this.current };
  }

  /** Changes the given settings and keeps the others; throws TypeError on invalid values. */
  set(partial: Partial<FaultSettings>): FaultSettings {
    this.current = { ...this.current, ...parseFaultSettings(partial) };
    return this.get();
  }

  /** Goes back to the settings given at start-up. */
  reset(): FaultSettings {
    this.current = { ...DEFAULT_FAULTS, ...parseFaultSettings(this.initial) };
    this.random = new SeededRandom(this.seed ^ 0x5eed);
    return this.get();
  }

  decide(): FaultDecision {
    const settings = this.current;
    const delayMs = Math.round(settings.latencyMs + this.random.next() * settings.latencyJitterMs);
    const roll = this.random.next();

    if (roll < settings.resetRate) {
      return { kind: 'reset', delayMs };
    }
    if (roll < settings.resetRate + settings.errorRate) {
      return { kind: 'error', status: this.random.pick([500, 502, 503] as const), delayMs };
    }
    if (roll < settings.resetRate + settings.errorRate + settings.throttleRate) {
      return { kind: 'throttle', delayMs };
    }
    return { kind: 'none', delayMs };
  }
}
