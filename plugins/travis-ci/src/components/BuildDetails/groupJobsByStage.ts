import {
  TravisBuildDetails,
  TravisJob,
  TravisStage,
} from '@travis-ci-backstage/plugin-travis-ci-common';

/** The jobs of one stage, or of a build without stages when `stage` is absent. */
export interface JobGroup {
  stage?: TravisStage;
  jobs: TravisJob[];
}

/**
 * Groups a build's jobs by stage, stages in their order of execution and
 * jobs by number. Jobs without a known stage come last, in a group without
 * a stage; a build without stages has only that group.
 */
export function groupJobsByStage(build: TravisBuildDetails): JobGroup[] {
  const jobs = [...build.jobs].sort(compareJobNumbers);
  const stages = [...build.stages].sort((a, b) => a.number - b.number);
  const stageIds = new Set(stages.map(stage => stage.id));

  const groups: JobGroup[] = stages.map(stage => ({
    stage,
    jobs: jobs.filter(job => job.stageId === stage.id),
  }));

  const unstaged = jobs.filter(
    job => job.stageId === undefined || !stageIds.has(job.stageId),
  );
  if (unstaged.length > 0 || groups.length === 0) {
    groups.push({ jobs: unstaged });
  }
  return groups;
}

// Job numbers read `build.job`, such as "41.2" and "41.10".
function compareJobNumbers(a: TravisJob, b: TravisJob): number {
  const [, aIndex] = a.number.split('.').map(Number);
  const [, bIndex] = b.number.split('.').map(Number);
  if (Number.isFinite(aIndex) && Number.isFinite(bIndex)) {
    return aIndex - bIndex;
  }
  return a.number.localeCompare(b.number);
}
