import { SIMULATOR_REPOSITORIES, SIMULATOR_TOKENS } from '../model/fixtures';
import { useSimulatorApi } from '../testing/apiClient';

const api = useSimulatorApi();

describe('GET /repo/{id|slug}', () => {
  it('renders the standard repository', async () => {
    const { status, body } = await api.json('/repo/acme%2Fpayments-api');

    expect(status).toBe(200);
    expect(body).toEqual(
      expect.objectContaining({
        '@type': 'repository',
        '@href': `/repo/${body.id}`,
        '@representation': 'standard',
        name: 'payments-api',
        slug: 'acme/payments-api',
        vcs_type: 'GithubRepository',
        active: true,
        private: false,
        owner_name: 'acme',
        server_type: 'git',
        default_branch: {
          '@type': 'branch',
          '@href': `/repo/${body.id}/branch/main`,
          '@representation': 'minimal',
          name: 'main',
        },
      }),
    );
    expect(body.owner).toEqual({
      '@type': 'organization',
      id: body.owner.id,
      login: 'acme',
      ro_mode: false,
      '@href': `/org/${body.owner.id}`,
    });
    expect(body['@permissions']).toEqual(
      expect.objectContaining({ read: true, create_request: true, build_restart: true }),
    );
  });

  it('finds a repository by id, slug and provider', async () => {
    const { body } = await api.json('/repo/acme%2Fpayments-api');

    for (const path of [`/repo/${body.id}`, '/repo/ACME%2fPayments-API', '/repo/github/acme%2Fpayments-api']) {
      const found = await api.json(path);
      expect(found.status).toBe(200);
      expect(found.body.id).toBe(body.id);
    }
  });

  it('finds nothing under another provider or a double-encoded slug', async () => {
    expect((await api.json('/repo/bitbucket/acme%2Fpayments-api')).status).toBe(404);
    expect((await api.json('/repo/acme%252Fpayments-api')).status).toBe(404);
  });

  it('serves every seeded repository to the admin token', async () => {
    for (const slug of Object.values(SIMULATOR_REPOSITORIES)) {
      const { status, body } = await api.json(`/repo/${encodeURIComponent(slug)}`);
      expect(status).toBe(200);
      expect(body.slug).toBe(slug);
    }
  });

  it('gives team tokens write access to their own repositories only', async () => {
    const own = await api.json('/repo/acme%2Fpayments-api', { token: SIMULATOR_TOKENS.teamA });
    const other = await api.json('/repo/acme%2Fpayments-api', { token: SIMULATOR_TOKENS.teamB });

    expect(own.body['@permissions'].create_request).toBe(true);
    expect(other.status).toBe(200);
    expect(other.body['@permissions'].create_request).toBe(false);
  });

  it('counts non pull request builds in build_count', async () => {
    const repository = await api.json('/repo/acme%2Fpayments-api');
    const pulls = await api.json('/repo/acme%2Fpayments-api/builds?build.event_type=pull_request');
    const all = await api.json('/repo/acme%2Fpayments-api/builds');

    expect(repository.body.build_count).toBe(
      all.body['@pagination'].count - pulls.body['@pagination'].count,
    );
  });
});
