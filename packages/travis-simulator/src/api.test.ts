import { SIMULATOR_TOKENS } from './model/fixtures';
import { useSimulatorApi } from './testing/apiClient';

const api = useSimulatorApi();

describe('API version selection', () => {
  it('answers a request without the version header like v2', async () => {
    const { status, body } = await api.json('/repo/acme%2Fpayments-api', { withoutVersion: true });

    expect(status).toBe(404);
    expect(body).toEqual({ file: 'not found' });
  });

  it('selects v3 with the /v3 prefix and renders hrefs with it', async () => {
    const { status, body } = await api.json('/v3/repo/acme%2Fpayments-api', { withoutVersion: true });

    expect(status).toBe(200);
    expect(body['@href']).toBe(`/v3/repo/${body.id}`);
  });

  it('selects v3 with the vendor media type in Accept', async () => {
    const { status } = await api.json('/repo/acme%2Fpayments-api', {
      withoutVersion: true,
      headers: { Accept: 'application/vnd.travis-ci.3+json' },
    });

    expect(status).toBe(200);
  });

  it('does not select v3 with a version 3.0 header', async () => {
    const { status, body } = await api.json('/repo/acme%2Fpayments-api', {
      withoutVersion: true,
      headers: { 'Travis-API-Version': '3.0' },
    });

    expect(status).toBe(404);
    expect(body).toEqual({ file: 'not found' });
  });
});

describe('authentication', () => {
  it('answers an unknown token with an HTML access denied', async () => {
    const response = await api.call('/repo/acme%2Fpayments-api', { token: 'no-such-token' });

    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('text/html;charset=utf-8');
    expect(await response.text()).toBe('access denied');
  });

  it('rejects an unknown token even without the version header', async () => {
    const response = await api.call('/repo/acme%2Fpayments-api', {
      token: 'no-such-token',
      withoutVersion: true,
    });

    expect(response.status).toBe(403);
    expect(await response.text()).toBe('access denied');
  });

  it('answers another scheme with JSON wrong_credentials', async () => {
    const { status, body } = await api.json('/repo/acme%2Fpayments-api', {
      token: null,
      headers: { Authorization: `Bearer ${SIMULATOR_TOKENS.admin}` },
    });

    expect(status).toBe(403);
    expect(body).toEqual({
      '@type': 'error',
      error_type: 'wrong_credentials',
      error_message: 'access denied',
    });
  });

  it('accepts a quoted token and basic authentication', async () => {
    const quoted = await api.call('/repo/acme%2Fweb-frontend', {
      token: null,
      headers: { Authorization: `token "${SIMULATOR_TOKENS.teamA}"` },
    });
    const basic = await api.call('/repo/acme%2Fweb-frontend', {
      token: null,
      headers: {
        Authorization: `basic ${Buffer.from(`${SIMULATOR_TOKENS.teamA}:`).toString('base64')}`,
      },
    });

    expect(quoted.status).toBe(200);
    expect(basic.status).toBe(200);
  });

  it('lets anonymous callers read public repositories only', async () => {
    const publicRepository = await api.json('/repo/acme%2Fpayments-api', { token: null });
    const privateRepository = await api.json('/repo/acme%2Fweb-frontend', { token: null });

    expect(publicRepository.status).toBe(200);
    expect(publicRepository.body['@permissions'].read).toBe(true);
    expect(publicRepository.body['@permissions'].create_request).toBe(false);
    expect(privateRepository.status).toBe(404);
    expect(privateRepository.body.error_message).toBe(
      'repository not found (or insufficient access)',
    );
  });

  it('answers 403 text once a token is revoked', async () => {
    expect((await api.call('/user', { token: SIMULATOR_TOKENS.teamB })).status).toBe(200);

    api.simulator.revokeToken(SIMULATOR_TOKENS.teamB);
    const response = await api.call('/user', { token: SIMULATOR_TOKENS.teamB });

    expect(response.status).toBe(403);
    expect(await response.text()).toBe('access denied');
  });

  it('grants access to a token added at run time', async () => {
    api.simulator.addToken('new-token', ['acme/inventory-service']);

    const readable = await api.json('/repo/acme%2Finventory-service', { token: 'new-token' });
    const hidden = await api.json('/repo/acme%2Fweb-frontend', { token: 'new-token' });

    expect(readable.status).toBe(200);
    expect(readable.body['@permissions'].create_request).toBe(true);
    expect(hidden.status).toBe(404);
  });

  it('sends the OAuth scopes and endpoint headers for a valid token', async () => {
    const response = await api.call('/user');

    expect(response.headers.get('x-oauth-scopes')).toBe('public,private');
    expect(response.headers.get('x-endpoint')).toBe('Travis::API::V3::Services::User::Current');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('routing', () => {
  it('answers an unencoded slug with resource not found', async () => {
    const { status, body } = await api.json('/repo/acme/payments-api/builds');

    expect(status).toBe(404);
    expect(body).toEqual({
      '@type': 'error',
      error_type: 'not_found',
      error_message: 'resource not found (or insufficient access)',
    });
  });

  it('answers a known path with the wrong method with 405', async () => {
    const { status, body } = await api.json('/build/1/restart');

    expect(status).toBe(405);
    expect(body.error_type).toBe('method_not_allowed');
  });

  it('answers a CORS preflight', async () => {
    const response = await api.call('/repo/1', { method: 'OPTIONS', token: null });

    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-headers')).toContain('Travis-API-Version');
    expect(response.headers.get('access-control-max-age')).toBe('86400');
  });
});

describe('GET /user', () => {
  it('returns the token owner', async () => {
    const { body } = await api.json('/user', { token: SIMULATOR_TOKENS.teamA });

    expect(body['@type']).toBe('user');
    expect(body.login).toBe('team-a-ci');
    expect(body.email).toBe('team-a-ci@acme.example');
  });

  it('requires a login', async () => {
    const { status, body } = await api.json('/user', { token: null });

    expect(status).toBe(403);
    expect(body).toEqual({ '@type': 'error', error_type: 'login_required', error_message: 'login required' });
  });
});
