import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError, isError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import {
  TRAVIS_FINISHED_BUILD_STATES,
  TravisActionResponse,
  TravisBranch,
  TravisBuildDetails,
  TravisBuildList,
  TravisBuildListQuery,
  TravisBuildState,
  TravisEntityActions,
  TravisTriggerBuildRequest,
  TravisTriggerBuildResponse,
} from '@travis-ci-backstage/plugin-travis-ci-common';
import { Request } from 'express';
import {
  TravisCredentials,
  TravisCredentialsProvider,
  TravisCredentialsRequest,
} from '../credentials/TravisCredentialsProvider';
import { isTokenRejectedError } from '../errors';
import { TravisClient } from '../travis/TravisClient';
import { TravisApiBuild, TravisApiJob } from '../travis/types';
import { EntityActionAuthorizer } from './EntityActionAuthorizer';
import {
  EntityRequestContext,
  EntityRequestResolver,
} from './EntityRequestResolver';
import {
  toTravisBranch,
  toTravisBuild,
  toTravisBuildDetails,
  TravisWebLinks,
} from './wireMapping';

// A finished job's log can be missing for a short while until Travis has
// stored it, so a missing log counts as final only after this delay.
const LOG_ARCHIVE_GRACE_MS = 5 * 60 * 1000;

/** Part of a job log from a byte offset on. */
export interface TravisLogSlice {
  content: Buffer;
  nextOffset: number;
  complete: boolean;
  available: boolean;
}

/** A restart or cancel of one build or job. */
export interface TravisStateChange {
  resourceType: 'build' | 'job';
  id: number;
  change: 'restart' | 'cancel';
}

/**
 * The logic behind every Travis CI route: it resolves and authorizes the
 * entity, checks that build and job ids belong to the entity's repository,
 * calls Travis CI with the owner's credentials and maps the responses.
 */
export class TravisCiService {
  readonly #resolver: EntityRequestResolver;
  readonly #authorizer: EntityActionAuthorizer;
  readonly #credentialsProvider: TravisCredentialsProvider;
  readonly #auditor: AuditorService;
  readonly #logger: LoggerService;
  readonly #requestTimeoutMs: number;

  constructor(options: {
    resolver: EntityRequestResolver;
    authorizer: EntityActionAuthorizer;
    credentialsProvider: TravisCredentialsProvider;
    auditor: AuditorService;
    logger: LoggerService;
    requestTimeoutMs: number;
  }) {
    this.#resolver = options.resolver;
    this.#authorizer = options.authorizer;
    this.#credentialsProvider = options.credentialsProvider;
    this.#auditor = options.auditor;
    this.#logger = options.logger;
    this.#requestTimeoutMs = options.requestTimeoutMs;
  }

  /** Lists one page of the entity's builds, newest first. */
  async listBuilds(
    request: Request,
    entityName: CompoundEntityRef,
    query: Required<Pick<TravisBuildListQuery, 'limit' | 'offset'>> &
      TravisBuildListQuery,
  ): Promise<TravisBuildList> {
    const context = await this.#resolver.resolve(request, entityName, 'read');

    const page = await this.#callTravis(context, client =>
      client.listBuilds(context.repository, {
        branch: query.branch,
        state: query.state,
        eventType: query.eventType,
        limit: query.limit,
        offset: query.offset,
      }),
    );

