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
import { TravisCiApi } from './TravisCiApi';

/**
 * Calls the Travis CI backend plugin with the signed-in user's Backstage
 * token, which the app's fetch API adds to every request.
 *
 * @public
 */
export class TravisCiClient implements TravisCiApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
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

    const response = await this.fetchApi.fetch(
      `${baseUrl}/entities/${entityPath}${path}`,
      init,
    );
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
