import {
  TravisBranch,
  TravisBuild,
  TravisBuildDetails,
  TravisBuildState,
  TravisEventType,
  TravisJob,
  TravisJobState,
  TravisRepositorySlug,
  TravisStage,
} from '@travis-ci-backstage/plugin-travis-ci-common';
import {
  TravisApiBranch,
  TravisApiBuild,
  TravisApiJob,
  TravisApiStage,
} from '../travis/types';

/** Builds the web UI links of one repository on one instance. */
export class TravisWebLinks {
  readonly #repositoryUrl: string;

  constructor(webUrl: string, slug: TravisRepositorySlug) {
    this.#repositoryUrl = `${webUrl}/${encodeURIComponent(
      slug.owner,
    )}/${encodeURIComponent(slug.name)}`;
  }

  build(buildId: number): string {
    return `${this.#repositoryUrl}/builds/${buildId}`;
  }

  job(jobId: number): string {
    return `${this.#repositoryUrl}/jobs/${jobId}`;
  }
}

/** Maps a Travis build to the wire type, without its jobs. */
export function toTravisBuild(
  build: TravisApiBuild,
  links: TravisWebLinks,
): TravisBuild {
  const commit = build.commit;
  const sha = commit?.sha ?? '';

  return {
    id: build.id,
    number: build.number,
    state: build.state as TravisBuildState,
    eventType: build.event_type as TravisEventType,
    branch: build.branch?.name ?? undefined,
    tag: build.tag?.name ?? undefined,
    pullRequest:
      build.pull_request_number !== null &&
      build.pull_request_number !== undefined
        ? {
            number: build.pull_request_number,
            title: build.pull_request_title ?? '',
            url:
              build.event_type === 'pull_request'
                ? commit?.compare_url ?? undefined
                : undefined,
          }
        : undefined,
    commit: {
      sha,
      shortSha: sha.slice(0, 7),
      message: commit?.message ?? '',
      url: commit?.compare_url ?? undefined,
      authorName: commit?.author?.name ?? undefined,
      committedAt: commit?.committed_at ?? undefined,
    },
    createdBy: build.created_by?.login ?? undefined,
    startedAt: build.started_at ?? undefined,
    finishedAt: build.finished_at ?? undefined,
    duration: build.duration ?? undefined,
    webUrl: links.build(build.id),
  };
}

/** Maps a Travis build with its stages and jobs to the wire type. */
export function toTravisBuildDetails(
  build: TravisApiBuild,
  links: TravisWebLinks,
): TravisBuildDetails {
  const stages = [...(build.stages ?? [])].sort((a, b) => a.number - b.number);
  const jobs = build.jobs ?? [];

  return {
    ...toTravisBuild(build, links),
    createdAt: earliestJobCreatedAt(jobs),
    stages: stages.map(toTravisStage),
    jobs: jobs.map(job => toTravisJob(job, links)),
  };
}

// Travis API v3 builds have no created_at, but their jobs do, and Travis
// creates all jobs of a build together with the build.
function earliestJobCreatedAt(jobs: TravisApiJob[]): string | undefined {
  const times = jobs
    .map(job => job.created_at)
    .filter((time): time is string => Boolean(time))
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  return times[0];
}

function toTravisStage(stage: TravisApiStage): TravisStage {
  return {
    id: stage.id,
    number: stage.number,
    name: stage.name,
    state: stage.state as TravisBuildState,
    startedAt: stage.started_at ?? undefined,
    finishedAt: stage.finished_at ?? undefined,
  };
}

/** Maps a Travis job to the wire type. */
export function toTravisJob(
  job: TravisApiJob,
  links: TravisWebLinks,
): TravisJob {
  const config = job.config ?? {};

  return {
    id: job.id,
    number: job.number ?? String(job.id),
    state: (job.state ?? 'created') as TravisJobState,
    allowFailure: job.allow_failure ?? false,
    stageId: job.stage?.id ?? undefined,
    name: stringField(config.name),
    os: stringField(config.os),
    dist: stringField(config.dist),
    language: stringField(config.language),
    env: envField(config.env),
    startedAt: job.started_at ?? undefined,
    finishedAt: job.finished_at ?? undefined,
    duration: secondsBetween(job.started_at, job.finished_at),
    webUrl: links.job(job.id),
  };
}

/** Maps a Travis branch to the wire type. */
export function toTravisBranch(branch: TravisApiBranch): TravisBranch {
  return {
    name: branch.name,
    defaultBranch: branch.default_branch ?? false,
    lastBuild: branch.last_build
      ? {
          id: branch.last_build.id,
          number: branch.last_build.number,
          state: branch.last_build.state as TravisBuildState,
        }
      : undefined,
  };
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

// A job's `env` is a string such as `A=1 B=2`, a list of them, or a map.
function envField(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value || undefined;
  }
  if (Array.isArray(value)) {
    return (
      value.filter(item => typeof item === 'string').join(' ') || undefined
    );
  }
  if (value && typeof value === 'object') {
    return (
      Object.entries(value as Record<string, unknown>)
        .map(([key, item]) => `${key}=${String(item)}`)
        .join(' ') || undefined
    );
  }
  return undefined;
}

function secondsBetween(
  start: string | null | undefined,
  end: string | null | undefined,
): number | undefined {
  if (!start || !end) {
    return undefined;
  }
  const seconds = Math.round((Date.parse(end) - Date.parse(start)) / 1000);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}
