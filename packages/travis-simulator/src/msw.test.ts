import { setupServer } from 'msw/node';
import { createTravisSimulator } from './simulator';
import { callTravis } from './testing/apiClient';

const ENTERPRISE_URL = 'https://travis.example.com/api';
const simulator = createTravisSimulator({ speed: 0, faults: { resetRate: 1 } });
const server = setupServer(...simulator.handlers(ENTERPRISE_URL));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('msw handlers', () => {
  it('turn a connection reset into a network error', async () => {
    await expect(callTravis(ENTERPRISE_URL, '/user')).rejects.toThrow(TypeError);
  });

  it('take the mount prefix from the base URL', async () => {
    simulator.faults.set({ resetRate: 0 });
    const response = await callTravis(ENTERPRISE_URL, '/repo/acme%2Flegacy-billing');

    expect(response.status).toBe(200);
    expect((await response.json())['@href']).toMatch(/^\/api\/repo\/\d+$/);
  });

  it('serve the control endpoints at the origin root', async () => {
    const response = await fetch('https://travis.example.com/__simulator/faults');

    expect(await response.json()).toEqual(expect.objectContaining({ resetRate: 0 }));
  });
});
