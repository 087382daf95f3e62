import { mixSeed, SeededRandom } from '../random';
import { createBuild } from './buildFactory';
import { planJobs } from './jobPlanner';
import { SimulatorState } from './state';
import { BuildRequest, JobResult, Repository } from './types';

/** Window of Travis' per-repository limit on API-triggered requests. */
export const REQUEST_LIMIT_WINDOW_MS = 3600 * 1000;

/** Simulated time between accepting an API request and its build appearing. */
const PROCESSING_DELAY_MS = 3000;

export interface ApiRequestInput {
  repository: Repository;
  userId: number;
  branch: string;
  message: string | null;
  config: Record<string, unknown>;
  mergeMode: string | null;
}

/** Counts API-triggered requests for the repository in the last hour, by anyone. */
export function countRecentApiRequests(
  state: SimulatorState,
  repositoryId: number,
  now: number,
): number {
  let count = 0;
  for (const request of state.requests.values()) {
    if (
      request.repositoryId === repositoryId &&
      request.eventType === 'api' &&
      request.createdAt > now - REQUEST_LIMIT_WINDOW_MS
    ) {
      count += 1;
    }
  }
  return count;
}

/** Records a pending API request; its build appears once it is processed. */
export function createApiRequest(
  state: SimulatorState,
  input: ApiRequestInput,
  now: number,
): BuildRequest {
  const request: BuildRequest = {
    id: state.nextId('request'),
    repositoryId: input.repository.id,
    state: 'pending',
    result: null,
    message: input.message,
    eventType: 'api',
    branchName: input.branch,
    commitId: null,
    createdById: input.userId,
    createdAt: now,
    processAt: now + PROCESSING_DELAY_MS,
    buildIds: [],
    config: input.config,
    mergeMode: input.mergeMode,
    commitMessage: input.message,
    forcedResult: forcedResultOf(input.message),
    pullRequestMergeable: null,
  };
  state.requests.set(request.id, request);
  state.pendingRequestIds.add(request.id);
  return request;
}

/**
 * Processes every pending request due by `now`: an unknown branch rejects
 * the request, anything else approves it and creates an `api` build on the
 * branch head.
 */
export function processPendingRequests(state: SimulatorState, now: number) {
  const due = [...state.pendingRequestIds]
    .map(id => state.requests.get(id)!)
    .filter(request => request.processAt <= now)
    .sort((a, b) => a.processAt - b.processAt);

  for (const request of due) {
    state.pendingRequestIds.delete(request.id);
    processRequest(state, request, now);
  }
}

function processRequest(state: SimulatorState, request: BuildRequest, now: number) {
  const repository = state.repositories.get(request.repositoryId)!;
  const branch = state.findBranch(repository.id, request.branchName);
  request.state = 'finished';

  const head = branch?.headCommitId ? state.commits.get(branch.headCommitId) : undefined;
  if (!branch || !head) {
    // NOTE: the rejection text is modelled on Travis' request messages, not copied from a live answer.
    request.result = 'rejected';
    request.message = `Branch "${request.branchName}" not found`;
    return;
  }

  const commit = {
    ...head,
    id: state.nextId('commit'),
    message: request.commitMessage ?? head.message,
    committedAt: head.committedAt,
  };
  state.commits.set(commit.id, commit);
  request.commitId = commit.id;
  request.result = 'approved';

  const random = new SeededRandom(mixSeed(request.id, repository.id));
  const build = createBuild(
    state,
    {
      repository,
      requestId: request.id,
      commitId: commit.id,
      eventType: 'api',
      branchName: branch.name,
      tagName: null,
      pullRequestNumber: null,
      pullRequestTitle: null,
      createdById: request.createdById,
      createdAt: request.processAt,
      jobs: planJobs(repository, random, {
        forcedResult: request.forcedResult,
        envOverride: envJobsOf(request.config),
      }),
    },
    now,
  );
  request.buildIds.push(build.id);
}

/**
 * Reads a forced outcome from a `[sim:failed]`, `[sim:errored]` or
 * `[sim:passed]` marker in the commit message, so tests can trigger a build
 * with a known result.
 */
function forcedResultOf(message: string | null): JobResult | null {
  const match = message?.match(/\[sim:(passed|failed|errored)\]/);
  return match ? (match[1] as JobResult) : null;
}

/** Reads `env.jobs` (or the older `env.matrix`) from a request config. */
function envJobsOf(config: Record<string, unknown>): string[] | undefined {
  const env = config.env;
  if (!env || typeof env !== 'object' || Array.isArray(env)) {
    return Array.isArray(env) ? env.map(String) : undefined;
  }
  const list = (env as Record<string, unknown>).jobs ?? (env as Record<string, unknown>).matrix;
  return Array.isArray(list) ? list.map(String) : undefined;
}
