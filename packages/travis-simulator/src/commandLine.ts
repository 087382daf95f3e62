import { parseArgs } from 'node:util';
import { FaultSettings } from './faults';

export const HELP = `Usage: travis-simulator [options]

Serves a simulated Travis CI API v3 over HTTP.

Options:
  --port <port>          TCP port to listen on (default 8090; 0 picks a free port)
  --host <host>          interface to bind (default 127.0.0.1)
  --seed <integer>       seed of the generated history and faults (default 1)
  --prefix <path>        mount prefix, e.g. /api for Enterprise (default none)
  --speed <factor>       simulated milliseconds per real millisecond (default 1; 0 freezes time)
  --start-time <time>    simulated start time, ISO 8601 or "now" (default now)
  --latency <ms|min-max> latency added to each API answer, in milliseconds
  --error-rate <0..1>    share of API requests answered with a 500, 502 or 503
  --throttle-rate <0..1> share of API requests answered with 429 "Retry later"
  --reset-rate <0..1>    share of API requests whose connection is reset
  --private-mode         hide public repositories from anonymous callers
  --revoke-token <token> revoke a seeded token from the start (repeatable)
  --help                 show this help
`;

/** Parses the command line; throws TypeError with the offending flag and value. */
export function parseCommandLine(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '8090' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: '1' },
      prefix: { type: 'string', default: '' },
      speed: { type: 'string', default: '1' },
      'start-time': { type: 'string', default: 'now' },
      latency: { type: 'string' },
      'error-rate': { type: 'string' },
      'throttle-rate': { type: 'string' },
      'reset-rate': { type: 'string' },
      'private-mode': { type: 'boolean', default: false },
      'revoke-token': { type: 'string', multiple: true },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });

  const faults: Partial<FaultSettings> = {};
  if (values.latency !== undefined) {
    const match = values.latency.match(/^(\d+)(?:-(\d+))?$/);
    if (!match || (match[2] !== undefined && Number(match[2]) < Number(match[1]))) {
      throw new TypeError(`Invalid --latency "${values.latency}": use milliseconds (200) or a range (100-500)`);
    }
    faults.latencyMs = Number(match[1]);
    faults.latencyJitterMs = match[2] === undefined ? 0 : Number(match[2]) - Number(match[1]);
  }
  for (const [flag, key] of [
    ['error-rate', 'errorRate'],
    ['throttle-rate', 'throttleRate'],
    ['reset-rate', 'resetRate'],
  ] as const) {
    if (values[flag] !== undefined) {
      faults[key] = share(`--${flag}`, values[flag]!);
    }
  }

  const startTime = values['start-time'] === 'now' ? roundedNow() : values['start-time']!;
  if (Number.isNaN(new Date(startTime).getTime())) {
    throw new TypeError(`Invalid --start-time "${startTime}": use an ISO 8601 time or "now"`);
  }
  if (values.prefix !== '' && !values.prefix!.startsWith('/')) {
    throw new TypeError(`Invalid --prefix "${values.prefix}": start it with a slash, e.g. /api`);
  }
  return {
    help: values.help!,
    port: integer('--port', values.port!),
    host: values.host!,
    simulator: {
      seed: integer('--seed', values.seed!),
      prefix: values.prefix!,
      speed: speed(values.speed!),
      startTime,
      publicMode: !values['private-mode'],
      faults,
      revokedTokens: values['revoke-token'] ?? [],
    },
  };
}

function integer(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) {
    throw new TypeError(`Invalid ${flag} "${value}": use a whole number`);
  }
  return Number(value);
}

function number(flag: string, value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) {
    throw new TypeError(`Invalid ${flag} "${value}": use a number`);
  }
  return parsed;
}

function speed(value: string): number {
  const parsed = number('--speed', value);
  if (parsed < 0) {
    throw new TypeError(`Invalid --speed "${value}": use 0 or more simulated ms per real ms`);
  }
  return parsed;
}

function share(flag: string, value: string): number {
  const parsed = number(flag, value);
  if (parsed < 0 || parsed > 1) {
    throw new TypeError(`Invalid ${flag} "${value}": use a number from 0 to 1`);
  }
  return parsed;
}

/** Returns the current time rounded down to the minute, so seeded times look tidy. */
function roundedNow(): string {
  const now = new Date();
  now.setUTCSeconds(0, 0);
  return now.toISOString();
}
