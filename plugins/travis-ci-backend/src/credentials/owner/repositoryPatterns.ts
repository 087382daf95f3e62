// Same character sets as GitHub logins and repository names, which Travis CI
// uses for its slugs.
const OWNER_PART = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$/;
const NAME_PART = /^[A-Za-z0-9._*-]{1,100}$/;

/**
 * A checked list of repository patterns from an owner's secret.
 *
 * Each pattern is `owner/name`, compared without regard to case as Travis CI
 * does. The name part may contain `*`, which matches any run of characters
 * within the name: `acme/*` allows every repository of `acme`, and
 * `acme/payments-*` every repository whose name starts with `payments-`.
 * The owner part is always literal, so no pattern reaches another
 * organization's repositories.
 */
export class RepositoryPatterns {
  readonly #patterns: RegExp[];

  private constructor(patterns: RegExp[]) {
    this.#patterns = patterns;
  }

  /**
   * Checks and compiles the patterns.
   *
   * @throws TypeError naming the first invalid pattern and why it is invalid.
   */
  static parse(patterns: readonly string[]): RepositoryPatterns {
    return new RepositoryPatterns(patterns.map(compilePattern));
  }

  /** Whether the repository slug, e.g. `acme/payments-api`, matches a pattern. */
  allows(repositorySlug: string): boolean {
    return this.#patterns.some(pattern => pattern.test(repositorySlug));
  }
}

function compilePattern(pattern: string): RegExp {
  const parts = pattern.split('/');
  if (parts.length !== 2) {
    throw new TypeError(
      `invalid repository pattern "${pattern}": expected owner/name, e.g. acme/* or acme/payments-api`,
    );
  }

  const [owner, name] = parts;
  if (!OWNER_PART.test(owner)) {
    throw new TypeError(
      `invalid repository pattern "${pattern}": the owner "${owner}" must be a literal GitHub login without "*"`,
    );
  }
  if (!NAME_PART.test(name)) {
    throw new TypeError(
      `invalid repository pattern "${pattern}": the name "${name}" may only contain letters, digits, ".", "_", "-" and "*"`,
    );
  }

  const namePattern = name
    .split('*')
    .map(literal => literal.replace(/[.]/g, '\\.'))
    .join('[A-Za-z0-9._-]*');
  return new RegExp(`^${owner}/${namePattern}$`, 'i');
}
