import { SIMULATOR_TOKENS } from './model/fixtures';
import { createTravisSimulator } from './simulator';
import { useSimulatorApi } from './testing/apiClient';

const api = useSimulatorApi({ revokedTokens: [SIMULATOR_TOKENS.teamA] });
const REPO = '/repo/acme%2Fpayments-api';

describe('tokens revoked at start-up', () => {
  it('rejects a revoked token as Travis does', async () => {
    const response = await api.call(REPO, { token: SIMULATOR_TOKENS.teamA });

    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toBe('access denied');
  });

  it('keeps other tokens working', async () => {
    const { status } = await api.json(REPO, { token: SIMULATOR_TOKENS.teamB });

    expect(status).toBe(200);
  });

  it('stays revoked after a reset', async () => {
    api.simulator.reset();

    const response = await api.call(REPO, { token: SIMULATOR_TOKENS.teamA });

    expect(response.status).toBe(403);
  });

  it('rejects an unknown token to revoke', () => {
    expect(() => createTravisSimulator({ revokedTokens: ['no-such-token'] })).toThrow(
      'Unknown token "no-such-token" to revoke',
    );
  });
});
