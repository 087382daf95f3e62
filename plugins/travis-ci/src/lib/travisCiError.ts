import { ResponseError } from '@backstage/errors';
import {
  RequestTimeoutError,
  isAbortTimeout,
} from '../api/RequestTimeoutError';
import {
  TRAVIS_CI_ERROR_CODES,
  TravisCiErrorCode,
} from '@travis-ci-backstage/plugin-travis-ci-common';

/**
 * What went wrong with a request to the Travis CI backend plugin, reduced to
 * the cases that the UI explains differently.
 */
export type TravisCiErrorKind =
  | TravisCiErrorCode
  | 'not-allowed'
  | 'not-found'
  | 'network'
  | 'unknown';

/** A failed request, classified, with the details the UI shows. */
export interface TravisCiErrorInfo {
  kind: TravisCiErrorKind;
  /** The backend's own message, or the browser's for network errors. */
  message: string;
  /** HTTP status, absent for network errors. */
  statusCode?: number;
  /** Seconds until Travis CI accepts requests again, for `rate-limited`. */
  retryAfterSeconds?: number;
}

/**
 * Classifies an error thrown by the Travis CI client: by the backend's
 * `code` first, then by HTTP status, and as a network error when no HTTP
 * answer arrived at all.
 */
export function classifyTravisCiError(error: unknown): TravisCiErrorInfo {
  if (!ResponseError.is(error)) {
    // fetch rejects with a TypeError when the request never got a
    // response, and the client with a RequestTimeoutError when it came too
    // late. A body still being read at the time limit rejects with a
    // DOMException named TimeoutError.
    const message = error instanceof Error ? error.message : String(error);
    const network =
      error instanceof TypeError ||
      error instanceof RequestTimeoutError ||
      isAbortTimeout(error);
    return { kind: network ? 'network' : 'unknown', message };
  }

  const serialized = error.body.error;
  const message = serialized.message || error.message;
  const statusCode = error.statusCode;
  const code = serialized.code;

  if (isTravisCiErrorCode(code)) {
    const retryAfter = Number(serialized.retryAfterSeconds);
    return {
      kind: code,
      message,
      statusCode,
      retryAfterSeconds:
        Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined,
    };
  }

  if (statusCode === 403) {
    return { kind: 'not-allowed', message, statusCode };
  }
  if (statusCode === 404) {
    return { kind: 'not-found', message, statusCode };
  }
  return { kind: 'unknown', message, statusCode };
}

function isTravisCiErrorCode(value: unknown): value is TravisCiErrorCode {
  return (
    typeof value === 'string' &&
    (TRAVIS_CI_ERROR_CODES as readonly string[]).includes(value)
  );
}

/**
 * Returns the backend's message of a failed action for an alert, without the
 * "Request failed with 409 Conflict" prefix of `ResponseError`.
 */
export function describeActionError(error: unknown): string {
  return classifyTravisCiError(error).message;
}
