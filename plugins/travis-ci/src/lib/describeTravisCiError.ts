import { DateTime } from 'luxon';
import { TravisCiErrorInfo } from './travisCiError';

/** A title and an explanation of a failed request, for the user. */
export interface TravisCiErrorDescription {
  title: string;
  /** What happened and what to do next. */
  description: string;
  /** Whether the backend's own message adds detail worth showing. */
  showBackendMessage: boolean;
}

/**
 * Explains a classified error in the words of the person looking at the
 * entity page: what is wrong, and who can fix it how.
 *
 * @param repositorySlug - the entity's annotation value, for messages that
 *   name the repository
 * @param now - the current time, for the retry time of rate-limited requests
 */
export function describeTravisCiError(
  info: TravisCiErrorInfo,
  repositorySlug: string | undefined,
  now: DateTime = DateTime.now(),
): TravisCiErrorDescription {
  const repository = repositorySlug ? `"${repositorySlug}"` : 'this repository';

  switch (info.kind) {
    case 'annotation-missing':
      return {
        title: 'Travis CI annotation missing',
        description:
          "Add the travis-ci.com/repo-slug annotation, such as acme/payments-api, to this entity's catalog-info.yaml to show its Travis CI builds.",
        showBackendMessage: false,
      };
    case 'annotation-invalid':
      return {
        title: 'Invalid Travis CI annotation',
        description:
          "Set the travis-ci.com/repo-slug annotation in this entity's catalog-info.yaml to owner/name, such as acme/payments-api.",
        showBackendMessage: true,
      };
    case 'instance-not-configured':
      return {
        title: 'Travis CI is not configured',
        description:
          'The Backstage backend has no Travis CI instance for this entity. An administrator must add the travisci section to the app configuration, or the travis-ci.com/instance annotation must name a configured instance.',
        showBackendMessage: true,
      };
    case 'token-rejected':
      return {
        title: 'Travis CI rejected the token',
        description:
          "Travis CI rejected the token that Backstage uses for this entity's owner as invalid or expired. An administrator must replace it in the Backstage configuration.",
        showBackendMessage: false,
      };
    case 'repository-not-found':
      return {
        title: 'Repository not found on Travis CI',
        description: `Travis CI has no repository ${repository}, or the configured token cannot see it. Check the travis-ci.com/repo-slug annotation and that the repository is activated on Travis CI.`,
        showBackendMessage: false,
      };
    case 'repository-not-allowed':
      return {
        title: 'Repository not allowed',
        description: `The Travis CI credentials of this entity's owner do not cover ${repository}.`,
        showBackendMessage: true,
      };
    case 'rate-limited':
      return {
        title: 'Travis CI rate limit reached',
        description: describeRetryTime(info.retryAfterSeconds, now),
        showBackendMessage: false,
      };
    case 'travis-unavailable':
      return {
        title: 'Travis CI is unavailable',
        description:
          'Backstage could not reach Travis CI, or Travis CI failed to answer. Try again in a few minutes.',
        showBackendMessage: true,
      };
    case 'credentials-unavailable':
      return {
        title: 'Travis CI credentials unavailable',
        description:
          "The Backstage backend could not load the Travis CI credentials of this entity's owner. Try again in a few minutes; if this persists, an administrator should check the credential store.",
        showBackendMessage: false,
      };
    case 'not-allowed':
      return {
        title: 'Not allowed',
        description:
          "You are not allowed to see this entity's Travis CI builds.",
        showBackendMessage: true,
      };
    case 'not-found':
      return {
        title: 'Not found',
        description:
          'The Travis CI backend could not find this entity or build, or you are not allowed to see it.',
        showBackendMessage: true,
      };
    case 'network':
      return {
        title: 'Could not reach Backstage',
        description:
          'The request to the Travis CI backend failed or timed out before a response arrived. Check your network connection, then retry.',
        showBackendMessage: false,
      };
    default:
      return {
        title: 'Travis CI request failed',
        description: info.statusCode
          ? `The Travis CI backend answered with HTTP ${info.statusCode}.`
          : 'An unexpected error occurred.',
        showBackendMessage: true,
      };
  }
}

function describeRetryTime(
  retryAfterSeconds: number | undefined,
  now: DateTime,
): string {
  if (retryAfterSeconds === undefined) {
    return 'Travis CI is limiting requests from Backstage. Try again in a minute.';
  }

  const retryAt = now
    .plus({ seconds: retryAfterSeconds })
    .toLocaleString(DateTime.TIME_WITH_SECONDS);
  return `Travis CI is limiting requests from Backstage. Try again in ${retryAfterSeconds} seconds, after ${retryAt}.`;
}
