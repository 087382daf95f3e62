import {
  TravisBuildDetails,
  TravisJob,
} from '@travis-ci-backstage/plugin-travis-ci-common';
import { makeBuild } from '../../__testUtils__/fixtures';
import { groupJobsByStage } from './groupJobsByStage';

function job(id: number, number: string, stageId?: number): TravisJob {
  return {
    id,
    number,
    state: 'passed',
    allowFailure: false,
    stageId,
    webUrl: `https://travis.example/jobs/${id}`,
  };
}

function details(overrides: Partial<TravisBuildDetails>): TravisBuildDetails {
  return { ...makeBuild(), stages: [], jobs: [], ...overrides };
}

describe('groupJobsByStage', () => {
  it('orders stages by number and jobs by job number', () => {
    const groups = groupJobsByStage(
      details({
        stages: [
          { id: 2, number: 2, name: 'deploy', state: 'passed' },
          { id: 1, number: 1, name: 'test', state: 'passed' },
        ],
        jobs: [job(13, '41.10', 1), job(12, '41.2', 1), job(14, '41.11', 2)],
      }),
    );

    expect(groups.map(group => group.stage?.name)).toEqual(['test', 'deploy']);
    expect(groups[0].jobs.map(j => j.number)).toEqual(['41.2', '41.10']);
    expect(groups[1].jobs.map(j => j.number)).toEqual(['41.11']);
  });

  it('puts all jobs of a build without stages in one group', () => {
    const groups = groupJobsByStage(
      details({ jobs: [job(2, '7.2'), job(1, '7.1')] }),
    );

    expect(groups).toHaveLength(1);
    expect(groups[0].stage).toBeUndefined();
    expect(groups[0].jobs.map(j => j.number)).toEqual(['7.1', '7.2']);
  });

  it('adds jobs of unknown stages after the stages', () => {
    const groups = groupJobsByStage(
      details({
        stages: [{ id: 1, number: 1, name: 'test', state: 'passed' }],
        jobs: [job(1, '7.1', 1), job(2, '7.2', 99)],
      }),
    );

    expect(groups.map(group => group.stage?.name)).toEqual(['test', undefined]);
    expect(groups[1].jobs.map(j => j.number)).toEqual(['7.2']);
  });

  it('returns one empty group for a build without jobs', () => {
    expect(groupJobsByStage(details({}))).toEqual([{ jobs: [] }]);
  });
});
