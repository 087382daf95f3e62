import { BuildRequest, Repository } from '../model/types';
import { formatTime, href, RenderContext, Rendered } from './context';
import { minimalBuild } from './build';
import { renderCommit } from './commit';
import { minimalOrganization } from './owner';
import { minimalRepository } from './repository';

export function requestPath(request: BuildRequest): string {
  return `/repo/${request.repositoryId}/request/${request.id}`;
}

export function minimalRequest(context: RenderContext, request: BuildRequest): Rendered {
  return {
    '@type': 'request',
    '@href': href(context, requestPath(request)),
    '@representation': 'minimal',
    id: request.id,
    state: request.state,
    result: request.result,
    message: request.message,
    pull_request_mergeable: request.pullRequestMergeable,
  };
}

export function standardRequest(context: RenderContext, request: BuildRequest): Rendered {
  const { state } = context;
  const repository = state.repositories.get(request.repositoryId)!;
  const commit = request.commitId === null ? undefined : state.commits.get(request.commitId);

  return {
    ...minimalRequest(context, request),
    '@representation': 'standard',
    repository: minimalRepository(context, repository),
    branch_name: request.branchName,
    commit: commit ? renderCommit(context, commit, 'request.commit') : null,
    builds: request.buildIds.map(id => minimalBuild(context, state.builds.get(id)!)),
    owner: minimalOrganization(context, state.organizationOf(repository)),
    created_at: formatTime(request.createdAt),
    event_type: request.eventType,
    base_commit: null,
    head_commit: commit?.sha ?? null,
    messages: [],
    config: request.config,
    raw_configs: [
      {
        '@type': 'request_raw_configuration',
        '@representation': 'minimal',
        config: travisYaml(repository),
        source: '.travis.yml',
        merge_mode: null,
      },
    ],
  };
}

/** Writes the repository's .travis.yml from its job matrix, as a request's raw config. */
export function travisYaml(repository: Repository): string {
  const lines: string[] = [];
  const [first] = repository.matrix;
  lines.push(`language: ${first.config.language}`);
  if (first.config.dist) {
    lines.push(`dist: ${first.config.dist}`);
  }
  if (repository.stageNames.length > 0) {
    lines.push('stages:', ...repository.stageNames.map(name => `  - ${name}`));
  }

  lines.push('jobs:', '  include:');
  for (const template of repository.matrix) {
    const { language, ...rest } = template.config;
    const entries = Object.entries(rest);
    if (template.stage) {
      entries.unshift(['stage', template.stage]);
    }
    entries.forEach(([key, value], index) => {
      lines.push(`${index === 0 ? '    - ' : '      '}${key}: ${JSON.stringify(value)}`);
    });
  }

  const allowed = repository.matrix.filter(template => template.allowFailure);
  if (allowed.length > 0) {
    lines.push('  allow_failures:');
    for (const template of allowed) {
      lines.push(`    - env: ${JSON.stringify(template.config.env ?? '')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
