import { RepositoryPatterns } from './repositoryPatterns';

/**
 * An owner's secret as read from a secret store, before validation.
 */
export interface StoredOwnerSecret {
  /** The parsed secret value; see {@link parseOwnerSecret} for its schema. */
  value: unknown;
  /** The store's version of the secret: the KV v2 version or the Secrets Manager VersionId. */
  version: string;
}

/**
 * An owner's Travis CI token with the repositories it may be used for.
 */
export interface OwnerSecret {
  token: string;
  repositories: RepositoryPatterns;
  /** The Travis CI instance the token belongs to; undefined for every instance. */
  instance?: string;
  version: string;
}

/**
 * Validates the value of an owner's secret. The schema, as JSON:
 *
 * ```json
 * { "token": "<Travis CI API token>",
 *   "repositories": ["acme/*", "acme/payments-api"],
 *   "instance": "default" }
 * ```
 *
 * `token` and `repositories` (at least one pattern) are required; `instance`
 * is optional and names the configured Travis CI instance the token is for.
 * Other keys are ignored.
 *
 * @throws TypeError saying which field is wrong. The message never contains
 *   the token.
 */
export function parseOwnerSecret(stored: StoredOwnerSecret): OwnerSecret {
  const value = stored.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(
      'the secret value must be a JSON object with "token" and "repositories"',
    );
  }

  const { token, repositories, instance } = value as Record<string, unknown>;
  if (typeof token !== 'string' || token.trim() === '') {
    throw new TypeError('the secret has no "token" string');
  }
  if (
    !Array.isArray(repositories) ||
    repositories.length === 0 ||
    !repositories.every(pattern => typeof pattern === 'string')
  ) {
    throw new TypeError(
      'the secret needs "repositories", a non-empty list of patterns such as "acme/*"',
    );
  }
  if (
    instance !== undefined &&
    (typeof instance !== 'string' || instance === '')
  ) {
    throw new TypeError('the secret\'s "instance" must be an instance name');
  }

  return {
    token: token.trim(),
    repositories: RepositoryPatterns.parse(repositories),
    instance,
    version: stored.version,
  };
}
