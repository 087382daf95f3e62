/**
 * Entities of the simulated Travis CI installation. Times are epoch
 * milliseconds of the simulated clock; `null` means "not yet" or "none".
 */

export type BuildState =
  | 'created'
  | 'received'
  | 'started'
  | 'passed'
  | 'failed'
  | 'errored'
  | 'canceled';

export type JobState =
  | 'created'
  | 'queued'
  | 'received'
  | 'started'
  | 'passed'
  | 'failed'
  | 'errored'
  | 'canceled';

/** The outcome a job reaches when its script runs to the end. */
export type JobResult = 'passed' | 'failed' | 'errored';

export type EventType = 'push' | 'pull_request' | 'api' | 'cron';

export const TERMINAL_STATES: ReadonlySet<string> = new Set([
  'passed',
  'failed',
  'errored',
  'canceled',
]);

export function isTerminal(state: string): boolean {
  return TERMINAL_STATES.has(state);
}

export interface User {
  id: number;
  login: string;
  name: string;
  githubId: number;
  email: string;
  createdAt: number;
}

export interface Organization {
  id: number;
  login: string;
  name: string;
  githubId: number;
}

export interface Repository {
  id: number;
  githubId: number;
  organizationId: number;
  ownerName: string;
  name: string;
  description: string;
  language: string;
  private: boolean;
  active: boolean;
  defaultBranch: string;
  /** Maximum API-triggered requests per hour (Travis' default is 10). */
  requestLimitPerHour: number;
  /** Job templates used for builds this repository triggers from now on. */
  matrix: JobTemplate[];
  /** Stage names in order; empty when the repository does not use stages. */
  stageNames: string[];
  /** Probability that a new simulated job fails, used for triggered builds. */
  failureRate: number;
}

export interface Branch {
  repositoryId: number;
  name: string;
  existsOnGithub: boolean;
  /** Id of the commit at the branch head. */
  headCommitId: number | null;
}

export interface Commit {
  id: number;
  repositoryId: number;
  sha: string;
  ref: string;
  message: string;
  compareUrl: string;
  committedAt: number;
  authorName: string;
  authorEmail: string;
}

/** A job's configuration as .travis.yml expands it for one matrix entry. */
export interface JobConfig {
  os: string;
  dist?: string;
  language: string;
  [runtimeVersionKey: string]: unknown;
}

export interface JobTemplate {
  config: JobConfig;
  allowFailure: boolean;
  /** Name of the stage the job belongs to; ignored when the repository has no stages. */
  stage?: string;
}

export type RequestState = 'pending' | 'finished';

export interface BuildRequest {
  id: number;
  repositoryId: number;
  state: RequestState;
  result: 'approved' | 'rejected' | null;
  /** Rejection reason, or the message given when the request was created. */
  message: string | null;
  eventType: EventType;
  branchName: string;
  commitId: number | null;
  createdById: number | null;
  createdAt: number;
  /** Simulated time at which a pending request is processed. */
  processAt: number;
  buildIds: number[];
  config: Record<string, unknown>;
  mergeMode: string | null;
  /** Commit message override from the API request body. */
  commitMessage: string | null;
  /** Outcome forced for the resulting build's jobs, if any. */
  forcedResult: JobResult | null;
  pullRequestMergeable: string | null;
}

export interface Build {
  id: number;
  repositoryId: number;
  number: number;
  state: BuildState;
  previousState: BuildState | null;
  eventType: EventType;
  branchName: string;
  tagName: string | null;
  commitId: number;
  requestId: number;
  pullRequestNumber: number | null;
  pullRequestTitle: string | null;
  createdById: number | null;
  createdAt: number;
  updatedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  /** Sum of the job durations in seconds, as Travis computes it. */
  duration: number | null;
  /** Start of the current run: creation, or the last restart of the build or one of its jobs. */
  runStartedAt: number;
  jobIds: number[];
  stageIds: number[];
}

export interface Stage {
  id: number;
  buildId: number;
  number: number;
  name: string;
  state: BuildState;
  startedAt: number | null;
  finishedAt: number | null;
  jobIds: number[];
}

/**
 * Planned instants of one run of a job. The job's visible state at any
 * simulated time is derived from these, so the outcome does not depend on
 * how often the state is read.
 */
export interface JobTimeline {
  queuedAt: number;
  receivedAt: number;
  startedAt: number;
  finishedAt: number;
  canceledAt: number | null;
}

export interface Job {
  id: number;
  buildId: number;
  repositoryId: number;
  commitId: number;
  /** Position in the build, from 1; the job number is `<build number>.<index>`. */
  index: number;
  stageId: number | null;
  allowFailure: boolean;
  config: JobConfig;
  queue: string;
  state: JobState;
  createdAt: number;
  updatedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  restartedAt: number | null;
  restartedById: number | null;
  /** `null` while the job waits for an earlier stage to finish. */
  timeline: JobTimeline | null;
  /** Set when the job was canceled because an earlier stage failed. */
  skippedByStage: boolean;
  plannedResult: JobResult;
  /** Planned length of the script in milliseconds, from start to finish. */
  plannedDurationMs: number;
  /** Incremented on every restart; part of the log's seed. */
  runCount: number;
  logId: number;
  logToken: string;
  seed: number;
}

export interface ApiToken {
  token: string;
  userId: number;
  /** Lower-case slugs of the repositories the token's user may write to, or '*' for all. */
  repositories: ReadonlySet<string> | '*';
  revoked: boolean;
}
