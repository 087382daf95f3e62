import { Organization, User } from '../model/types';
import { href, RenderContext, Rendered } from './context';

/** The owner as it appears inside a repository: compact, without `@representation`. */
export function compactOrganization(context: RenderContext, organization: Organization): Rendered {
  return {
    '@type': 'organization',
    id: organization.id,
    login: organization.login,
    ro_mode: false,
    '@href': href(context, `/org/${organization.id}`),
  };
}

/** The minimal owner rendered as a job's `owner` and a request's `owner`. */
export function minimalOrganization(context: RenderContext, organization: Organization): Rendered {
  return {
    '@type': 'organization',
    '@href': href(context, `/org/${organization.id}`),
    '@representation': 'minimal',
    id: organization.id,
    login: organization.login,
    name: organization.name,
    vcs_type: 'GithubOrganization',
    ro_mode: false,
  };
}

/** The minimal user rendered as `created_by` and `restarted_by`. */
export function minimalUser(context: RenderContext, user: User | undefined): Rendered | null {
  if (!user) {
    return null;
  }
  return {
    '@type': 'user',
    '@href': href(context, `/user/${user.id}`),
    '@representation': 'minimal',
    id: user.id,
    login: user.login,
  };
}

/** Gravatar-style avatar URL; the hash is derived from the login, not a real e-mail hash. */
export function avatarUrl(login: string): string {
  const hash = Buffer.from(login).toString('hex').padEnd(32, '0').slice(0, 32);
  return `https://0.gravatar.com/avatar/${hash}`;
}
