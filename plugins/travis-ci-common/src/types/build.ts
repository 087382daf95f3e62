/**
 * The states of a Travis CI build, in Travis' own names.
 *
 * @public
 */
export type TravisBuildState =
  | 'created'
  | 'received'
  | 'started'
  | 'passed'
  | 'failed'
  | 'errored'
  | 'canceled';

/**
 * Build states after which a build no longer changes on its own.
 *
 * @public
 */
export const TRAVIS_FINISHED_BUILD_STATES: readonly TravisBuildState[] = [
  'passed',
  'failed',
  'errored',
  'canceled',
];

/**
 * Build states in which a build is waiting or running.
 *
 * @public
 */
export const TRAVIS_ACTIVE_BUILD_STATES: readonly TravisBuildState[] = [
  'created',
  'received',
  'started',
];

/**
 * What caused a Travis CI build.
 *
 * @public
 */
export type TravisEventType = 'push' | 'pull_request' | 'api' | 'cron';

/**
 * The commit a build ran on.
 *
 * @public
 */
export interface TravisCommit {
  sha: string;
  /** The first 7 characters of the sha. */
  shortSha: string;
  message: string;
  /** Link to the commit or to the compared range on the code host. */
  url?: string;
  authorName?: string;
  committedAt?: string;
}

/**
 * The pull request a `pull_request` build ran for.
 *
 * @public
 */
export interface TravisPullRequest {
  number: number;
  title: string;
  /** Link to the pull request on the code host, when Travis reports one. */
  url?: string;
}

/**
 * A Travis CI build as the backend returns it to the browser.
 *
 * @remarks
 * Times are ISO 8601 strings; durations are in seconds. `webUrl` points at
 * the build in the Travis web UI of the entity's instance.
 *
 * @public
 */
export interface TravisBuild {
  id: number;
  number: string;
  state: TravisBuildState;
  eventType: TravisEventType;
  branch?: string;
  tag?: string;
  pullRequest?: TravisPullRequest;
  commit: TravisCommit;
  /** Login of the user who pushed, opened the pull request or triggered the build. */
  createdBy?: string;
  createdAt?: string;
  startedAt?: string;
  finishedAt?: string;
  duration?: number;
  webUrl: string;
}

/**
 * One page of an entity's builds.
 *
 * @public
 */
export interface TravisBuildList {
  builds: TravisBuild[];
  /** The number of builds that match the filters, across all pages. */
  totalCount: number;
  limit: number;
  offset: number;
}

/**
 * Filters and paging for an entity's build list.
 *
 * @public
 */
export interface TravisBuildListQuery {
  branch?: string;
  state?: TravisBuildState;
  eventType?: TravisEventType;
  /** Page size from 1 to 100. */
  limit?: number;
  offset?: number;
}
