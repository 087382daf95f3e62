import { CompoundEntityRef } from '@backstage/catalog-model';
import { InputError, ResponseError } from '@backstage/errors';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import {
  TRAVIS_LOG_AVAILABLE_HEADER,
  TRAVIS_LOG_COMPLETE_HEADER,
  TRAVIS_LOG_NEXT_OFFSET_HEADER,
  TRAVIS_LOG_OFFSET_QUERY,
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
import { RequestTimeoutError, isAbortTimeout } from './RequestTimeoutError';
import { TravisCiApi } from './TravisCiApi';

/**
 * Time limit in milliseconds for one request to the backend. The backend
 * itself waits on Travis CI, so the limit stays above a slow Travis
 * response, but a hung request ends in an error within half a minute
 * instead of an endless spinner.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * Calls the Travis CI backend plugin with the signed-in user's Backstage
 * token, which the app's fetch API adds to every request.
 *
 * @public
 */
export class TravisCiClient implements TravisCiApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;
  private readonly requestTimeoutMs: number;

  constructor(options: {
    discoveryApi: DiscoveryApi;
    fetchApi: FetchApi;
    /** Milliseconds before a request fails; 30 000 unless set. */
    requestTimeoutMs?: number;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
    this.requestTimeoutMs =
      options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  }

  async getBuilds(
    entityRef: CompoundEntityRef,
    query: TravisBuildListQuery = {},
  ): Promise<TravisBuildList> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') {
        params.set(key, String(value));
      }
    }

    const search = params.size > 0 ? `?${params}` : '';
    return this.requestJson(entityRef, `/builds${search}`);
  }

  async getBuild(
    entityRef: CompoundEntityRef,
    buildId: number,
  ): Promise<TravisBuildDetails> {
    return this.requestJson(entityRef, `/builds/${encodeId(buildId)}`);
  }

  async getBranches(entityRef: CompoundEntityRef): Promise<TravisBranch[]> {
    const body = await this.requestJson<{ branches: TravisBranch[] }>(
      entityRef,
      '/branches',
    );
    return body.branches;
  }

  async getJobLog(
    entityRef: CompoundEntityRef,
    jobId: number,
    options: { offset?: number } = {},
  ): Promise<TravisLogChunk> {
    const offset = options.offset ?? 0;
    const path = `/jobs/${encodeId(
      jobId,
    )}/log?${TRAVIS_LOG_OFFSET_QUERY}=${offset}`;
    const response = await this.request(entityRef, path);
    const content = await response.text();

    // Without the header the backend sent no new offset, so the next request
    // starts after the bytes received now.
    const nextOffsetHeader = response.headers.get(
      TRAVIS_LOG_NEXT_OFFSET_HEADER,
    );
    const nextOffset =
      nextOffsetHeader === null
        ? offset + new TextEncoder().encode(content).length
        : Number(nextOffsetHeader);

    return {
      content,
      nextOffset,
      complete: response.headers.get(TRAVIS_LOG_COMPLETE_HEADER) === 'true',
      available: response.headers.get(TRAVIS_LOG_AVAILABLE_HEADER) !== 'false',
    };
  }

  async triggerBuild(
    entityRef: CompoundEntityRef,
    request: TravisTriggerBuildRequest,
  ): Promise<TravisTriggerBuildResponse> {
    return this.requestJson(entityRef, '/builds', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
  }

  async restartBuild(
    entityRef: CompoundEntityRef,
    buildId: number,
  ): Promise<TravisActionResponse> {
    return this.requestJson(entityRef, `/builds/${encodeId(buildId)}/restart`, {
      method: 'POST',
    });
  }

  async cancelBuild(
    entityRef: CompoundEntityRef,
    buildId: number,
  ): Promise<TravisActionResponse> {
    return this.requestJson(entityRef, `/builds/${encodeId(buildId)}/cancel`, {
      method: 'POST',
    });
  }

  async restartJob(
    entityRef: CompoundEntityRef,
    jobId: number,
  ): Promise<TravisActionResponse> {
    return this.requestJson(entityRef, `/jobs/${encodeId(jobId)}/restart`, {
      method: 'POST',
    });
  }

  async cancelJob(
    entityRef: CompoundEntityRef,
    jobId: number,
  ): Promise<TravisActionResponse> {
    return this.requestJson(entityRef, `/jobs/${encodeId(jobId)}/cancel`, {
      method: 'POST',
    });
  }

  async getActions(entityRef: CompoundEntityRef): Promise<TravisEntityActions> {
    return this.requestJson(entityRef, '/actions');
  }

  private async requestJson<T>(
    entityRef: CompoundEntityRef,
    path: string,
    init?: RequestInit,
  ): Promise<T> {
    const response = await this.request(entityRef, path, init);
    return (await response.json()) as T;
  }

  private async request(
    entityRef: CompoundEntityRef,
    path: string,
    init?: RequestInit,
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('travis-ci');
    const entityPath = [entityRef.kind, entityRef.namespace, entityRef.name]
      .map(encodeURIComponent)
      .join('/');

    let response: Response;
    try {
      response = await this.fetchApi.fetch(
        `${baseUrl}/entities/${entityPath}${path}`,
        // NOTE: the limit covers reading the body too, so a 10 MB job log
        // fails on a link slower than about 3 Mbit/s.
        { ...init, signal: AbortSignal.timeout(this.requestTimeoutMs) },
      );
    } catch (error) {
      if (isAbortTimeout(error)) {
        throw new RequestTimeoutError(
          `The Travis CI backend did not respond to ${path} within ${
            this.requestTimeoutMs / 1000
          } s.`,
        );
      }
      throw error;
    }

    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}

// Build and job ids come from earlier answers, but a caller could still pass
// NaN or a fraction; those must not turn into a different route.
function encodeId(id: number): string {
  if (!Number.isSafeInteger(id) || id < 0) {
    throw new InputError(
      `Invalid Travis CI id ${id}: expected a non-negative integer.`,
    );
  }
  return String(id);
}
