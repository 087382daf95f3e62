import { useSimulatorApi } from '../testing/apiClient';

const api = useSimulatorApi();
const REPO = '/repo/acme%2Fpayments-api';

describe('GET /repo/{slug}/branches', () => {
  it('renders standard branches with Travis field names', async () => {
    const { status, body, response } = await api.json(`${REPO}/branches`);

    expect(status).toBe(200);
    expect(response.headers.get('x-endpoint')).toBe('Travis::API::V3::Services::Branches::Find');
    expect(body['@type']).toBe('branches');

    const main = body.branches.find((branch: any) => branch.name === 'main');
    expect(Object.keys(main)).toEqual([
      '@type', '@href', '@representation', 'name', 'repository', 'default_branch',
      'exists_on_github', 'last_build',
    ]);
    expect(main['@type']).toBe('branch');
    expect(main['@representation']).toBe('standard');
    expect(main['@href']).toBe(`/repo/${main.repository.id}/branch/main`);
    expect(main['@permissions']).toBeUndefined();
    expect(main.default_branch).toBe(true);
    expect(main.exists_on_github).toBe(true);
    expect(main.repository.slug).toBe('acme/payments-api');
    expect(main.last_build).toEqual(expect.objectContaining({
      '@type': 'build',
      '@representation': 'minimal',
      state: 'passed',
    }));
  });

  it('sorts default, then on GitHub, then newest build', async () => {
    const { body } = await api.json(`${REPO}/branches`);
    const branches: any[] = body.branches;

    expect(branches[0].name).toBe('main');
    expect(branches.slice(1).every(branch => branch.default_branch === false)).toBe(true);

    const deletedOnGithub = branches.filter(branch => !branch.exists_on_github);
    expect(deletedOnGithub.map(branch => branch.name)).toEqual(['feature/merged-cleanup']);
    expect(branches[branches.length - 1]).toBe(deletedOnGithub[0]);

    const onGithub = branches.slice(1, -1);
    const buildIds = onGithub.map(branch => branch.last_build?.id ?? 0);
    expect(buildIds).toEqual([...buildIds].sort((a, b) => b - a));
  });

  it('filters by part of branch.name', async () => {
    const { status, body } = await api.json(`${REPO}/branches?branch.name=FEATURE`);
    const names = body.branches.map((branch: any) => branch.name);

    expect(status).toBe(200);
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(names.every((name: string) => name.startsWith('feature/'))).toBe(true);
    expect(names).not.toContain('main');
    expect(names).not.toContain('develop');
  });

  it('answers an unmatched filter with an empty list', async () => {
    const { status, body } = await api.json(`${REPO}/branches?branch.name=missing`);

    expect(status).toBe(200);
    expect(body.branches).toEqual([]);
    expect(body['@pagination'].count).toBe(0);
  });

  it('paginates with limit and offset', async () => {
    const all = (await api.json(`${REPO}/branches`)).body.branches;
    const { body } = await api.json(`${REPO}/branches?limit=2&offset=2`);

    expect(body.branches.map((branch: any) => branch.name)).toEqual(
      all.slice(2, 4).map((branch: any) => branch.name),
    );
    const page = (offset: number) => ({ '@href': `${REPO}/branches?limit=2&offset=${offset}`, offset, limit: 2 });
    expect(all).toHaveLength(6);
    expect(body['@pagination']).toEqual({
      limit: 2,
      offset: 2,
      count: 6,
      is_first: false,
      is_last: false,
      next: page(4),
      prev: page(0),
      first: page(0),
      last: page(4),
    });
  });
});

describe('GET /repo/{slug}/branch/{name}', () => {
  it('finds a feature branch whose slash is percent-encoded', async () => {
    const { status, body, response } = await api.json(`${REPO}/branch/feature%2Fidempotency-keys`);

    expect(status).toBe(200);
    expect(response.headers.get('x-endpoint')).toBe('Travis::API::V3::Services::Branch::Find');
    expect(body['@type']).toBe('branch');
    expect(body.name).toBe('feature/idempotency-keys');
    expect(body['@href']).toBe(`/repo/${body.repository.id}/branch/feature%2Fidempotency-keys`);
    expect(body.default_branch).toBe(false);
    expect(body.exists_on_github).toBe(true);
  });

  it('answers an unknown branch with 404 not_found', async () => {
    const { status, body } = await api.json(`${REPO}/branch/feature%2Fdoes-not-exist`);

    expect(status).toBe(404);
    expect(body).toEqual({
      '@type': 'error',
      error_type: 'not_found',
      error_message: 'branch not found (or insufficient access)',
      resource_type: 'branch',
    });
  });
});
