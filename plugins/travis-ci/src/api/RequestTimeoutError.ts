/**
 * A request to the Travis CI backend that got no response within the
 * client's time limit. The UI treats it like a network error.
 *
 * @public
 */
export class RequestTimeoutError extends Error {
  readonly name = 'RequestTimeoutError';
}
