import { conflict } from '../errors';
import { cancelBuild, restartBuild } from '../model/lifecycle';
import { Build } from '../model/types';
import { minimalBuild, standardBuild } from '../render/build';
import { href } from '../render/context';
import { standardJob } from '../render/job';
import { renderStage } from '../render/stage';
import { findBuild, requireLogin, requireWrite } from './lookup';
import { Reply, Route, RouteContext } from './route';

const RUNNING_STATES = ['received', 'queued', 'started'];
const FINISHED_STATES = ['passed', 'failed', 'errored', 'canceled'];

export const buildRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/build/{id}',
    service: 'Build::Find',
    handle(context) {
      return { status: 200, body: standardBuild(context.render, findBuild(context)) };
    },
  },
  {
    method: 'GET',
    pattern: '/build/{id}/jobs',
    service: 'Jobs::Find',
    handle(context) {
      const build = findBuild(context);
      return {
        status: 200,
        body: {
          '@type': 'jobs',
          '@href': href(context.render, `/build/${build.id}/jobs`),
          '@representation': 'standard',
          jobs: context.runtime.state.jobsOf(build).map(job => standardJob(context.render, job)),
        },
      };
    },
  },
  {
    method: 'GET',
    pattern: '/build/{id}/stages',
    service: 'Stages::Find',
    handle(context) {
      const build = findBuild(context);
      return {
        status: 200,
        body: {
          '@type': 'stages',
          '@href': href(context.render, `/build/${build.id}/stages`),
          '@representation': 'standard',
          stages: context.runtime.state
            .stagesOf(build)
            .map(stage => renderStage(context.render, stage, 'standard')),
        },
      };
    },
  },
  {
    method: 'POST',
    pattern: '/build/{id}/restart',
    service: 'Build::Restart',
    handle(context) {
      return buildAction(context, 'restart', build => {
        if (RUNNING_STATES.includes(build.state)) {
          throw conflict('build_already_running', 'build already running, cannot restart');
        }
        restartBuild(context.runtime.state, build, context.now);
      });
    },
  },
  {
    method: 'POST',
    pattern: '/build/{id}/cancel',
    service: 'Build::Cancel',
    handle(context) {
      return buildAction(context, 'cancel', build => {
        if (FINISHED_STATES.includes(build.state)) {
          throw conflict('build_not_cancelable', 'build is not running, cannot cancel');
        }
        cancelBuild(context.runtime.state, build, context.now);
      });
    },
  },
];

/**
 * Runs a build action and returns 202 with the build as it was before the
 * change. Pending bodies carry hrefs without the mount prefix, as Travis
 * renders them.
 */
function buildAction(
  context: RouteContext,
  stateChange: 'restart' | 'cancel',
  apply: (build: Build) => void,
): Reply {
  requireLogin(context);
  const build = findBuild(context);
  const repository = context.runtime.state.repositories.get(build.repositoryId)!;
  const unprefixed = { ...context.render, scriptName: '' };
  const before = minimalBuild(unprefixed, build);
  requireWrite(context, repository, stateChange, 'build', minimalBuild(context.render, build));

  apply(build);
  return {
    status: 202,
    body: { '@type': 'pending', build: before, state_change: stateChange, resource_type: 'build' },
  };
}