    const links = webLinks(context);
    return {
      builds: page.builds.map(build => toTravisBuild(build, links)),
      totalCount: page['@pagination']?.count ?? page.builds.length,
      limit: query.limit,
      offset: query.offset,
    };
  }

  /** Reads one build of the entity with its stages and jobs. */
  async getBuild(
    request: Request,
    entityName: CompoundEntityRef,
    buildId: number,
  ): Promise<TravisBuildDetails> {
    const context = await this.#resolver.resolve(request, entityName, 'read');

    const build = await this.#callTravis(context, client =>
      client.getBuild(buildId),
    );
    assertInRepository(context, 'Build', buildId, build);

    return toTravisBuildDetails(build, webLinks(context));
  }

  /** Lists the branches of the entity's repository. */
  async listBranches(
    request: Request,
    entityName: CompoundEntityRef,
  ): Promise<{ branches: TravisBranch[] }> {
    const context = await this.#resolver.resolve(request, entityName, 'read');

    const branches = await this.#callTravis(context, client =>
      client.listBranches(context.repository),
    );
    return { branches: branches.map(toTravisBranch) };
  }

  /** Reads a job's log from a UTF-8 byte offset on. */
  async getJobLog(
    request: Request,
    entityName: CompoundEntityRef,
    jobId: number,
    offset: number,
  ): Promise<TravisLogSlice> {
    const context = await this.#resolver.resolve(request, entityName, 'read');

    const { job, text } = await this.#callTravis(context, async client => {
      const foundJob = await client.getJob(jobId);
      assertInRepository(context, 'Job', jobId, foundJob);
      return { job: foundJob, text: await client.getJobLogText(jobId) };
    });

    const finished = isFinished(job.state);
    if (text === undefined) {
      return {
        content: Buffer.alloc(0),
        nextOffset: 0,
        complete: finished && finishedLongAgo(job.finished_at),
        available: false,
      };
    }

    const bytes = Buffer.from(text, 'utf8');
    // NOTE: a restarted job starts a new, shorter log. An offset past its
    // end returns nothing, and the client continues from the new end.
    const start = Math.min(offset, bytes.length);
    return {
      content: bytes.subarray(start),
      nextOffset: bytes.length,
      complete: finished,
      available: true,
    };
  }

  /** Decides what the caller may do with the entity's builds. */
  async getActions(
    request: Request,
    entityName: CompoundEntityRef,
  ): Promise<TravisEntityActions> {
    const context = await this.#resolver.resolve(
      request,
      entityName,
      undefined,
    );

    const decisions = await this.#authorizer.decide(
      ['read', 'trigger', 'restart', 'cancel'],
      context.entity,
      context.credentials,
    );
    return {
      read: decisions.read!,
      trigger: decisions.trigger!,
      restart: decisions.restart!,
      cancel: decisions.cancel!,
    };
  }

  /** Triggers a build of an existing branch of the entity's repository. */
  async triggerBuild(
    request: Request,
    entityName: CompoundEntityRef,
    input: TravisTriggerBuildRequest,
  ): Promise<TravisTriggerBuildResponse> {
    return this.#audited(
      request,
      entityName,
      'build-trigger',
      { branch: input.branch },
      async (audit, record) => {
        // Authorization comes first, so that a caller who may not trigger
        // learns nothing from the checks of the request body.
        const context = await this.#resolver.resolve(
          request,
          entityName,
          'trigger',
        );
        audit(context);
        validateTriggerInput(input);

        const message = `Triggered from Backstage by ${context.actor}${
          input.message?.trim() ? `: ${input.message.trim()}` : ''
        }`;

        const pending = await this.#callTravis(context, async client => {
          await assertBranchExists(client, context, input.branch);
          return client.createRequest(context.repository, {
            branch: input.branch,
            message,
            config: input.config,
            mergeMode: input.mergeMode,
          });
        });

        if (pending.request.id !== undefined) {
          record({ requestId: pending.request.id });
        }
        this.#logger.info(
          `Triggered Travis CI request ${pending.request.id} for ${
            context.entityRef
          } (${formatSlug(context)}, branch ${input.branch}) by ${
            context.actor
          }`,
        );
        return {
          // NOTE: deployments older than 2017 leave out the request id.
          requestId: pending.request.id ?? 0,
          branch: pending.request.branch ?? input.branch,
          message: pending.request.message ?? message,
          remainingRequests: pending.remaining_requests,
        };
      },
    );
  }

  /** Restarts or cancels one build or job of the entity's repository. */
  async changeState(
    request: Request,
    entityName: CompoundEntityRef,
    target: TravisStateChange,
  ): Promise<TravisActionResponse> {
    const idKey = target.resourceType === 'build' ? 'buildId' : 'jobId';

    return this.#audited(
      request,
      entityName,
      `${target.resourceType}-${target.change}`,
      { [idKey]: target.id },
      async audit => {
        const context = await this.#resolver.resolve(
          request,
          entityName,
          target.change,
        );
        audit(context);

        await this.#callTravis(context, async client => {
          const resource =
            target.resourceType === 'build'
              ? await client.getBuild(target.id)
              : await client.getJob(target.id);
          assertInRepository(
            context,
            target.resourceType === 'build' ? 'Build' : 'Job',
            target.id,
            resource,
          );
          return client.changeState(
            target.resourceType,
            target.id,
            target.change,
          );
        });

        this.#logger.info(
          `Requested ${target.change} of Travis CI ${target.resourceType} ${
            target.id
          } for ${context.entityRef} (${formatSlug(context)}) by ${
            context.actor
          }`,
        );
        return {
          resourceType: target.resourceType,
          id: target.id,
          stateChange: target.change,
        };
      },
    );
  }

  /**
   * Records an audit event around an action. The event starts with the entity
   * ref from the path and gains the actor, repository and instance once the entity
   * is resolved, so that denied attempts are recorded too. `record` adds ids
   * that only Travis CI's response contains, such as the request id of a trigger.
   */
  async #audited<T>(
    request: Request,
    entityName: CompoundEntityRef,
    eventId: string,
    ids: JsonObject,
    run: (
      audit: (context: EntityRequestContext) => void,
      record: (ids: JsonObject) => void,
    ) => Promise<T>,
  ): Promise<T> {
    const meta: JsonObject = {
      entityRef: stringifyEntityRef(entityName),
      ...ids,
    };
    const event = await this.#auditor.createEvent({
      eventId,
      severityLevel: 'medium',
      request,
      meta,
    });

    try {
      const result = await run(
        context => {
          meta.entityRef = context.entityRef;
          meta.actor = context.actor;
          meta.repository = formatSlug(context);
          meta.instance = context.instance.name;
        },
        resultIds => Object.assign(meta, resultIds),
      );
      await event.success({ meta: { ...meta, outcome: 'accepted' } });
      return result;
    } catch (error) {
      await event.fail({
        error: isError(error) ? error : new Error(String(error)),
        meta: { ...meta, outcome: 'failed' },
      });
      throw error;
    }
  }

  /**
   * Calls Travis CI with the credentials for the entity. When Travis rejects
   * the token, the provider is told and asked once more. The call is retried
   * once if that returns a different token.
   */
  async #callTravis<T>(
    context: EntityRequestContext,
    call: (client: TravisClient) => Promise<T>,
  ): Promise<T> {
    const credentialsRequest: TravisCredentialsRequest = {
      instance: context.instance,
      entity: context.entity,
      entityRef: context.entityRef,
      ownerRef: context.ownerRef,
      repository: context.repository,
    };
    const credentials = await this.#credentialsProvider.getCredentials(
      credentialsRequest,
    );

    try {
      return await call(this.#client(context, credentials));
    } catch (error) {
      if (!isTokenRejectedError(error)) {
        throw error;
      }

      this.#logger.warn(
        `Travis CI instance "${context.instance.name}" rejected the token for ${
          context.entityRef
        } (${formatSlug(context)}, owner ${context.ownerRef ?? 'none'})`,
      );
      if (!this.#credentialsProvider.reportRejected) {
        throw error;
      }
      await this.#credentialsProvider.reportRejected(
        credentialsRequest,
        credentials,
      );
      const renewed = await this.#credentialsProvider.getCredentials(
        credentialsRequest,
      );
      if (renewed.token === credentials.token) {
        throw error;
      }

      this.#logger.info(
        `Retrying the Travis CI call for ${context.entityRef} with renewed credentials`,
      );
      return await call(this.#client(context, renewed));
    }
  }

  #client(context: EntityRequestContext, credentials: TravisCredentials) {
    return new TravisClient({
      instance: context.instance,
      token: credentials.token,
      timeoutMs: this.#requestTimeoutMs,
    });
  }
}

