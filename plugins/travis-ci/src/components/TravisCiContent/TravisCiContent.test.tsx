import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  installFakeBackend,
  errorResponse,
} from '../../__testUtils__/fakeBackend';
import {
  TEST_ENTITY_URL,
  entityWithoutAnnotation,
  makeBuild,
} from '../../__testUtils__/fixtures';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { TravisCiContent } from './TravisCiContent';

jest.setTimeout(20_000);

const server = setupServer();
registerMswTestHooks(server);

function failBuildList(
  status: number,
  error: {
    name: string;
    message: string;
    code?: string;
    retryAfterSeconds?: number;
  },
) {
  installFakeBackend(server);
  server.use(
    http.get(`${TEST_ENTITY_URL}/builds`, () => errorResponse(status, error)),
  );
}

describe('TravisCiContent', () => {
  it('shows the missing annotation state without calling the backend', async () => {
    const backend = installFakeBackend(server);

    renderWithEntity(<TravisCiContent />, { entity: entityWithoutAnnotation });

    expect(await screen.findByText('Missing Annotation')).toBeInTheDocument();
    expect(
      screen.getAllByText(/travis-ci.com\/repo-slug/).length,
    ).toBeGreaterThan(0);
    expect(backend.buildListQueries).toHaveLength(0);
  });

  it('shows a spinner while loading, then the builds', async () => {
    const backend = installFakeBackend(server);
    backend.builds = [makeBuild()];

    renderWithEntity(<TravisCiContent />);

    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(await screen.findByText('passed')).toBeInTheDocument();
    expect(screen.queryByTestId('progress')).not.toBeInTheDocument();
  });

  it.each([
    ['annotation-missing', 404, 'NotFoundError', 'Missing Annotation'],
    ['annotation-invalid', 400, 'InputError', 'Invalid Travis CI annotation'],
    [
      'instance-not-configured',
      503,
      'ServiceUnavailableError',
      'Travis CI is not configured',
    ],
    [
      'token-rejected',
      502,
      'TravisTokenRejectedError',
      'Travis CI rejected the token',
    ],
    [
      'repository-not-found',
      404,
      'NotFoundError',
      'Repository not found on Travis CI',
    ],
    [
      'repository-not-allowed',
      403,
      'NotAllowedError',
      'Repository not allowed',
    ],
    [
      'travis-unavailable',
      502,
      'ServiceUnavailableError',
      'Travis CI is unavailable',
    ],
    [
      'credentials-unavailable',
      503,
      'ServiceUnavailableError',
      'Travis CI credentials unavailable',
    ],
  ])('explains the %s error', async (code, status, name, title) => {
    failBuildList(status, { name, message: `backend says ${code}`, code });

    renderWithEntity(<TravisCiContent />);

    expect(await screen.findByText(title)).toBeInTheDocument();
  });

  it('names the malformed annotation value from the backend', async () => {
    failBuildList(400, {
      name: 'InputError',
      message:
        'Invalid travis-ci.com/repo-slug annotation "acme": expected exactly one "/"',
      code: 'annotation-invalid',
    });

    renderWithEntity(<TravisCiContent />);

    expect(
      await screen.findByText(
        /Invalid travis-ci.com\/repo-slug annotation "acme"/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/owner\/name, such as acme\/payments-api/),
    ).toBeInTheDocument();
  });

  it('names the repository that Travis CI does not know', async () => {
    failBuildList(404, {
      name: 'NotFoundError',
      message: 'Travis CI answered 404',
      code: 'repository-not-found',
    });

    renderWithEntity(<TravisCiContent />);

    expect(
      await screen.findByText(
        /Travis CI has no repository "acme\/payments-api"/,
      ),
    ).toBeInTheDocument();
  });

  it('says when to retry after a rate limit', async () => {
    failBuildList(429, {
      name: 'TooManyRequestsError',
      message: 'Rate limited',
      code: 'rate-limited',
      retryAfterSeconds: 42,
    });

    renderWithEntity(<TravisCiContent />);

    expect(
      await screen.findByText('Travis CI rate limit reached'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Try again in 42 seconds, after /),
    ).toBeInTheDocument();
  });

  it('explains a network error and retries on request', async () => {
    const backend = installFakeBackend(server);
    server.use(
      http.get(`${TEST_ENTITY_URL}/builds`, () => HttpResponse.error()),
    );

    renderWithEntity(<TravisCiContent />);

    expect(
      await screen.findByText('Could not reach Backstage'),
    ).toBeInTheDocument();

    server.resetHandlers();
    const healthy = installFakeBackend(server);
    healthy.builds = [makeBuild({ state: 'errored' })];
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));

    expect(await screen.findByText('errored')).toBeInTheDocument();
    expect(backend.buildListQueries).toHaveLength(0);
  });

  it('shows the permission message of a denied read', async () => {
    failBuildList(403, {
      name: 'NotAllowedError',
      message:
        'The permission policy denies travis-ci.build.read on component:default/payments-api.',
    });

    renderWithEntity(<TravisCiContent />);

    expect(await screen.findByText('Not allowed')).toBeInTheDocument();
    expect(
      screen.getByText(
        /denies travis-ci.build.read on component:default\/payments-api/,
      ),
    ).toBeInTheDocument();
  });
});
