import { mixSeed, SeededRandom } from '../random';
import { SimulatorState } from './state';
import { Build, BuildState, isTerminal, Job, JobState, Stage } from './types';

const NEVER = Number.POSITIVE_INFINITY;

/** How far through its life a build has come, for the created → received → started order. */
const PROGRESS: Record<string, number> = {
  created: 0,
  queued: 1,
  received: 1,
  started: 2,
};

/**
 * Brings every active build up to simulated time `now`: jobs move through
 * created → queued → received → started → result at their planned instants,
 * later stages start when earlier ones pass, and builds follow their jobs.
 */
export function advanceBuilds(state: SimulatorState, now: number) {
  for (const buildId of [...state.activeBuildIds]) {
    const build = state.builds.get(buildId)!;
    updateBuild(state, build, now);

    if (isTerminal(build.state)) {
      state.activeBuildIds.delete(buildId);
    }
  }
}

export function updateBuild(state: SimulatorState, build: Build, now: number) {
  const jobs = state.jobsOf(build);

  // Releasing a stage can finish it at once (when its jobs are canceled
  // because an earlier stage failed), so repeat until nothing moves.
  let released = true;
  while (released) {
    for (const job of jobs) {
      applyJobState(job, now);
    }
    released = releaseNextGroup(state, build, jobs);
  }

  for (const stage of state.stagesOf(build)) {
    applyStageState(stage, jobs);
  }
  applyBuildState(build, jobs);
}

/**
 * Plans a job's run so that it becomes eligible at `eligibleAt`. The delays
 * between states are drawn from the job's own seed, so a run always takes
 * the same course.
 */
export function planJob(job: Job, eligibleAt: number) {
  const random = new SeededRandom(mixSeed(job.seed, job.runCount, 1));
  const queuedAt = eligibleAt + random.int(400, 2500);
  const receivedAt = queuedAt + random.int(1500, 6000);
  const startedAt = receivedAt + random.int(4000, 18000);

  job.timeline = {
    queuedAt,
    receivedAt,
    startedAt,
    finishedAt: startedAt + job.plannedDurationMs,
    canceledAt: null,
  };
}

/** Puts a build and all its jobs back to `created`, keeping ids and numbers. */
export function restartBuild(state: SimulatorState, build: Build, now: number) {
  for (const job of state.jobsOf(build)) {
    resetJob(job, now);
  }

  build.runStartedAt = now;
  build.state = 'created';
  build.startedAt = null;
  build.finishedAt = null;
  build.duration = null;
  build.updatedAt = now;
  state.activeBuildIds.add(build.id);
  updateBuild(state, build, now);
}

export function restartJob(
  state: SimulatorState,
  job: Job,
  userId: number | null,
  now: number,
) {
  const build = state.builds.get(job.buildId)!;
  resetJob(job, now);
  job.restartedAt = now;
  job.restartedById = userId;

  build.runStartedAt = now;
  build.updatedAt = now;
  state.activeBuildIds.add(build.id);
  updateBuild(state, build, now);
}

export function cancelBuild(state: SimulatorState, build: Build, now: number) {
  for (const job of state.jobsOf(build)) {
    if (!isTerminal(job.state)) {
      cancelJobRun(job, now);
    }
  }
  updateBuild(state, build, now);
}

export function cancelJob(state: SimulatorState, job: Job, now: number) {
  cancelJobRun(job, now);
  updateBuild(state, state.builds.get(job.buildId)!, now);
}

function cancelJobRun(job: Job, now: number) {
  if (job.timeline) {
    job.timeline.canceledAt = now;
    return;
  }
  job.timeline = {
    queuedAt: NEVER,
    receivedAt: NEVER,
    startedAt: NEVER,
    finishedAt: NEVER,
    canceledAt: now,
  };
}

function resetJob(job: Job, now: number) {
  job.runCount += 1;

  // A rerun passes more often than not: infrastructure errors go away and
  // about half of the failures are flaky.
  const random = new SeededRandom(mixSeed(job.seed, job.runCount, 2));
  if (job.plannedResult === 'errored' || random.chance(0.5)) {
    job.plannedResult = 'passed';
  }
  job.plannedDurationMs = Math.round(
    job.plannedDurationMs * (0.85 + random.next() * 0.3),
  );

  job.timeline = null;
  job.skippedByStage = false;
  job.state = 'created';
  job.startedAt = null;
  job.finishedAt = null;
  job.updatedAt = now;
}

function applyJobState(job: Job, now: number) {
  const timeline = job.timeline;
  if (!timeline) {
    job.state = 'created';
    return;
  }

  const canceledAt =
    timeline.canceledAt !== null && timeline.canceledAt < timeline.finishedAt
      ? timeline.canceledAt
      : null;

  if (canceledAt !== null && canceledAt <= now) {
    job.state = 'canceled';
    job.startedAt = timeline.startedAt <= canceledAt ? timeline.startedAt : null;
    job.finishedAt = canceledAt;
    job.updatedAt = canceledAt;
    return;
  }

  const steps: Array<[JobState, number]> = [
    [job.plannedResult, timeline.finishedAt],
    ['started', timeline.startedAt],
    ['received', timeline.receivedAt],
    ['queued', timeline.queuedAt],
  ];
  const reached = steps.find(([, at]) => at <= now);
  if (!reached) {
    job.state = 'created';
    return;
  }

  const [jobState, at] = reached;
  job.state = jobState;
  job.updatedAt = Math.max(job.updatedAt, at);
  job.startedAt = timeline.startedAt <= now ? timeline.startedAt : null;
  job.finishedAt = timeline.finishedAt <= now ? timeline.finishedAt : null;
}

