import {
  TravisBranch,
  TravisBuild,
  TravisEntityActions,
  TravisTriggerBuildRequest,
} from '@travis-ci-backstage/plugin-travis-ci-common';
import { http, HttpResponse, RequestHandler } from 'msw';
import { ALL_ALLOWED, TEST_ENTITY_URL } from './fixtures';
import { waitForResponseApplied } from './waitUntil';

/** An error response in the backend's JSON error format. */
export function errorResponse(
  status: number,
  error: {
    name: string;
    message: string;
    code?: string;
    retryAfterSeconds?: number;
  },
) {
  return HttpResponse.json(
    { error, response: { statusCode: status } },
    { status },
  );
}

/**
 * The Travis CI backend routes of the test entity, over an in-memory list of
 * builds that tests change between requests. Filtering and paging work as
 * the backend's do, so that the UI's query parameters have visible effects.
 */
export class FakeBackend {
  builds: TravisBuild[] = [];
  branches: TravisBranch[] = [
    { name: 'main', defaultBranch: true },
    { name: 'feature/refunds', defaultBranch: false },
  ];
  actions: TravisEntityActions = ALL_ALLOWED;
  /** Query strings of every build list request, in order. */
  readonly buildListQueries: URLSearchParams[] = [];
  readonly triggerRequests: TravisTriggerBuildRequest[] = [];
  readonly actionRequests: string[] = [];
  /** Number of `/actions` responses sent. */
  actionsResponses = 0;
  /** Runs on restart and cancel, before the 202 response. */
  onAction?: (buildId: number, action: 'restart' | 'cancel') => void;

  constructor(server: { use(...handlers: RequestHandler[]): void }) {
    server.use(
      http.get(`${TEST_ENTITY_URL}/builds`, ({ request }) => {
        const query = new URL(request.url).searchParams;
        this.buildListQueries.push(query);
        return HttpResponse.json(this.listBuilds(query));
      }),
      http.get(`${TEST_ENTITY_URL}/branches`, () =>
        HttpResponse.json({ branches: this.branches }),
      ),
      http.get(`${TEST_ENTITY_URL}/actions`, () => {
        this.actionsResponses += 1;
        return HttpResponse.json(this.actions);
      }),
      http.post(`${TEST_ENTITY_URL}/builds`, async ({ request }) => {
        const body = (await request.json()) as TravisTriggerBuildRequest;
        this.triggerRequests.push(body);
        return HttpResponse.json(
          {
            requestId: 77,
            branch: body.branch,
            message: body.message ?? '',
            remainingRequests: 9,
          },
          { status: 202 },
        );
      }),
      http.post(`${TEST_ENTITY_URL}/builds/:buildId/:action`, ({ params }) => {
        const buildId = Number(params.buildId);
        const action = params.action as 'restart' | 'cancel';
        this.actionRequests.push(`${action} ${buildId}`);
        this.onAction?.(buildId, action);
        return HttpResponse.json(
          { resourceType: 'build', id: buildId, stateChange: action },
          { status: 202 },
        );
      }),
    );
  }

  /**
   * Waits until `/actions` has responded and the UI has applied the
   * response, so that a test may then assert that an action button is
   * absent. Before that response every button is hidden anyway, so such an
   * assertion would pass for the wrong reason.
   */
  async waitForActionsResponse(): Promise<void> {
    await waitForResponseApplied(
      'the /actions response',
      () => this.actionsResponses > 0,
    );
  }

  private listBuilds(query: URLSearchParams) {
    const limit = Number(query.get('limit') ?? 25);
    const offset = Number(query.get('offset') ?? 0);
    const matching = this.builds.filter(
      build =>
        (!query.get('branch') || build.branch === query.get('branch')) &&
        (!query.get('state') || build.state === query.get('state')) &&
        (!query.get('eventType') || build.eventType === query.get('eventType')),
    );
    return {
      builds: matching.slice(offset, offset + limit),
      totalCount: matching.length,
      limit,
      offset,
    };
  }
}

/** Registers the fake backend's handlers on an msw server and returns it. */
export function installFakeBackend(server: {
  use(...handlers: RequestHandler[]): void;
}): FakeBackend {
  return new FakeBackend(server);
}
