import { parseCommandLine } from './commandLine';

describe('parseCommandLine', () => {
  it('uses the documented defaults', () => {
    const parsed = parseCommandLine([]);

    expect(parsed.port).toBe(8090);
    expect(parsed.host).toBe('127.0.0.1');
    expect(parsed.help).toBe(false);
    expect(parsed.simulator).toEqual(expect.objectContaining({
      seed: 1,
      prefix: '',
      speed: 1,
      publicMode: true,
      faults: {},
      revokedTokens: [],
    }));
    expect(parsed.simulator.startTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
  });

  it('parses every simulator option', () => {
    const parsed = parseCommandLine([
      '--port', '0',
      '--seed', '42',
      '--prefix', '/api',
      '--speed', '60',
      '--start-time', '2025-03-03T09:00:00Z',
      '--latency', '100-500',
      '--error-rate', '0.1',
      '--private-mode',
      '--revoke-token', 'sim-team-a-token',
      '--revoke-token', 'sim-team-b-token',
    ]);

    expect(parsed.port).toBe(0);
    expect(parsed.simulator).toEqual({
      seed: 42,
      prefix: '/api',
      speed: 60,
      startTime: '2025-03-03T09:00:00Z',
      publicMode: false,
      faults: { latencyMs: 100, latencyJitterMs: 400, errorRate: 0.1 },
      revokedTokens: ['sim-team-a-token', 'sim-team-b-token'],
    });
  });

  it('reads a single latency as a fixed delay', () => {
    const parsed = parseCommandLine(['--latency', '200']);

    expect(parsed.simulator.faults).toEqual({ latencyMs: 200, latencyJitterMs: 0 });
  });

  it('accepts speed 0 to freeze time', () => {
    expect(parseCommandLine(['--speed', '0']).simulator.speed).toBe(0);
  });

  it.each([
    ['--latency', '500-100'],
    ['--latency', 'fast'],
    ['--latency', '-5'],
    ['--speed', 'fast'],
    ['--speed', ''],
    ['--speed', '-1'],
    ['--start-time', 'yesterday'],
    ['--prefix', 'api'],
    ['--seed', '1.5'],
    ['--seed', 'abc'],
    ['--port', 'http'],
    ['--error-rate', 'often'],
    ['--error-rate', '2'],
    ['--throttle-rate', '-0.5'],
    ['--reset-rate', '1.5'],
  ])('rejects %s %j and names the flag', (flag, value) => {
    expect(() => parseCommandLine([`${flag}=${value}`])).toThrow(`Invalid ${flag} "${value}"`);
  });

  it('rejects an unknown flag', () => {
    expect(() => parseCommandLine(['--privat-mode'])).toThrow(/--privat-mode/);
  });
});
