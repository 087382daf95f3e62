/**
 * A small seeded pseudo-random number generator (mulberry32), so that the
 * same seed always produces the same simulated history and fault sequence.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Returns a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Returns an integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Returns true with the given probability (0 to 1). */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Returns `length` lower-case hexadecimal digits, e.g. for a commit sha. */
  hex(length: number): string {
    let result = '';
    while (result.length < length) {
      result += this.int(0, 15).toString(16);
    }
    return result;
  }

  /** Derives an independent generator, so one consumer cannot shift another's sequence. */
  fork(salt: number): SeededRandom {
    return new SeededRandom(Math.imul(this.int(0, 0x7fffffff) ^ salt, 2654435761));
  }
}

/** Derives a stable 32-bit seed from numbers, e.g. a job id and its run count. */
export function mixSeed(...parts: number[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    hash = Math.imul(hash ^ (part >>> 0), 16777619);
    hash = Math.imul(hash ^ Math.floor(part / 4294967296), 16777619);
  }
  return hash >>> 0;
}
