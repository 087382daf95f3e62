import { mixSeed, SeededRandom } from '../random';
import { cancelBuild, updateBuild } from './lifecycle';
import { SimulatorState } from './state';
import { Build, EventType, Job, JobResult, JobTemplate, Repository } from './types';

/** One job to create: its template and how its run ends. */
export interface PlannedJob {
  template: JobTemplate;
  result: JobResult;
  durationMs: number;
}

export interface NewBuild {
  repository: Repository;
  requestId: number;
  commitId: number;
  eventType: EventType;
  branchName: string;
  tagName: string | null;
  pullRequestNumber: number | null;
  pullRequestTitle: string | null;
  createdById: number | null;
  createdAt: number;
  jobs: PlannedJob[];
  /** Cancels every unfinished job at this instant, as a user would. */
  cancelAt?: number;
}

/**
 * Creates a build with its stages and jobs, then brings it up to `now`.
 * Jobs start waiting; the lifecycle plans them from the build's creation
 * time, so a build created in the past arrives in the state it would have
 * reached by now.
 */
export function createBuild(state: SimulatorState, input: NewBuild, now: number): Build {
  const { repository } = input;
  const previous = state.lastBuildOfBranch(repository.id, input.branchName);
  const number =
    state.buildsOf(repository.id).reduce((max, build) => Math.max(max, build.number), 0) + 1;

  const build: Build = {
    id: state.nextId('build'),
    repositoryId: repository.id,
    number,
    state: 'created',
    previousState: input.tagName === null && previous ? previous.state : null,
    eventType: input.eventType,
    branchName: input.branchName,
    tagName: input.tagName,
    commitId: input.commitId,
    requestId: input.requestId,
    pullRequestNumber: input.pullRequestNumber,
    pullRequestTitle: input.pullRequestTitle,
    createdById: input.createdById,
    createdAt: input.createdAt,
    updatedAt: input.createdAt,
    startedAt: null,
    finishedAt: null,
    duration: null,
    runStartedAt: input.createdAt,
    jobIds: [],
    stageIds: [],
  };

  const stageIds = createStages(state, build, input.jobs, repository);
  input.jobs.forEach((planned, position) => {
    const job = createJob(state, build, planned, position + 1, input.createdAt);
    const stageName = planned.template.stage;
    job.stageId = stageName ? stageIds.get(stageName) ?? null : null;
    build.jobIds.push(job.id);
    if (job.stageId !== null) {
      state.stages.get(job.stageId)!.jobIds.push(job.id);
    }
  });

  state.addBuild(build);
  state.activeBuildIds.add(build.id);

  if (input.cancelAt !== undefined && input.cancelAt <= now) {
    updateBuild(state, build, input.cancelAt);
    cancelBuild(state, build, input.cancelAt);
  }
  updateBuild(state, build, now);
  return build;
}

function createStages(
  state: SimulatorState,
  build: Build,
  jobs: PlannedJob[],
  repository: Repository,
): Map<string, number> {
  const ids = new Map<string, number>();
  const used = new Set(jobs.map(job => job.template.stage).filter(Boolean));

  repository.stageNames
    .filter(name => used.has(name))
    .forEach((name, position) => {
      const id = state.nextId('stage');
      state.stages.set(id, {
        id,
        buildId: build.id,
        number: position + 1,
        name,
        state: 'created',
        startedAt: null,
        finishedAt: null,
        jobIds: [],
      });
      build.stageIds.push(id);
      ids.set(name, id);
    });
  return ids;
}

function createJob(
  state: SimulatorState,
  build: Build,
  planned: PlannedJob,
  index: number,
  createdAt: number,
): Job {
  const id = state.nextId('job');
  const seed = mixSeed(id, build.number);
  const random = new SeededRandom(seed);

  // Jobs of one build are created a few milliseconds apart, as Travis does.
  const jobCreatedAt = createdAt + 20 + index * random.int(3, 15);
  const job: Job = {
    id,
    buildId: build.id,
    repositoryId: build.repositoryId,
    commitId: build.commitId,
    index,
    stageId: null,
    allowFailure: planned.template.allowFailure,
    config: planned.template.config,
    queue: planned.template.config.os === 'osx' ? 'builds.macstadium6' : 'builds.gce',
    state: 'created',
    createdAt: jobCreatedAt,
    updatedAt: jobCreatedAt,
    startedAt: null,
    finishedAt: null,
    restartedAt: null,
    restartedById: null,
    timeline: null,
    skippedByStage: false,
    plannedResult: planned.result,
    plannedDurationMs: planned.durationMs,
    runCount: 0,
    logId: state.nextId('log'),
    logToken: random.hex(20),
    seed,
  };
  state.jobs.set(id, job);
  return job;
}
