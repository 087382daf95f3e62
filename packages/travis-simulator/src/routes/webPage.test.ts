import { useSimulatorApi } from '../testing/apiClient';

const api = useSimulatorApi();

async function newestBuild() {
  const { body } = await api.json('/repo/acme%2Fweb-frontend/builds?limit=1');
  return body.builds[0];
}

describe('web UI pages', () => {
  it('serves a page for a build link', async () => {
    const build = await newestBuild();

    const response = await api.call(`/acme/web-frontend/builds/${build.id}`, {
      token: null,
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain(`Build #${build.number} of acme/web-frontend`);
    expect(html).toContain(`State: ${build.state}.`);
  });

  it('serves a page for a job link', async () => {
    const build = await newestBuild();
    const { body } = await api.json(`/build/${build.id}/jobs`);
    const job = body.jobs[1];

    const response = await api.call(`/acme/web-frontend/jobs/${job.id}`, {
      token: null,
    });

    expect(response.status).toBe(200);
    expect(await response.text()).toContain(
      `Job #${job.number} of acme/web-frontend`,
    );
  });

  it('answers 404 for a build of another repository', async () => {
    const build = await newestBuild();

    const response = await api.call(`/acme/payments-api/builds/${build.id}`, {
      token: null,
    });

    expect(response.status).toBe(404);
    expect(await response.text()).toContain(
      `No build ${build.id} in acme/payments-api.`,
    );
  });
});
