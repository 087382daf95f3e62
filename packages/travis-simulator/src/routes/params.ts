import { wrongParams } from '../errors';
import { PageRequest } from '../render/pagination';
import { Rendered } from '../render/context';

/** Fields each resource type accepts in `include=`; types not listed here are ignored, as Travis ignores them. */
const INCLUDABLE: Record<string, string[]> = {
  build: [
    'id', 'number', 'state', 'duration', 'event_type', 'previous_state', 'pull_request_title',
    'pull_request_number', 'started_at', 'finished_at', 'private', 'priority', 'repository',
    'branch', 'tag', 'commit', 'jobs', 'stages', 'created_by', 'updated_at', 'request',
    'log_complete',
  ],
  job: [
    'id', 'allow_failure', 'number', 'state', 'started_at', 'finished_at', 'build', 'queue',
    'repository', 'commit', 'owner', 'stage', 'created_at', 'updated_at', 'private',
    'restarted_at', 'restarted_by', 'vm_size', 'config', 'log_complete',
  ],
  repository: [
    'id', 'name', 'slug', 'description', 'github_id', 'vcs_id', 'vcs_type', 'github_language',
    'active', 'private', 'owner', 'owner_name', 'vcs_name', 'default_branch', 'starred',
    'managed_by_installation', 'active_on_org', 'migration_status', 'history_migration_status',
    'shared', 'config_validation', 'server_type', 'scan_failed_at', 'build_count',
    'current_build', 'last_started_build', 'email_subscribed',
  ],
  branch: ['name', 'repository', 'default_branch', 'exists_on_github', 'last_build', 'recent_builds'],
  commit: ['id', 'sha', 'ref', 'message', 'compare_url', 'committed_at', 'committer', 'author'],
  request: [
    'id', 'state', 'result', 'message', 'pull_request_mergeable', 'repository', 'branch_name',
    'commit', 'builds', 'owner', 'created_at', 'event_type', 'base_commit', 'head_commit',
    'messages', 'config', 'raw_configs', 'yaml_config',
  ],
  stage: ['id', 'number', 'name', 'state', 'started_at', 'finished_at', 'jobs'],
};

/** Includes Travis still accepts but reports with a `deprecated_parameter` warning. */
const DEPRECATED_INCLUDES: Record<string, string> = {
  'repository.current_build': 'repository.last_started_build',
  'request.yaml_config': 'request.raw_configs',
};

/** The query string of one request, with the warnings its parameters earn. */
export class QueryParams {
  readonly warnings: Rendered[] = [];
  private readonly values = new Map<string, string>();

  constructor(query: string) {
    for (const [key, value] of new URLSearchParams(query)) {
      this.values.set(key, value);
    }
  }

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  /** Adds an `ignored_parameter` warning for every parameter outside `safelist`. */
  warnUnknown(safelist: readonly string[]) {
    for (const key of this.values.keys()) {
      if (!safelist.includes(key)) {
        this.warnings.push({
          '@type': 'warning',
          message: `query parameter ${key} not safelisted, ignored`,
          warning_type: 'ignored_parameter',
          parameter: key,
        });
      }
    }
  }

  /** Reads `include=`; throws `wrong_params` on a malformed entry or an unknown field. */
  include(): Set<string> {
    const raw = this.get('include');
    const result = new Set<string>();
    if (!raw) {
      return result;
    }

    for (const entry of raw.split(',').map(part => part.trim()).filter(Boolean)) {
      const match = entry.match(/^(\w+)\.(\w+)$/);
      if (!match) {
        throw wrongParams('illegal format for include parameter');
      }
      const fields = INCLUDABLE[match[1]];
      if (fields && !fields.includes(match[2])) {
        throw wrongParams(`no field "${entry}" to include`);
      }
      if (DEPRECATED_INCLUDES[entry]) {
        this.warnings.push({
          '@type': 'warning',
          message: `${entry} is deprecated, use ${DEPRECATED_INCLUDES[entry]} instead`,
          warning_type: 'deprecated_parameter',
          parameter: entry,
        });
      }
      result.add(entry);
    }
    return result;
  }

  /**
   * Reads `limit`, `offset` and `skip_count` as Travis' paginator does: a
   * negative limit means the default, 0 or more than `maxLimit` means the
   * maximum, a negative offset means 0, and a non-integer is a 400.
   */
  page(defaultLimit = 25, maxLimit = 100): PageRequest {
    let limit = this.integer('limit') ?? defaultLimit;
    if (limit < 0) {
      limit = defaultLimit;
    }
    if (limit > maxLimit || limit < 1) {
      limit = maxLimit;
    }

    let offset = this.integer('offset') ?? 0;
    if (offset < 0) {
      offset = 0;
    }
    return { limit, offset, skipCount: this.get('skip_count') === 'true' };
  }

  /**
   * Reads `sort_by` (`field[:asc|:desc]`, comma-separated). Unknown entries
   * earn an `ignored_value` warning; with no valid entry the default applies.
   */
  sort(allowed: readonly string[], defaultSort: string): SortKey[] {
    const raw = this.get('sort_by');
    const keys: SortKey[] = [];

    for (const entry of (raw ?? '').split(',').map(part => part.trim()).filter(Boolean)) {
      const [field, direction = 'asc', ...rest] = entry.split(':');
      if (!allowed.includes(field) || !['asc', 'desc'].includes(direction) || rest.length > 0) {
        this.warnings.push({
          '@type': 'warning',
          message: `query value ${entry} for sort_by not a valid sort mode, ignored`,
          warning_type: 'ignored_value',
          value: entry,
          parameter: 'sort_by',
        });
        continue;
      }
      keys.push({ field, descending: direction === 'desc' });
    }

    if (keys.length > 0) {
      return keys;
    }
    return defaultSort.split(',').map(entry => {
      const [field, direction] = entry.split(':');
      return { field, descending: direction === 'desc' };
    });
  }

  /** Reads a comma-separated list, e.g. `build.state=passed,failed`. */
  list(...names: string[]): string[] | undefined {
    for (const name of names) {
      const value = this.get(name);
      if (value !== undefined) {
        return value.split(',').map(part => part.trim()).filter(Boolean);
      }
    }
    return undefined;
  }

  private integer(name: string): number | undefined {
    const value = this.get(name);
    if (value === undefined) {
      return undefined;
    }
    if (!/^\s*[+-]?\d+\s*$/.test(value)) {
      throw wrongParams(`${name} must be an integer`);
    }
    return Number.parseInt(value, 10);
  }
}

export interface SortKey {
  field: string;
  descending: boolean;
}

/**
 * Sorts by several keys. A null value sorts after every other value going
 * up and before them going down, as PostgreSQL orders NULLs by default.
 */
export function sortBy<T>(
  items: T[],
  keys: SortKey[],
  valueOf: (item: T, field: string) => number | string | null,
): T[] {
  return [...items].sort((a, b) => {
    for (const { field, descending } of keys) {
      const left = valueOf(a, field);
      const right = valueOf(b, field);
      const order = compareNullsLast(left, right);
      if (order !== 0) {
        return descending ? -order : order;
      }
    }
    return 0;
  });
}

function compareNullsLast(left: number | string | null, right: number | string | null): number {
  if (left === right) {
    return 0;
  }
  if (left === null) {
    return 1;
  }
  if (right === null) {
    return -1;
  }
  return left < right ? -1 : 1;
}
