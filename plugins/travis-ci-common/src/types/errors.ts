/**
 * Machine-readable causes that the backend puts in the `code` field of its
 * error responses, beside Backstage's usual `name` and `message`, so that the
 * UI can show a specific message for each.
 *
 * @public
 */
export type TravisCiErrorCode =
  /** The entity has no `travis-ci.com/repo-slug` annotation. */
  | 'annotation-missing'
  /** The annotation is not a valid `owner/name` slug. */
  | 'annotation-invalid'
  /** No Travis CI instance is configured, or the annotation names an unknown one. */
  | 'instance-not-configured'
  /** Travis CI rejected the configured token as invalid or expired. */
  | 'token-rejected'
  /** The repository does not exist or the token cannot see it. */
  | 'repository-not-found'
  /** Travis CI rate limited the backend; `retryAfterSeconds` says when to retry. */
  | 'rate-limited'
  /** Travis CI could not be reached or failed. */
  | 'travis-unavailable'
  /** The owner's credentials do not allow this repository. */
  | 'repository-not-allowed'
  /** The credential store could not be reached and no cached token was left. */
  | 'credentials-unavailable';

/**
 * All error codes, for validation and exhaustive tests.
 *
 * @public
 */
export const TRAVIS_CI_ERROR_CODES: readonly TravisCiErrorCode[] = [
  'annotation-missing',
  'annotation-invalid',
  'instance-not-configured',
  'token-rejected',
  'repository-not-found',
  'rate-limited',
  'travis-unavailable',
  'repository-not-allowed',
  'credentials-unavailable',
];
