import { User } from '../model/types';
import { formatTime, href, RenderContext, Rendered } from './context';
import { avatarUrl } from './owner';

/** The standard user, as `GET /user` returns the caller. */
export function standardUser(context: RenderContext, user: User): Rendered {
  const self = context.access.user?.id === user.id;
  return {
    '@type': 'user',
    '@href': href(context, `/user/${user.id}`),
    '@representation': 'standard',
    '@permissions': { read: true, sync: self },
    id: user.id,
    login: user.login,
    name: user.name,
    github_id: user.githubId,
    vcs_id: String(user.githubId),
    vcs_type: 'GithubUser',
    avatar_url: avatarUrl(user.login),
    education: false,
    allow_migration: false,
    allowance: { '@type': 'allowance', '@representation': 'minimal', id: user.id },
    ro_mode: false,
    trial_allowed: false,
    ...(self ? { email: user.email } : {}),
    is_syncing: false,
    synced_at: formatTime(context.now - 3600 * 1000),
    recently_signed_up: false,
    secure_user_hash: null,
    confirmed_at: formatTime(user.createdAt),
    internal: false,
    last_activity_at: formatTime(context.now),
  };
}
