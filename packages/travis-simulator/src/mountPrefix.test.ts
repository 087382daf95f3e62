import { useSimulatorApi } from './testing/apiClient';

const ENTERPRISE_URL = 'https://travis.example.com/api';
const api = useSimulatorApi({}, ENTERPRISE_URL);
const REPO = '/repo/acme%2Flegacy-billing';

/** Collects every `@href` in a rendered body, however deep. */
function hrefsOf(body: unknown): string[] {
  if (Array.isArray(body)) {
    return body.flatMap(hrefsOf);
  }
  if (body === null || typeof body !== 'object') {
    return [];
  }
  return Object.entries(body).flatMap(([key, value]) =>
    key === '@href' && typeof value === 'string' ? [value] : hrefsOf(value),
  );
}

describe('the /api mount prefix', () => {
  it('prefixes every href of a GET', async () => {
    const { status, body } = await api.json(`${REPO}/builds?limit=1&include=build.commit`);
    const hrefs = hrefsOf(body);

    expect(status).toBe(200);
    expect(hrefs.length).toBeGreaterThan(5);
    expect(hrefs.filter(href => !href.startsWith('/api/'))).toEqual([]);
  });

  it('leaves the prefix out of a restart answer', async () => {
    const { body: builds } = await api.json(`${REPO}/builds?limit=1`);
    const [build] = builds.builds;
    expect(build.state).not.toMatch(/^(created|received|started)$/);

    const { status, body } = await api.json(`/build/${build.id}/restart`, { method: 'POST' });

    expect(status).toBe(202);
    expect(body['@type']).toBe('pending');
    expect(body.build['@href']).toBe(`/build/${build.id}`);
    expect(hrefsOf(body).filter(href => href.startsWith('/api'))).toEqual([]);
  });

  it('leaves the prefix out of a request answer', async () => {
    const { status, body } = await api.json(`${REPO}/requests`, {
      method: 'POST',
      body: { request: { branch: 'main', message: 'Deploy from the API' } },
    });

    expect(status).toBe(202);
    expect(body['@type']).toBe('pending');
    expect(body.repository['@href']).toBe(`/repo/${body.repository.id}`);
    expect(hrefsOf(body).filter(href => href.startsWith('/api'))).toEqual([]);

    const requests = await api.json(`${REPO}/requests`);
    expect(requests.body['@href']).toBe(`/api${REPO}/requests`);
  });
});
