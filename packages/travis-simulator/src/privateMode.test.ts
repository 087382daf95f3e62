import { SIMULATOR_TOKENS } from './model/fixtures';
import { useSimulatorApi } from './testing/apiClient';

const api = useSimulatorApi({ publicMode: false });
const PUBLIC_REPO = '/repo/acme%2Fpayments-api';

describe('private mode', () => {
  it('hides a public repository from anonymous callers', async () => {
    const { status, body } = await api.json(PUBLIC_REPO, { token: null });

    expect(status).toBe(404);
    expect(body.error_type).toBe('not_found');
    expect(body.error_message).toBe('repository not found (or insufficient access)');
  });

  it('hides the builds of a public repository from anonymous callers', async () => {
    const { status } = await api.json(`${PUBLIC_REPO}/builds`, { token: null });

    expect(status).toBe(404);
  });

  it('shows a public repository to a token of another team', async () => {
    const { status, body } = await api.json(PUBLIC_REPO, { token: SIMULATOR_TOKENS.teamB });

    expect(status).toBe(200);
    expect(body.slug).toBe('acme/payments-api');
    expect(body['@permissions'].read).toBe(true);
  });
});
