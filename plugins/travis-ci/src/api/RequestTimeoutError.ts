/**
 * A request to the Travis CI backend that got no response within the
 * client's time limit. The UI treats it like a network error.
 *
 * @public
 */
export class RequestTimeoutError extends Error {
  readonly name = 'RequestTimeoutError';
}

/**
 * Returns true for the DOMException named TimeoutError with which
 * `AbortSignal.timeout` aborts a fetch or a body read. The name is checked
 * instead of the class because DOMException is not an Error subclass in
 * every environment.
 */
export function isAbortTimeout(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'TimeoutError'
  );
}
