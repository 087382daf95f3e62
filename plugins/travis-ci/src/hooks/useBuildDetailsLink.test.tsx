import { renderInTestApp } from '@backstage/frontend-test-utils';
import { TravisBuild } from '@travis-ci-backstage/plugin-travis-ci-common';
import { screen } from '@testing-library/react';
import { rootRouteRef } from '../routes';
import { useBuildDetailsLink } from './useBuildDetailsLink';

const build: TravisBuild = {
  id: 1001,
  number: '41',
  state: 'passed',
  eventType: 'push',
  commit: { sha: 'a1b2c3d4e5f6', shortSha: 'a1b2c3d', message: 'Fix refunds' },
  webUrl: 'https://app.travis-ci.com/github/acme/payments-api/builds/1001',
};

function BuildLink() {
  const buildDetailsLink = useBuildDetailsLink();
  return <a href={buildDetailsLink(build)}>build</a>;
}

describe('useBuildDetailsLink', () => {
  it('links to the details view below the mounted tab', async () => {
    await renderInTestApp(<BuildLink />, {
      mountedRoutes: {
        '/catalog/default/component/payments-api/travis-ci': rootRouteRef,
      },
    });

    expect(screen.getByRole('link', { name: 'build' })).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-api/travis-ci/builds/1001',
    );
  });

  it('links to Travis CI without a mounted tab', async () => {
    await renderInTestApp(<BuildLink />);

    expect(screen.getByRole('link', { name: 'build' })).toHaveAttribute(
      'href',
      build.webUrl,
    );
  });
});
