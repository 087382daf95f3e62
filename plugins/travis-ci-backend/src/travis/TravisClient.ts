import axios, { AxiosInstance, AxiosResponse, isAxiosError } from 'axios';
import { TravisRepositorySlug } from '@travis-ci-backstage/plugin-travis-ci-common';
import packageJson from '../../package.json';
import { TravisInstance } from '../config/TravisCiConfig';
import { TravisBadGatewayError } from '../errors';
import { mapTravisError, mapTravisNetworkError } from './mapTravisError';
import {
  TravisApiBranch,
  TravisApiBranches,
  TravisApiBuild,
  TravisApiBuilds,
  TravisApiJob,
  TravisApiPendingAction,
  TravisApiPendingRequest,
  TravisApiRepository,
} from './types';

const USER_AGENT = `${packageJson.name}/${packageJson.version}`;

// Travis' branch list contains deleted branches too. Stop after this many
// pages so that a repository with a huge history cannot stall a request.
const MAX_BRANCH_PAGES = 10;

/** Filters and paging of a repository's build list, in the backend's terms. */
export interface TravisBuildFilter {
  branch?: string;
  state?: string;
  eventType?: string;
  limit: number;
  offset: number;
}

/** The body of a trigger request, in Travis' terms. */
export interface TravisRequestInput {
  branch: string;
  message: string;
  config?: Record<string, unknown>;
  mergeMode?: string;
}

/** Options of a client for one instance and one token. */
export interface TravisClientOptions {
  instance: TravisInstance;
  token: string;
  timeoutMs: number;
}

interface CallOptions {
  method: 'GET' | 'POST';
  path: string;
  subject: string;
  params?: Record<string, string | number | undefined>;
  body?: unknown;
  accept?: string;
}

/**
 * HTTP client of Travis CI API v3 for one instance and one token. It sends
 * the version, token and user agent headers, encodes repository slugs as
 * one path segment and turns failed responses into Backstage errors.
 */
export class TravisClient {
  readonly #instance: TravisInstance;
  readonly #timeoutMs: number;
  readonly #http: AxiosInstance;

