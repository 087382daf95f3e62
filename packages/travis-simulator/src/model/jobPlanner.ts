import { SeededRandom } from '../random';
import { PlannedJob } from './buildFactory';
import { JobResult, JobTemplate, Repository } from './types';

export interface JobPlanOptions {
  /** Every required job ends this way, e.g. to force a failing build. */
  forcedResult?: JobResult | null;
  /** Replaces the `env` of each matrix entry, one job per value. */
  envOverride?: string[];
  /** Scales the planned durations, e.g. to keep a seeded build running longer. */
  durationFactor?: number;
}

/**
 * Plans the jobs of a new build from the repository's matrix: which result
 * each job reaches and how long its script runs. At most one required job
 * fails, as in a typical broken build.
 */
export function planJobs(
  repository: Repository,
  random: SeededRandom,
  options: JobPlanOptions = {},
): PlannedJob[] {
  const templates = expandTemplates(repository.matrix, options.envOverride);
  const requiredIndexes = templates
    .map((template, index) => (template.allowFailure ? -1 : index))
    .filter(index => index >= 0);
  const testIndexes = requiredIndexes.filter(
    index => (templates[index].stage ?? 'test') === (repository.stageNames[0] ?? 'test'),
  );

  let failingIndex = -1;
  let failure: JobResult = 'failed';
  if (options.forcedResult && options.forcedResult !== 'passed') {
    failingIndex = pickIndex(random, testIndexes.length > 0 ? testIndexes : requiredIndexes);
    failure = options.forcedResult;
  } else if (options.forcedResult !== 'passed' && random.chance(repository.failureRate)) {
    failingIndex = pickIndex(random, testIndexes.length > 0 ? testIndexes : requiredIndexes);
    failure = random.chance(0.15) ? 'errored' : 'failed';
  }

  return templates.map((template, index) => {
    let result: JobResult = 'passed';
    if (index === failingIndex) {
      result = failure;
    } else if (template.allowFailure && random.chance(0.6)) {
      result = 'failed';
    }

    const baseMs = template.stage === 'deploy' ? 70_000 : 150_000;
    const durationMs = Math.round(
      (baseMs + random.int(0, 120_000)) * (options.durationFactor ?? 1),
    );
    return { template, result, durationMs };
  });
}

function expandTemplates(matrix: JobTemplate[], envOverride?: string[]): JobTemplate[] {
  if (!envOverride || envOverride.length === 0) {
    return matrix;
  }

  // The override replaces the test jobs of the first matrix entry's runtime;
  // later stages stay as they are.
  const [first] = matrix;
  const others = matrix.filter(template => template.stage && template.stage !== first.stage);
  const tests = envOverride.map(env => ({
    ...first,
    allowFailure: false,
    config: { ...first.config, env },
  }));
  return [...tests, ...others];
}

function pickIndex(random: SeededRandom, indexes: number[]): number {
  return indexes.length > 0 ? random.pick(indexes) : -1;
}
