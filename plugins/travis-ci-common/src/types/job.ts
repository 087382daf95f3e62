import { TravisBuild, TravisBuildState } from './build';

/**
 * The states of a Travis CI job. Jobs have a `queued` state that builds do
 * not have.
 *
 * @public
 */
export type TravisJobState = TravisBuildState | 'queued';

/**
 * A Travis CI job, one entry of a build's matrix.
 *
 * @public
 */
export interface TravisJob {
  id: number;
  number: string;
  state: TravisJobState;
  allowFailure: boolean;
  stageId?: number;
  /** The job's name from its configuration, when it has one. */
  name?: string;
  os?: string;
  dist?: string;
  language?: string;
  /** The job's environment variables as written in its configuration. */
  env?: string;
  startedAt?: string;
  finishedAt?: string;
  duration?: number;
  webUrl: string;
}

/**
 * A stage of a build; jobs of one stage run before those of the next.
 *
 * @public
 */
export interface TravisStage {
  id: number;
  number: number;
  name: string;
  state: TravisBuildState;
  startedAt?: string;
  finishedAt?: string;
}

/**
 * A build with its stages in order and all its jobs.
 *
 * @remarks
 * Builds without stages have an empty `stages` list, and their jobs have no
 * `stageId`.
 *
 * @public
 */
export interface TravisBuildDetails extends TravisBuild {
  stages: TravisStage[];
  jobs: TravisJob[];
}
