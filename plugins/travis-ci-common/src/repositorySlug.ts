import { InputError } from '@backstage/errors';
import { TRAVIS_CI_REPO_SLUG_ANNOTATION } from './annotations';

/**
 * A Travis CI repository slug split into its owner and name.
 *
 * @public
 */
export interface TravisRepositorySlug {
  /** The user or organization, for example `acme`. */
  owner: string;
  /** The repository name, for example `payments-api`. */
  name: string;
}

// GitHub logins: letters, digits and hyphens, at most 39 characters, never
// starting or ending with a hyphen. Older accounts may contain "--".
const OWNER_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$/;

// GitHub repository names: letters, digits, ".", "_" and "-", at most 100
// characters. GitHub rejects the names "." and "..".
const NAME_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Parses a repository slug such as `acme/payments-api`.
 *
 * @throws InputError when the value is not exactly `owner/name` with the
 *   characters that GitHub and Travis CI allow; the message names the value
 *   and what is wrong with it.
 *
 * @public
 */
export function parseTravisRepositorySlug(value: string): TravisRepositorySlug {
  const prefix = `Invalid ${TRAVIS_CI_REPO_SLUG_ANNOTATION} annotation "${value}"`;

  if (value.trim() !== value) {
    throw new InputError(
      `${prefix}: remove the leading or trailing white space.`,
    );
  }

  const parts = value.split('/');
  if (parts.length !== 2) {
    throw new InputError(
      `${prefix}: expected exactly one "/" between owner and repository name, as in "acme/payments-api".`,
    );
  }

  const [owner, name] = parts;
  if (!OWNER_PATTERN.test(owner)) {
    throw new InputError(
      `${prefix}: the owner "${owner}" must be 1 to 39 letters, digits or hyphens, and must not start or end with a hyphen.`,
    );
  }
  if (!NAME_PATTERN.test(name) || name === '.' || name === '..') {
    throw new InputError(
      `${prefix}: the repository name "${name}" must be 1 to 100 letters, digits, ".", "_" or "-", and must not be "." or "..".`,
    );
  }

  return { owner, name };
}

/**
 * Formats a parsed slug back into its `owner/name` form.
 *
 * @public
 */
export function formatTravisRepositorySlug(slug: TravisRepositorySlug): string {
  return `${slug.owner}/${slug.name}`;
}
