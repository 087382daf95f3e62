import { Stage } from '../model/types';
import { formatTime, RenderContext, Rendered } from './context';
import { minimalJob } from './job';

/** Renders a stage, without `@href` because Travis has no route to a single stage. */
export function renderStage(
  context: RenderContext,
  stage: Stage,
  representation: 'minimal' | 'standard',
): Rendered {
  const rendered: Rendered = {
    '@type': 'stage',
    '@representation': representation,
    id: stage.id,
    number: stage.number,
    name: stage.name,
    state: stage.state,
    started_at: formatTime(stage.startedAt),
    finished_at: formatTime(stage.finishedAt),
  };

  if (representation === 'standard') {
    rendered.jobs = stage.jobIds.map(id => minimalJob(context, context.state.jobs.get(id)!));
  }
  return rendered;
}
