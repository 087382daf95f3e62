import { SimulatedClock } from './clock';
import { FaultInjector, FaultSettings } from './faults';
import { generateLogScript, LogChunk, visibleLog, VisibleLog } from './logs';
import { addToken, addUser, seedState } from './model/seed';
import { advanceState } from './model/simulation';
import { SimulatorState, slugOf } from './model/state';
import { Job } from './model/types';
import { mixSeed, SeededRandom } from './random';

export interface RuntimeOptions {
  seed: number;
  speed: number;
  startTime: number;
  publicMode: boolean;
  faults: Partial<FaultSettings>;
  revokedTokens: string[];
}

/**
 * One simulated Travis installation: its state, clock, faults and logs.
 * The route layer reads and changes it; the public object wraps it.
 */
export class SimulatorRuntime {
  state: SimulatorState;
  readonly clock: SimulatedClock;
  readonly faults: FaultInjector;
  private logScripts = new Map<string, LogChunk[]>();

  constructor(readonly options: RuntimeOptions) {
    this.clock = new SimulatedClock(options.startTime, options.speed);
    this.faults = new FaultInjector(options.seed, options.faults);
    this.state = this.seed();
  }

  /** Applies every state change due by the current simulated time and returns that time. */
  sync(): number {
    const now = this.clock.nowMs();
    advanceState(this.state, now);
    return now;
  }

  /** Goes back to the seeded state, the start time and the start-up faults. */
  reset() {
    this.clock.rebase(this.options.startTime);
    this.faults.reset();
    this.logScripts = new Map();
    this.state = this.seed();
  }

  addToken(token: string, repositorySlugs: string[] | '*', login?: string) {
    if (!token || /\s/.test(token)) {
      throw new TypeError(`Invalid token ${JSON.stringify(token)}: use a non-empty string without spaces`);
    }
    if (repositorySlugs !== '*') {
      for (const slug of repositorySlugs) {
        if (!this.state.findRepositoryBySlug(slug)) {
          throw new TypeError(`Unknown repository "${slug}": use a seeded slug such as acme/payments-api`);
        }
      }
    }

    const random = new SeededRandom(mixSeed(this.options.seed, this.state.tokens.size));
    const user = addUser(
      this.state,
      random,
      { login: login ?? `api-user-${this.state.users.size + 1}`, name: 'API user' },
      this.clock.nowMs(),
    );
    const slugs =
      repositorySlugs === '*' ? '*' : new Set(repositorySlugs.map(slug => slug.toLowerCase()));
    addToken(this.state, token, user.id, slugs);
  }

  /** Makes a token invalid, so Travis responds 403 `access denied` to it. Returns false for an unknown token. */
  revokeToken(token: string): boolean {
    const record = this.state.tokens.get(token);
    if (!record) {
      return false;
    }
    record.revoked = true;
    return true;
  }

  /** Returns the part of the job's log written by `now`, or null before its first output. */
  logOf(job: Job, now: number): VisibleLog | null {
    if (!job.timeline || job.startedAt === null) {
      return null;
    }
    return visibleLog(job, this.logScriptOf(job), now);
  }

  private logScriptOf(job: Job): LogChunk[] {
    const key = `${job.id}:${job.runCount}`;
    const cached = this.logScripts.get(key);
    if (cached) {
      return cached;
    }

    const { state } = this;
    const build = state.builds.get(job.buildId)!;
    const repository = state.repositories.get(job.repositoryId)!;
    const chunks = generateLogScript({
      slug: slugOf(repository),
      branch: build.branchName,
      sha: state.commits.get(job.commitId)!.sha,
      config: job.config,
      result: job.plannedResult,
      durationMs: job.plannedDurationMs,
      startedAt: job.timeline!.startedAt,
      seed: mixSeed(job.seed, job.runCount, 3),
    });
    this.logScripts.set(key, chunks);
    return chunks;
  }

  private seed(): SimulatorState {
    const state = new SimulatorState();
    seedState(state, this.options.seed, this.options.startTime);

    // Tokens revoked at start-up stay revoked after every reset, like the
    // other start-up faults.
    for (const token of this.options.revokedTokens) {
      const record = state.tokens.get(token);
      if (!record) {
        throw new TypeError(
          `Unknown token "${token}" to revoke: use one of the seeded tokens`,
        );
      }
      record.revoked = true;
    }
    return state;
  }
}
