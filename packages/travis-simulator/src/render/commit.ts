import { Commit } from '../model/types';
import { formatTime, includes, RenderContext, Rendered } from './context';
import { avatarUrl } from './owner';

/** Renders an embedded commit, which has no `@href`. Its include field adds author and committer. */
export function renderCommit(context: RenderContext, commit: Commit, includeField: string): Rendered {
  const standard = includes(context, includeField);
  const rendered: Rendered = {
    '@type': 'commit',
    '@representation': standard ? 'standard' : 'minimal',
    id: commit.id,
    sha: commit.sha,
    ref: commit.ref,
    message: commit.message,
    compare_url: commit.compareUrl,
    committed_at: formatTime(commit.committedAt),
  };

  if (standard) {
    const person = { name: commit.authorName, avatar_url: avatarUrl(commit.authorEmail) };
    rendered.committer = person;
    rendered.author = person;
  }
  return rendered;
}
