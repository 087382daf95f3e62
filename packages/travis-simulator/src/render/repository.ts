import { canRead, canWrite } from '../auth';
import { slugOf } from '../model/state';
import { Repository } from '../model/types';
import { href, RenderContext, Rendered } from './context';
import { minimalBranch } from './branch';
import { compactOrganization } from './owner';

export function minimalRepository(context: RenderContext, repository: Repository): Rendered {
  return {
    '@type': 'repository',
    '@href': href(context, `/repo/${repository.id}`),
    '@representation': 'minimal',
    id: repository.id,
    name: repository.name,
    slug: slugOf(repository),
  };
}

const WRITE_PERMISSIONS = [
  'activate',
  'deactivate',
  'star',
  'unstar',
  'create_request',
  'create_cron',
  'create_env_var',
  'create_key_pair',
  'delete_key_pair',
  'build_cancel',
  'build_create',
  'build_debug',
  'build_restart',
  'cache_delete',
  'cache_view',
  'settings_create',
  'settings_delete',
  'settings_read',
  'settings_update',
  'log_delete',
];

/** The repository `@permissions`: a token with access gets push rights, but not admin. */
export function repositoryPermissions(
  context: RenderContext,
  repository: Repository,
): Record<string, boolean> {
  const write = canWrite(context.access, repository);
  const permissions: Record<string, boolean> = {
    read: canRead(context.access, repository, context.publicMode),
  };
  for (const name of WRITE_PERMISSIONS) {
    permissions[name] = write;
  }
  permissions.build_debug = false;
  permissions.migrate = false;
  permissions.check_scan_results = write;
  permissions.log_view = permissions.read;
  permissions.admin = context.access.token?.repositories === '*';
  return permissions;
}

export function standardRepository(context: RenderContext, repository: Repository): Rendered {
  const organization = context.state.organizationOf(repository);
  const buildCount = context.state
    .buildsOf(repository.id)
    .filter(build => build.eventType !== 'pull_request').length;

  return {
    '@type': 'repository',
    '@href': href(context, `/repo/${repository.id}`),
    '@representation': 'standard',
    '@permissions': repositoryPermissions(context, repository),
    id: repository.id,
    name: repository.name,
    slug: slugOf(repository),
    description: repository.description,
    github_id: repository.githubId,
    vcs_id: String(repository.githubId),
    vcs_type: 'GithubRepository',
    github_language: repository.language,
    active: repository.active,
    private: repository.private,
    owner: compactOrganization(context, organization),
    owner_name: repository.ownerName,
    vcs_name: repository.name,
    default_branch: minimalBranch(context, repository.id, repository.defaultBranch),
    starred: false,
    managed_by_installation: true,
    active_on_org: true,
    migration_status: null,
    history_migration_status: null,
    shared: false,
    config_validation: true,
    server_type: 'git',
    scan_failed_at: null,
    build_count: buildCount,
  };
}
