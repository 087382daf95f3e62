/**
 * Merge modes for a configuration sent with a triggered build, in Travis'
 * own names.
 *
 * @public
 */
export type TravisMergeMode =
  | 'replace'
  | 'merge'
  | 'deep_merge'
  | 'deep_merge_append'
  | 'deep_merge_prepend';

/**
 * All merge modes, in the order the UI offers them.
 *
 * @public
 */
export const TRAVIS_MERGE_MODES: readonly TravisMergeMode[] = [
  'deep_merge_append',
  'deep_merge_prepend',
  'deep_merge',
  'merge',
  'replace',
];

/**
 * The body of a trigger request from the browser.
 *
 * @public
 */
export interface TravisTriggerBuildRequest {
  /** The branch to build; it must exist in the repository. */
  branch: string;
  /** A message for the build; the backend adds who triggered it. */
  message?: string;
  /** Build configuration to combine with the repository's `.travis.yml`. */
  config?: Record<string, unknown>;
  /** How `config` combines with `.travis.yml`; required with `config`. */
  mergeMode?: TravisMergeMode;
}

/**
 * The result of a trigger request that Travis CI accepted.
 *
 * @public
 */
export interface TravisTriggerBuildResponse {
  requestId: number;
  branch: string;
  message: string;
  /** API-triggered requests the repository has left in the current hour. */
  remainingRequests?: number;
}

/**
 * The outcome of a restart or cancel request that Travis CI accepted.
 *
 * @public
 */
export interface TravisActionResponse {
  /** `build` or `job`. */
  resourceType: 'build' | 'job';
  id: number;
  /** Travis' state of the action itself, `pending` until it runs. */
  stateChange: 'restart' | 'cancel';
}

/**
 * Whether the caller may take one action, and why not when not.
 *
 * @public
 */
export interface TravisActionDecision {
  allowed: boolean;
  /** A sentence for a tooltip when `allowed` is false. */
  reason?: string;
}

/**
 * What the caller may do with an entity's builds, decided by the backend
 * exactly as the action routes decide it (permission policy and ownership).
 *
 * @public
 */
export interface TravisEntityActions {
  read: TravisActionDecision;
  trigger: TravisActionDecision;
  restart: TravisActionDecision;
  cancel: TravisActionDecision;
}
