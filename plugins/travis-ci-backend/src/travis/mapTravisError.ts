import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  repositoryNotAllowedError,
  repositoryNotFoundError,
  tokenRejectedError,
  TravisBadGatewayError,
  TravisRateLimitedError,
  travisUnavailableError,
} from '../errors';
import { TravisApiErrorBody } from './types';

/** Seconds to wait after a 429 that carries no `Retry-After` header. */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;

/** A Travis CI response with an error status. */
export interface TravisErrorResponse {
  status: number;
  contentType?: string;
  retryAfter?: string;
  body: string;
}

/** Subject of a failed call, for messages a developer can act on. */
export interface TravisErrorContext {
  /** Name of the configured instance, never its URL. */
  instanceName: string;
  /** The resource of the call, e.g. `build 42` or `repository acme/api`. */
  subject: string;
}

/**
 * Turns a failed Travis CI response into a Backstage error with the HTTP
 * status and `code` of the backend's error contract. Messages name the
 * instance and the resource, never a token or a URL.
 */
export function mapTravisError(
  response: TravisErrorResponse,
  context: TravisErrorContext,
): Error {
  const { status } = response;
  const instance = `Travis CI instance "${context.instanceName}"`;
  const body = parseErrorBody(response);

  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(response.retryAfter);
    if (body?.error_type === 'request_limit_reached') {
      // NOTE: Travis does not say when the hourly window frees a slot, so
      // the default delay is a guess; the real wait can be up to an hour.
      return new TravisRateLimitedError(
        `${instance} rejected a trigger of ${
          context.subject
        }: the repository reached its limit of ${
          body.max_requests ?? 'its'
        } API-triggered builds per ${
          body.per_seconds ?? 3600
        } seconds. Try again later.`,
        retryAfterSeconds,
      );
    }
    return new TravisRateLimitedError(
      `${instance} is rate limiting this backend; retry after ${retryAfterSeconds} seconds.`,
      retryAfterSeconds,
    );
  }

  if (!body) {
    if (status === 403 && /access denied/i.test(response.body)) {
      return tokenRejectedError(
        `${instance} rejected the configured token as invalid or expired; create a new API token in the Travis CI settings and update the backend configuration.`,
      );
    }
    if (status >= 500) {
      return new TravisBadGatewayError(
        `${instance} failed with HTTP ${status} for ${context.subject}; try again later.`,
        'travis-unavailable',
      );
    }
    return new TravisBadGatewayError(
      `${instance} returned an unexpected HTTP ${status} response for ${context.subject}.`,
      'travis-unavailable',
    );
  }

  return mapErrorBody(status, body, instance, context);
}

function mapErrorBody(
  status: number,
  body: TravisApiErrorBody,
  instance: string,
  context: TravisErrorContext,
): Error {
  const travisMessage = body.error_message;

  switch (body.error_type) {
    case 'not_found':
      if (body.resource_type === 'repository' || !body.resource_type) {
        return repositoryNotFoundError(
          `${instance} has no ${context.subject}, or the configured token cannot see it (${travisMessage}). Check the annotation and that the token's user has access to the repository.`,
        );
      }
      return new NotFoundError(
        `${instance} has no ${context.subject} (${travisMessage}).`,
      );
    case 'login_required':
    case 'wrong_credentials':
      return tokenRejectedError(
        `${instance} did not accept the backend's credentials (${travisMessage}); check the configured API token.`,
      );
    case 'insufficient_access':
      return repositoryNotAllowedError(
        `The configured token's user has no ${
          body.permission ?? 'such'
        } access to ${
          context.subject
        } on ${instance} (${travisMessage}); grant the user write access to the repository.`,
      );
    case 'repository_inactive':
      return new ConflictError(
        `${instance} has not activated ${context.subject} (${travisMessage}); activate it in Travis CI first.`,
      );
    case 'build_already_running':
    case 'job_already_running':
      return new ConflictError(
        `${capitalize(
          context.subject,
        )} is still running, so it cannot be restarted; wait until it finishes or cancel it first.`,
      );
    case 'build_not_cancelable':
    case 'job_not_cancelable':
      return new ConflictError(
        `${capitalize(
          context.subject,
        )} is not running, so it cannot be canceled.`,
      );
    case 'wrong_params':
      return new InputError(
        `${instance} rejected the request for ${context.subject}: ${travisMessage}.`,
      );
    default:
      break;
  }

  if (status === 409) {
    return new ConflictError(
      `${instance} rejected the change to ${context.subject}: ${travisMessage}.`,
    );
  }
  if (status === 403) {
    return new NotAllowedError(
      `${instance} rejected the request for ${context.subject}: ${travisMessage}.`,
    );
  }
  if (status === 404) {
    return new NotFoundError(
      `${instance} has no ${context.subject} (${travisMessage}).`,
    );
  }
  if (status >= 500) {
    return new TravisBadGatewayError(
      `${instance} failed with HTTP ${status} (${body.error_type}: ${travisMessage}) for ${context.subject}; try again later.`,
      'travis-unavailable',
    );
  }
  return new TravisBadGatewayError(
    `${instance} returned HTTP ${status} (${body.error_type}: ${travisMessage}) for ${context.subject}.`,
    'travis-unavailable',
  );
}

/** Creates the error for a request that got no response at all. */
export function mapTravisNetworkError(
  cause: { code?: string },
  context: TravisErrorContext,
  timeoutMs: number,
): Error {
  const instance = `Travis CI instance "${context.instanceName}"`;
  if (cause.code === 'ECONNABORTED' || cause.code === 'ETIMEDOUT') {
    return travisUnavailableError(
      `${instance} timed out after ${timeoutMs} ms for ${context.subject}; try again later.`,
    );
  }
  return travisUnavailableError(
    `${instance} could not be reached for ${context.subject} (${
      cause.code ?? 'network error'
    }); try again later.`,
  );
}

function parseErrorBody(
  response: TravisErrorResponse,
): TravisApiErrorBody | undefined {
  if (!response.contentType?.includes('json')) {
    return undefined;
  }
  try {
    const parsed = JSON.parse(response.body);
    if (
      parsed &&
      typeof parsed === 'object' &&
      typeof parsed.error_type === 'string'
    ) {
      return {
        ...parsed,
        error_message: String(parsed.error_message ?? parsed.error_type),
      };
    }
  } catch {
    // Not JSON after all; the caller maps it by status.
  }
  return undefined;
}

// Retry-After is either a number of seconds or an HTTP date.
function parseRetryAfter(value: string | undefined): number {
  if (!value) {
    return DEFAULT_RETRY_AFTER_SECONDS;
  }
  if (/^\d+$/.test(value.trim())) {
    return Math.max(1, Number(value.trim()));
  }
  const date = Date.parse(value);
  if (Number.isNaN(date)) {
    return DEFAULT_RETRY_AFTER_SECONDS;
  }
  return Math.max(1, Math.ceil((date - Date.now()) / 1000));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
