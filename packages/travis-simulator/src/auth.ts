import { SimulatorState, slugOf } from './model/state';
import { ApiToken, Repository, User } from './model/types';

/** What the `Authorization` header carries, read the way Travis reads it. */
export type Credentials =
  | { kind: 'none' }
  | { kind: 'token'; token: string }
  | { kind: 'wrong_scheme' };

/**
 * Reads `Authorization: token X` (scheme word case-sensitive, surrounding
 * double quotes stripped) and `basic base64(X:)`. Any other scheme, such as
 * `Bearer`, is a wrong scheme, which Travis answers with `wrong_credentials`.
 */
export function parseAuthorization(header: string | undefined): Credentials {
  if (!header || header.trim() === '') {
    return { kind: 'none' };
  }

  const tokenMatch = header.match(/^token\s+(.+)$/);
  if (tokenMatch) {
    return { kind: 'token', token: tokenMatch[1].trim().replace(/^"(.*)"$/, '$1') };
  }

  const basicMatch = header.match(/^basic\s+(\S+)$/i);
  if (basicMatch) {
    const decoded = Buffer.from(basicMatch[1], 'base64').toString('utf8');
    const token = decoded.split(':')[0];
    if (token) {
      return { kind: 'token', token };
    }
  }
  return { kind: 'wrong_scheme' };
}

/** Who is calling: a user with a valid token, or nobody. */
export interface Access {
  user: User | null;
  token: ApiToken | null;
  /** Job whose log a `log.token` query parameter unlocks. */
  logTokenJobId: number | null;
}

export const ANONYMOUS: Access = { user: null, token: null, logTokenJobId: null };

/** Finds a valid, unrevoked token; undefined means Travis would respond `access denied`. */
export function lookUpToken(state: SimulatorState, token: string): Access | undefined {
  const record = state.tokens.get(token);
  if (!record || record.revoked) {
    return undefined;
  }
  return { user: state.users.get(record.userId)!, token: record, logTokenJobId: null };
}

/**
 * Whether the caller may see a repository. Public repositories are visible
 * to everyone while the installation runs in public mode (as hosted Travis
 * does) and to every signed-in user otherwise; private ones only to users
 * with access.
 */
export function canRead(access: Access, repository: Repository, publicMode: boolean): boolean {
  if (!repository.private) {
    return publicMode || access.user !== null;
  }
  return canWrite(access, repository);
}

/** Whether the caller may trigger, restart and cancel builds of a repository. */
export function canWrite(access: Access, repository: Repository): boolean {
  const repositories = access.token?.repositories;
  if (!repositories) {
    return false;
  }
  return repositories === '*' || repositories.has(slugOf(repository).toLowerCase());
}
