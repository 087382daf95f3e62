import { notFound, TravisApiError, wrongParams } from '../errors';
import {
  countRecentApiRequests,
  createApiRequest,
  REQUEST_LIMIT_WINDOW_MS,
} from '../model/requests';
import { BuildRequest, Repository } from '../model/types';
import { minimalRepository } from '../render/repository';
import { standardRequest } from '../render/request';
import { paginatedReply } from './collection';
import { findRepository, requireLogin, requireWrite } from './lookup';
import { Route, RouteContext } from './route';

export const requestRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/repo/{repository}/requests',
    service: 'Requests::Find',
    params: ['result', 'state', 'branch', 'from', 'to', 'limit', 'offset', 'skip_count'],
    handle(context) {
      const repository = findRepository(context);
      const requests = filterRequests(context, repository).sort((a, b) => b.id - a.id);
      return paginatedReply(context, 'requests', requests, request => standardRequest(context.render, request));
    },
  },
  {
    method: 'GET',
    pattern: '/repo/{repository}/request/{id}',
    service: 'Request::Find',
    handle(context) {
      const repository = findRepository(context);
      const request = context.runtime.state.requests.get(Number(context.params.id));
      if (!request || request.repositoryId !== repository.id) {
        throw notFound('request');
      }
      return { status: 200, body: standardRequest(context.render, request) };
    },
  },
  {
    method: 'POST',
    pattern: '/repo/{repository}/requests',
    service: 'Requests::Create',
    handle: createRequest,
  },
];

/**
 * Triggers a build, checking in Travis' order: login, visibility,
 * `create_request` permission, active repository, then the hourly limit.
 * `remaining_requests` counts the limit before this request is added, so
 * the first request of an hour reports the full limit.
 */
function createRequest(context: RouteContext) {
  requireLogin(context);
  const repository = findRepository(context);
  const unprefixed = { ...context.render, scriptName: '' };
  const minimal = minimalRepository(context.render, repository);
  requireWrite(context, repository, 'create_request', 'repository', minimal);

  if (!repository.active) {
    throw new TravisApiError(406, 'repository_inactive', 'cannot create requests on an inactive repository', {
      repository: minimal,
    });
  }

  const limit = repository.requestLimitPerHour;
  const remaining = Math.max(limit - countRecentApiRequests(context.runtime.state, repository.id, context.now), 0);
  if (remaining === 0) {
    throw new TravisApiError(429, 'request_limit_reached', 'request limit reached for resource', {
      max_requests: limit,
      per_seconds: REQUEST_LIMIT_WINDOW_MS / 1000,
      repository: minimal,
    });
  }

  const input = readRequestBody(context.body);
  const branch = input.branch ?? repository.defaultBranch;
  const request = createApiRequest(
    context.runtime.state,
    {
      repository,
      userId: context.access.user!.id,
      branch,
      message: input.message ?? null,
      config: input.config ?? {},
      mergeMode: input.merge_mode ?? null,
    },
    context.now,
  );

  return {
    status: 202,
    body: {
      '@type': 'pending',
      remaining_requests: remaining,
      repository: minimalRepository(unprefixed, repository),
      request: echoRequest(context, repository, request, input, branch),
      resource_type: 'request',
    },
  };
}

interface RequestBody {
  branch?: string;
  sha?: string;
  message?: string;
  tag_name?: string;
  merge_mode?: string;
  config?: Record<string, unknown>;
  configs?: Array<{ config: Record<string, unknown>; mode?: string }>;
}

const BODY_KEYS = ['branch', 'sha', 'message', 'tag_name', 'merge_mode', 'config', 'configs'] as const;

/**
 * Reads the trigger parameters from any spelling Travis accepts: nested
 * under `request`, at the top level, or dotted as `request.branch`.
 */
function readRequestBody(body: Record<string, unknown> | null): RequestBody {
  if (!body) {
    return {};
  }

  const nested = isObject(body.request) ? body.request : {};
  const result: Record<string, unknown> = {};
  for (const key of BODY_KEYS) {
    const value = nested[key] ?? body[`request.${key}`] ?? body[key];
    if (value !== undefined && value !== null) {
      result[key] = value;
    }
  }

  for (const key of ['branch', 'sha', 'message', 'tag_name', 'merge_mode'] as const) {
    if (result[key] !== undefined && typeof result[key] !== 'string') {
      throw wrongParams(`${key} must be a string, got ${JSON.stringify(result[key])}`);
    }
  }
  if (result.config !== undefined && !isObject(result.config)) {
    throw wrongParams('config must be a JSON object');
  }
  if (result.configs !== undefined && !Array.isArray(result.configs)) {
    throw wrongParams('configs must be an array of {"config": {...}, "mode": "..."} objects');
  }
  return result as RequestBody;
}

/**
 * Echoes the request as Travis does, with the GitHub id of the repository,
 * the user id, and `config` as a JSON-encoded string. Absent values are left out.
 */
function echoRequest(
  context: RouteContext,
  repository: Repository,
  request: BuildRequest,
  input: RequestBody,
  branch: string,
) {
  const configs =
    input.configs?.map(entry => ({ config: JSON.stringify(entry.config ?? {}), mode: entry.mode })) ??
    (input.config
      ? [{ config: JSON.stringify(input.config), mode: input.merge_mode ?? 'deep_merge_append' }]
      : undefined);

  const echo: Record<string, unknown> = {
    repository: {
      id: repository.githubId,
      vcs_type: 'GithubRepository',
      owner_name: repository.ownerName,
      name: repository.name,
    },
    user: { id: context.access.user!.id },
    id: request.id,
    message: input.message,
    branch,
    sha: input.sha,
    tag_name: input.tag_name,
    merge_mode: input.merge_mode,
    config: input.config ? JSON.stringify(input.config) : undefined,
    configs,
  };
  return Object.fromEntries(Object.entries(echo).filter(([, value]) => value !== undefined));
}

function filterRequests(context: RouteContext, repository: Repository): BuildRequest[] {
  const { query } = context;
  const result = query.get('result');
  const state = query.get('state');
  const branch = query.get('branch');
  const from = timeParam(query.get('from'), 'from');
  const to = timeParam(query.get('to'), 'to');

  return [...context.runtime.state.requests.values()].filter(
    request =>
      request.repositoryId === repository.id &&
      (result === undefined || request.result === result) &&
      (state === undefined || request.state === state) &&
      (branch === undefined || request.branchName === branch) &&
      (from === undefined || request.createdAt >= from) &&
      (to === undefined || request.createdAt <= to),
  );
}

function timeParam(value: string | undefined, name: string): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw wrongParams(`${name} must be a time such as 2025-03-01T00:00:00Z, got ${JSON.stringify(value)}`);
  }
  return ms;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
