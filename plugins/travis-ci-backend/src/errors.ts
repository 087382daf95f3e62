import {
  CustomErrorBase,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { TravisCiErrorCode } from '@travis-ci-backstage/plugin-travis-ci-common';

/**
 * Adds the machine-readable `code` that the frontend reads from the error
 * response body. Backstage's error handler serializes it along with
 * `name` and `message`.
 */
export function withErrorCode<E extends Error>(
  error: E,
  code: TravisCiErrorCode,
): E & { code: TravisCiErrorCode } {
  return Object.assign(error, { code });
}

// The error handler reads the HTTP status from `statusCode`. It is
// non-enumerable so that it stays out of the serialized response body.
function setStatusCode(error: Error, statusCode: number) {
  Object.defineProperty(error, 'statusCode', {
    value: statusCode,
    enumerable: false,
  });
}

/**
 * Travis CI or its rate limiter asked the backend to slow down (HTTP 429).
 */
export class TravisRateLimitedError extends CustomErrorBase {
  name = 'RateLimitedError' as const;
  readonly code: TravisCiErrorCode = 'rate-limited';
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
    setStatusCode(this, 429);
  }
}

/**
 * Travis CI failed in a way the backend cannot use, such as a server
 * error, an unexpected response or a rejected token (HTTP 502).
 */
export class TravisBadGatewayError extends CustomErrorBase {
  name = 'BadGatewayError' as const;
  readonly code: TravisCiErrorCode;

  constructor(message: string, code: TravisCiErrorCode) {
    super(message);
    this.code = code;
    setStatusCode(this, 502);
  }
}

/** Creates the 503 for an entity whose Travis CI instance is not configured. */
export function instanceNotConfiguredError(message: string) {
  return withErrorCode(
    new ServiceUnavailableError(message),
    'instance-not-configured',
  );
}

/** Creates the 503 for a Travis CI that could not be reached in time. */
export function travisUnavailableError(message: string) {
  return withErrorCode(
    new ServiceUnavailableError(message),
    'travis-unavailable',
  );
}

/** Creates the 404 for an entity without the repository slug annotation. */
export function annotationMissingError(message: string) {
  return withErrorCode(new NotFoundError(message), 'annotation-missing');
}

/** Creates the 400 for a malformed repository slug annotation. */
export function annotationInvalidError(message: string) {
  return withErrorCode(new InputError(message), 'annotation-invalid');
}

/** Creates the 404 for a repository that Travis CI does not show to the token. */
export function repositoryNotFoundError(message: string) {
  return withErrorCode(new NotFoundError(message), 'repository-not-found');
}

/** Creates the 403 for a repository the token's user may not act on. */
export function repositoryNotAllowedError(message: string) {
  return withErrorCode(new NotAllowedError(message), 'repository-not-allowed');
}

/**
 * Creates the 503 for a credentials provider that has no token to give.
 * `retryAfterSeconds`, when known, goes into the response body as it does
 * for `rate-limited`.
 */
export function credentialsUnavailableError(
  message: string,
  retryAfterSeconds?: number,
) {
  const error = withErrorCode(
    new ServiceUnavailableError(message),
    'credentials-unavailable',
  );
  if (retryAfterSeconds !== undefined) {
    Object.assign(error, { retryAfterSeconds });
  }
  return error;
}

/** Creates the 502 for a token that Travis CI rejected. */
export function tokenRejectedError(message: string) {
  return new TravisBadGatewayError(message, 'token-rejected');
}

/** Returns true when an error reports a token that Travis CI rejected. */
export function isTokenRejectedError(error: unknown): boolean {
  return (
    error instanceof TravisBadGatewayError && error.code === 'token-rejected'
  );
}
