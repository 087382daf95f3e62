import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  TravisActionResponse,
  TravisBranch,
  TravisBuildDetails,
  TravisBuildList,
  TravisBuildListQuery,
  TravisEntityActions,
  TravisLogChunk,
  TravisTriggerBuildRequest,
  TravisTriggerBuildResponse,
} from '@travis-ci-backstage/plugin-travis-ci-common';

/**
 * Reads and acts on the Travis CI builds of one catalog entity through the
 * Travis CI backend plugin.
 *
 * @remarks
 * Every method takes the entity, never a repository: the backend finds the
 * repository in the entity's `travis-ci.com/repo-slug` annotation. Failed
 * requests reject with a `ResponseError` from `@backstage/errors`, whose
 * `body.error.code` holds a `TravisCiErrorCode` where one applies.
 *
 * @public
 */
export interface TravisCiApi {
  /** Lists one page of the entity's builds, newest first. */
  getBuilds(
    entityRef: CompoundEntityRef,
    query?: TravisBuildListQuery,
  ): Promise<TravisBuildList>;

  /** Fetches one build with its stages and jobs. */
  getBuild(
    entityRef: CompoundEntityRef,
    buildId: number,
  ): Promise<TravisBuildDetails>;

  /** Lists the branches that Travis CI knows for the entity's repository. */
  getBranches(entityRef: CompoundEntityRef): Promise<TravisBranch[]>;

  /**
   * Fetches a job log from a UTF-8 byte offset on, so that a caller tailing a
   * running job only receives what was added since its last request.
   */
  getJobLog(
    entityRef: CompoundEntityRef,
    jobId: number,
    options?: { offset?: number },
  ): Promise<TravisLogChunk>;

  /** Asks Travis CI to build a branch of the entity's repository. */
  triggerBuild(
    entityRef: CompoundEntityRef,
    request: TravisTriggerBuildRequest,
  ): Promise<TravisTriggerBuildResponse>;

  /**
   * Asks Travis CI to run a build again under the same number. Resolves once
   * Travis CI has accepted the request, before the build changes state.
   * Rejects with status 409 while the build is received or started, and 403
   * when the user may not restart the entity's builds.
   */
  restartBuild(
    entityRef: CompoundEntityRef,
    buildId: number,
  ): Promise<TravisActionResponse>;

  /**
   * Asks Travis CI to cancel a build and its unfinished jobs. Resolves once
   * Travis CI has accepted the request. Rejects with status 409 when the
   * build has finished, and 403 when the user may not cancel.
   */
  cancelBuild(
    entityRef: CompoundEntityRef,
    buildId: number,
  ): Promise<TravisActionResponse>;

  /**
   * Asks Travis CI to run one job of a build again. Resolves once Travis CI
   * has accepted the request. Rejects with status 409 while the job is
   * running, and 403 when the user may not restart.
   */
  restartJob(
    entityRef: CompoundEntityRef,
    jobId: number,
  ): Promise<TravisActionResponse>;

  /**
   * Asks Travis CI to cancel one job of a build. Resolves once Travis CI has
   * accepted the request. Rejects with status 409 when the job has
   * finished, and 403 when the user may not cancel.
   */
  cancelJob(
    entityRef: CompoundEntityRef,
    jobId: number,
  ): Promise<TravisActionResponse>;

  /**
   * Fetches which actions the signed-in user may take on the entity's builds,
   * decided by the backend exactly as the action routes decide them.
   */
  getActions(entityRef: CompoundEntityRef): Promise<TravisEntityActions>;
}

/**
 * The API reference of {@link TravisCiApi}.
 *
 * @public
 */
export const travisCiApiRef = createApiRef<TravisCiApi>().with({
  id: 'plugin.travis-ci.service',
  pluginId: 'travis-ci',
});