  constructor(options: TravisClientOptions) {
    this.#instance = options.instance;
    this.#timeoutMs = options.timeoutMs;
    this.#http = axios.create({
      timeout: options.timeoutMs,
      headers: {
        'Travis-API-Version': '3',
        Authorization: `token ${options.token}`,
        'User-Agent': USER_AGENT,
        Accept: 'application/json',
      },
      // Keep the raw text, because Travis returns some errors as text or HTML.
      responseType: 'text',
      transformResponse: data => data,
      validateStatus: () => true,
      maxRedirects: 0,
    });
  }

  /** Reads a repository by its slug. */
  async getRepository(
    slug: TravisRepositorySlug,
  ): Promise<TravisApiRepository> {
    return this.#json({
      method: 'GET',
      path: repositoryPath(slug),
      subject: `repository ${formatSlug(slug)}`,
    });
  }

  /** Reads one page of a repository's builds, newest first. */
  async listBuilds(
    slug: TravisRepositorySlug,
    filter: TravisBuildFilter,
  ): Promise<TravisApiBuilds> {
    return this.#json({
      method: 'GET',
      path: `${repositoryPath(slug)}/builds`,
      subject: `repository ${formatSlug(slug)}`,
      params: {
        limit: filter.limit,
        offset: filter.offset,
        'branch.name': filter.branch,
        'build.state': filter.state,
        'build.event_type': filter.eventType,
        include: 'build.commit',
      },
    });
  }

  /** Reads a build with its commit author, stages and jobs with their configuration. */
  async getBuild(buildId: number): Promise<TravisApiBuild> {
    return this.#json({
      method: 'GET',
      path: `/build/${buildId}`,
      subject: `build ${buildId}`,
      params: { include: 'build.commit,build.jobs,job.config' },
    });
  }

  /** Reads a job. */
  async getJob(jobId: number): Promise<TravisApiJob> {
    return this.#json({
      method: 'GET',
      path: `/job/${jobId}`,
      subject: `job ${jobId}`,
    });
  }

  /** Reads one branch; branch names may contain `/`, so they are encoded. */
  async getBranch(
    slug: TravisRepositorySlug,
    branch: string,
  ): Promise<TravisApiBranch> {
    return this.#json({
      method: 'GET',
      path: `${repositoryPath(slug)}/branch/${encodeURIComponent(branch)}`,
      subject: `branch "${branch}" of repository ${formatSlug(slug)}`,
    });
  }

  /**
   * Reads the branches that still exist in the code host, following
   * Travis' pagination links.
   */
  async listBranches(
    slug: TravisRepositorySlug,
    pageSize = 100,
  ): Promise<TravisApiBranch[]> {
    const subject = `repository ${formatSlug(slug)}`;
    const branches: TravisApiBranch[] = [];

    let page = await this.#json<TravisApiBranches>({
      method: 'GET',
      path: `${repositoryPath(slug)}/branches`,
      subject,
      params: { limit: pageSize, 'branch.exists_on_github': 'true' },
    });
    branches.push(...page.branches);

    for (let pages = 1; pages < MAX_BRANCH_PAGES; pages++) {
      const next = page['@pagination']?.next;
      if (!next || page['@pagination']?.is_last) {
        break;
      }
      page = await this.#json<TravisApiBranches>({
        method: 'GET',
        path: this.#pathOfHref(next['@href']),
        subject,
      });
      branches.push(...page.branches);
    }
    return branches;
  }

  /**
   * Reads a job's log as plain text. Returns undefined while the job has not
   * written anything, for which Travis returns 404 `log not found`.
   */
  async getJobLogText(jobId: number): Promise<string | undefined> {
    const subject = `the log of job ${jobId}`;
    const response = await this.#send({
      method: 'GET',
      path: `/job/${jobId}/log`,
      subject,
      accept: 'text/plain',
    });

    if (response.status === 404 && isLogNotFound(response.data)) {
      return undefined;
    }
    this.#assertSuccess(response, subject);
    return response.data ?? '';
  }

  /** Asks Travis to build a branch; Travis answers with a pending request. */
  async createRequest(
    slug: TravisRepositorySlug,
    input: TravisRequestInput,
  ): Promise<TravisApiPendingRequest> {
    return this.#json({
      method: 'POST',
      path: `${repositoryPath(slug)}/requests`,
      subject: `repository ${formatSlug(slug)}`,
      body: {
        request: {
          branch: input.branch,
          message: input.message,
          ...(input.config ? { config: input.config } : {}),
          ...(input.mergeMode ? { merge_mode: input.mergeMode } : {}),
        },
      },
    });
  }

  /** Restarts or cancels a build or a job. */
  async changeState(
    resourceType: 'build' | 'job',
    id: number,
    change: 'restart' | 'cancel',
  ): Promise<TravisApiPendingAction> {
    return this.#json({
      method: 'POST',
      path: `/${resourceType}/${id}/${change}`,
      subject: `${resourceType} ${id}`,
    });
  }

  // `@href`s already contain the mount path of the API (e.g. `/api` on
  // Enterprise), so they are resolved against the origin, not the base URL.
  #pathOfHref(href: string): string {
    const origin = new URL(this.#instance.baseUrl).origin;
    const resolved = new URL(href, origin);
    if (resolved.origin !== origin) {
      throw new TravisBadGatewayError(
        `Travis CI instance "${
          this.#instance.name
        }" sent a pagination link to another host; check the instance's baseUrl.`,
        'travis-unavailable',
      );
    }
    const mountPath = new URL(this.#instance.baseUrl).pathname.replace(
      /\/+$/,
      '',
    );
    const path = `${resolved.pathname}${resolved.search}`;
    return path.startsWith(`${mountPath}/`)
      ? path.slice(mountPath.length)
      : path;
  }

  async #json<T>(options: CallOptions): Promise<T> {
    const response = await this.#send(options);
    this.#assertSuccess(response, options.subject);

    try {
      return JSON.parse(response.data) as T;
    } catch {
      throw new TravisBadGatewayError(
        `Travis CI instance "${this.#instance.name}" returned a response for ${
          options.subject
        } that is not JSON; check that the instance's baseUrl points at the API.`,
        'travis-unavailable',
      );
    }
  }

  async #send(options: CallOptions): Promise<AxiosResponse<string>> {
    const params = Object.fromEntries(
      Object.entries(options.params ?? {}).filter(([, v]) => v !== undefined),
    );

    try {
      return await this.#http.request<string>({
        method: options.method,
        url: `${this.#instance.baseUrl}${options.path}`,
        params,
        headers: {
          ...(options.accept ? { Accept: options.accept } : {}),
          ...(options.body !== undefined
            ? { 'Content-Type': 'application/json' }
            : {}),
        },
        data:
          options.body !== undefined ? JSON.stringify(options.body) : undefined,
      });
    } catch (error) {
      // Axios errors carry the request configuration with the token, so
      // only the error code travels on.
      const code = isAxiosError(error) ? error.code : undefined;
      throw mapTravisNetworkError(
        { code },
        { instanceName: this.#instance.name, subject: options.subject },
        this.#timeoutMs,
      );
    }
  }

  #assertSuccess(response: AxiosResponse<string>, subject: string) {
    if (response.status >= 200 && response.status < 300) {
      return;
    }
    throw mapTravisError(
      {
        status: response.status,
        contentType: headerValue(response, 'content-type'),
        retryAfter: headerValue(response, 'retry-after'),
        body: typeof response.data === 'string' ? response.data : '',
      },
      { instanceName: this.#instance.name, subject },
    );
  }
}

// The slash must be percent-encoded so that Travis reads the slug as one
// path segment; a raw slash matches no route.
function repositoryPath(slug: TravisRepositorySlug): string {
  return `/repo/${encodeURIComponent(formatSlug(slug))}`;
}

function formatSlug(slug: TravisRepositorySlug): string {
  return `${slug.owner}/${slug.name}`;
}

function headerValue(
  response: AxiosResponse<string>,
  name: string,
): string | undefined {
  const value = response.headers[name];
  return value === undefined || value === null ? undefined : String(value);
}

function isLogNotFound(body: string | undefined): boolean {
  try {
    const parsed = JSON.parse(body ?? '');
    return (
      parsed?.error_type === 'not_found' && parsed?.resource_type === undefined
    );
  } catch {
    return false;
  }
}