/**
 * Plans the first group of waiting jobs whose earlier groups have all
 * finished. Jobs without a stage form one group. Returns true when it
 * planned or canceled anything.
 */
function releaseNextGroup(state: SimulatorState, build: Build, jobs: Job[]): boolean {
  const groups = groupByStage(state, build, jobs);

  for (let index = 0; index < groups.length; index++) {
    const waiting = groups[index].filter(job => job.timeline === null);
    if (waiting.length === 0) {
      continue;
    }

    const earlier = groups.slice(0, index).flat();
    if (earlier.some(job => !isTerminal(job.state))) {
      return false;
    }

    const doneAt = Math.max(
      build.runStartedAt,
      ...earlier.map(job => job.finishedAt ?? build.runStartedAt),
    );
    const earlierFailed = earlier.some(
      job => !job.allowFailure && job.state !== 'passed',
    );

    for (const job of waiting) {
      if (earlierFailed) {
        cancelJobRun(job, doneAt);
        job.skippedByStage = true;
      } else {
        planJob(job, doneAt);
      }
    }
    return true;
  }
  return false;
}

function groupByStage(state: SimulatorState, build: Build, jobs: Job[]): Job[][] {
  if (build.stageIds.length === 0) {
    return [jobs];
  }
  return state
    .stagesOf(build)
    .map(stage => jobs.filter(job => job.stageId === stage.id));
}

function applyStageState(stage: Stage, buildJobs: Job[]) {
  const jobs = buildJobs.filter(job => job.stageId === stage.id);
  const summary = summarize(jobs, Number.NEGATIVE_INFINITY);
  stage.state = summary.state;
  stage.startedAt = summary.startedAt;
  stage.finishedAt = summary.finishedAt;
}

function applyBuildState(build: Build, jobs: Job[]) {
  const summary = summarize(jobs, build.runStartedAt);

  // A build never goes back from started to received within one run, even
  // while a later stage's jobs wait in `created`.
  if (
    !isTerminal(summary.state) &&
    !isTerminal(build.state) &&
    PROGRESS[build.state] > PROGRESS[summary.state]
  ) {
    summary.state = build.state;
  }

  build.state = summary.state;
  build.startedAt = summary.startedAt;
  build.finishedAt = summary.finishedAt;
  build.duration = isTerminal(summary.state) ? totalDurationSeconds(jobs) : null;
  build.updatedAt = Math.max(
    build.updatedAt,
    ...jobs.map(job => job.updatedAt),
  );
}

interface StateSummary {
  state: BuildState;
  startedAt: number | null;
  finishedAt: number | null;
}

/**
 * Derives a build or stage state from its jobs. Jobs that finished before
 * `runStartedAt` belong to an earlier run and do not move a restarted build
 * past `created`.
 */
function summarize(jobs: Job[], runStartedAt: number): StateSummary {
  const startTimes = jobs
    .map(job => job.startedAt)
    .filter((at): at is number => at !== null && at >= runStartedAt);
  const startedAt = startTimes.length > 0 ? Math.min(...startTimes) : null;

  if (jobs.every(job => isTerminal(job.state))) {
    const finishTimes = jobs.map(job => job.finishedAt ?? 0);
    return {
      state: matrixResult(jobs),
      startedAt,
      finishedAt: jobs.length > 0 ? Math.max(...finishTimes) : null,
    };
  }

  let progress = 0;
  for (const job of jobs) {
    if (isTerminal(job.state)) {
      if ((job.finishedAt ?? 0) >= runStartedAt) {
        progress = Math.max(progress, PROGRESS.started);
      }
    } else {
      progress = Math.max(progress, PROGRESS[job.state]);
    }
  }
  const state: BuildState = (['created', 'received', 'started'] as const)[progress];
  return { state, startedAt, finishedAt: null };
}

/**
 * The build result from its finished jobs, in Travis' order of precedence:
 * canceled, errored, failed, passed. Jobs allowed to fail do not count, and
 * neither do jobs canceled only because an earlier stage failed.
 */
export function matrixResult(jobs: Job[]): BuildState {
  const required = jobs.filter(job => !job.allowFailure && !job.skippedByStage);
  for (const result of ['canceled', 'errored', 'failed'] as const) {
    if (required.some(job => job.state === result)) {
      return result;
    }
  }
  return 'passed';
}

function totalDurationSeconds(jobs: Job[]): number {
  let totalMs = 0;
  for (const job of jobs) {
    if (job.startedAt !== null && job.finishedAt !== null) {
      totalMs += job.finishedAt - job.startedAt;
    }
  }
  return Math.round(totalMs / 1000);
}