function webLinks(context: EntityRequestContext): TravisWebLinks {
  return new TravisWebLinks(context.instance.webUrl, context.repository);
}

function formatSlug(context: EntityRequestContext): string {
  return `${context.repository.owner}/${context.repository.name}`;
}

// Travis matches slugs without regard to case, so the comparison does too.
function assertInRepository(
  context: EntityRequestContext,
  kind: 'Build' | 'Job',
  id: number,
  resource: TravisApiBuild | TravisApiJob,
) {
  const slug = resource.repository?.slug?.toLowerCase();
  if (slug !== formatSlug(context).toLowerCase()) {
    throw new NotFoundError(
      `${kind} ${id} does not belong to ${formatSlug(
        context,
      )}, the repository of ${context.entityRef}.`,
    );
  }
}

async function assertBranchExists(
  client: TravisClient,
  context: EntityRequestContext,
  branch: string,
) {
  const missing = new InputError(
    `Branch "${branch}" does not exist in ${formatSlug(
      context,
    )} on Travis CI; pick an existing branch.`,
  );

  try {
    const found = await client.getBranch(context.repository, branch);
    if (found.exists_on_github === false) {
      throw missing;
    }
  } catch (error) {
    // A missing branch is a bad request. A missing repository keeps its own code.
    if (
      isError(error) &&
      error.name === 'NotFoundError' &&
      (error as { code?: string }).code !== 'repository-not-found'
    ) {
      throw missing;
    }
    throw error;
  }
}

function validateTriggerInput(input: TravisTriggerBuildRequest) {
  if (input.config !== undefined && input.mergeMode === undefined) {
    throw new InputError(
      'A trigger request with config needs a mergeMode, which sets how the config combines with .travis.yml, e.g. "deep_merge_append".',
    );
  }
  if (input.mergeMode !== undefined && input.config === undefined) {
    throw new InputError(
      `A trigger request with mergeMode "${input.mergeMode}" needs a config to merge; remove mergeMode or add config.`,
    );
  }
}

function isFinished(state: string | undefined): boolean {
  return TRAVIS_FINISHED_BUILD_STATES.includes(state as TravisBuildState);
}

function finishedLongAgo(finishedAt: string | null | undefined): boolean {
  if (!finishedAt) {
    return true;
  }
  return Date.now() - Date.parse(finishedAt) > LOG_ARCHIVE_GRACE_MS;
}
