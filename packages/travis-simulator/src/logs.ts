import { Job, JobConfig, JobResult } from './model/types';
import { SeededRandom } from './random';

const ESC = '\x1b';
const CLEAR = `\r${ESC}[0K`;
const YELLOW = `${ESC}[33;1m`;
const GREEN = `${ESC}[32;1m`;
const RED = `${ESC}[31;1m`;
const RESET = `${ESC}[0m`;

/** One piece of log output, written `atMs` after the job started; each is one log part. */
export interface LogChunk {
  atMs: number;
  content: string;
}

export interface LogContext {
  slug: string;
  branch: string;
  sha: string;
  config: JobConfig;
  result: JobResult;
  durationMs: number;
  startedAt: number;
  seed: number;
}

export interface LogPart {
  number: number;
  content: string;
  final: boolean;
}

/** The part of a job's log written by some instant. */
export interface VisibleLog {
  content: string;
  parts: LogPart[];
  complete: boolean;
}

interface Step {
  /** Relative share of the job's duration spent before this step's output. */
  weight: number;
  content: string;
}

/** Emits `travis_time` markers with nanosecond timestamps, as the worker does. */
class TimeMarkers {
  private current: { id: string; startNs: bigint } | null = null;
  private elapsedMs = 2000;

  constructor(
    private readonly random: SeededRandom,
    private readonly context: LogContext,
  ) {}

  start(command: string): string {
    const id = this.random.hex(8);
    const startNs = BigInt(this.context.startedAt + this.elapsedMs) * 1_000_000n;
    this.current = { id, startNs };
    return `travis_time:start:${id}${CLEAR}$ ${command}\n`;
  }

  end(event: string): string {
    const current = this.current ?? { id: this.random.hex(8), startNs: 0n };
    const durationMs = this.random.int(800, this.context.durationMs / 4 + 1000);
    this.elapsedMs += durationMs;
    const durationNs = BigInt(durationMs) * 1_000_000n + BigInt(this.random.int(0, 999_999));
    const finishNs = current.startNs + durationNs;
    this.current = null;
    return `\ntravis_time:end:${current.id}:start=${current.startNs},finish=${finishNs},duration=${durationNs},event=${event}${CLEAR}`;
  }

  /** A folded and timed section around one command. */
  wrap(fold: string, command: string, output: string): string {
    return `travis_fold:start:${fold}${CLEAR}${this.start(command)}${output}${this.end(fold)}travis_fold:end:${fold}${CLEAR}`;
  }
}

/**
 * Writes a job log the way a Travis worker does: worker and system
 * information, folded and timed sections for checkout, runtime set-up and
 * install, the test output, and the closing lines with the exit code. A
 * failing job ends with a test failure and
 * `The command "npm test" exited with 1.`; an errored job fails in install.
 */
export function generateLogScript(context: LogContext): LogChunk[] {
  const random = new SeededRandom(context.seed);
  const commands = commandsFor(context.config);
  const steps: Step[] = [];
  const timer = new TimeMarkers(random, context);

  steps.push({ weight: 0, content: workerInfo(random) });
  steps.push({ weight: 2, content: systemInfo(context.config) });
  steps.push({ weight: 3, content: gitCheckout(context, timer) });
  steps.push({ weight: 6, content: runtimeSetup(context.config, timer) });

  if (context.result === 'errored') {
    steps.push({ weight: 25, content: timer.wrap('install', commands.install, installError(context.config)) });
    steps.push({
      weight: 1,
      content:
        `\n${RED}The command "${commands.install}" failed and exited with 1 during .${RESET}\n\n` +
        'Your build has been stopped.\n',
    });
    return placeSteps(steps, context.durationMs);
  }

  steps.push({ weight: 25, content: timer.wrap('install', commands.install, installOutput(context.config, random)) });

  const tests = testOutput(context, random);
  tests.lines.forEach((line, index) => {
    const header = index === 0 ? timer.start(commands.script) : '';
    steps.push({ weight: 60 / tests.lines.length, content: header + line });
  });

  const exitCode = context.result === 'passed' ? 0 : 1;
  const colour = exitCode === 0 ? GREEN : RED;
  steps.push({
    weight: 2,
    content: `${timer.end('script')}${colour}The command "${commands.script}" exited with ${exitCode}.${RESET}\n`,
  });
  steps.push({ weight: 1, content: `\n\nDone. Your build exited with ${exitCode}.\n` });
  return placeSteps(steps, context.durationMs);
}

/**
 * Returns what of the log exists at `now`, or null before the first output.
 * A running job shows its parts so far; a finished job shows one final part
 * with the whole log, as Travis does once it aggregates the parts.
 */
export function visibleLog(job: Job, chunks: LogChunk[], now: number): VisibleLog | null {
  const timeline = job.timeline;
  if (!timeline || job.startedAt === null) {
    return null;
  }

  const endedAt = job.finishedAt ?? now;
  const elapsed = Math.min(now, endedAt) - job.startedAt;
  const written = chunks.filter(chunk => chunk.atMs <= elapsed).map(chunk => chunk.content);
  if (job.state === 'canceled' && written.length > 0) {
    written.push(`\n\n${RED}Done: Job Cancelled${RESET}\n\n`);
  }
  if (written.length === 0) {
    return null;
  }

  const content = written.join('');
  const complete = job.finishedAt !== null && job.finishedAt <= now;
  if (complete) {
    return { content, parts: [{ number: 0, content, final: true }], complete };
  }
  return {
    content,
    parts: written.map((part, number) => ({ number, content: part, final: false })),
    complete,
  };
}

function placeSteps(steps: Step[], durationMs: number): LogChunk[] {
  const total = steps.reduce((sum, step) => sum + step.weight, 0);
  const firstOutputMs = Math.min(1500, durationMs / 10);
  let elapsedWeight = 0;

  return steps.map((step, index) => {
    elapsedWeight += step.weight;
    const atMs =
      index === steps.length - 1
        ? durationMs
        : Math.round(firstOutputMs + (elapsedWeight / total) * (durationMs - firstOutputMs));
    return { atMs, content: step.content };
  });
}


interface Commands {
  install: string;
  script: string;
}

function commandsFor(config: JobConfig): Commands {
  const script = typeof config.script === 'string' ? config.script : undefined;
  switch (config.language) {
    case 'go':
      return { install: 'go mod download', script: script ?? 'go test -race ./...' };
    case 'ruby':
      return { install: 'bundle install --jobs=3 --retry=3', script: script ?? 'bundle exec rake' };
    default:
      return { install: 'npm ci', script: script ?? 'npm test' };
  }
}

function workerInfo(random: SeededRandom): string {
  const instance = `travis-job-${random.hex(8)}-${random.hex(4)}-${random.hex(4)}`;
  return (
    `travis_fold:start:worker_info${CLEAR}${YELLOW}Worker information${RESET}\n` +
    `hostname: ${random.hex(8)}-${random.hex(4)}:${instance}\n` +
    'version: v6.2.24 https://github.com/travis-ci/worker/tree/a6eb3a3bf1bd4ac1c3bf4e5e0fd1c4b9c2b0a4d1\n' +
    `instance: ${instance} travis-ci-ubuntu-2004-1712345678-${random.hex(7)} (via amqp)\n` +
    `startup: ${random.int(4, 9)}.${random.int(100, 999)}s\n` +
    `travis_fold:end:worker_info${CLEAR}`
  );
}

function systemInfo(config: JobConfig): string {
  return (
    `travis_fold:start:system_info${CLEAR}${YELLOW}Build system information${RESET}\n` +
    `Build language: ${config.language}\n` +
    `Build dist: ${config.dist ?? 'xcode'}\n` +
    'Build id: simulated\n' +
    `Build image provisioning date and time\n` +
    `Operating System Details\n` +
    `Distributor ID:\t${config.os === 'osx' ? 'macOS' : 'Ubuntu'}\n` +
    `travis_fold:end:system_info${CLEAR}\n`
  );
}

function gitCheckout(context: LogContext, timer: TimeMarkers): string {
  const output = [
    `Cloning into '${context.slug}'...`,
    'remote: Enumerating objects: 1843, done.',
    'Receiving objects: 100% (1843/1843), 1.21 MiB | 9.87 MiB/s, done.',
    '',
  ].join('\n');
  const clone = timer.wrap(
    'git.checkout',
    `git clone --depth=50 --branch=${context.branch} https://github.com/${context.slug}.git ${context.slug}`,
    output,
  );
  return `${clone}$ cd ${context.slug}\n$ git checkout -qf ${context.sha}\n`;
}

function runtimeSetup(config: JobConfig, timer: TimeMarkers): string {
  switch (config.language) {
    case 'go':
      return `${timer.start(`gimme ${config.go}`)}go version go${String(config.go).replace('.x', '.4')} linux/amd64\n${timer.end('setup')}$ go version\n`;
    case 'ruby':
      return `${timer.start(`rvm use ${config.rvm} --install --binary --fuzzy`)}Using /home/travis/.rvm/gems/ruby-${config.rvm}\n${timer.end('setup')}$ ruby --version\n`;
    default:
      return (
        `${timer.start(`nvm install ${config.node_js}`)}Downloading and installing node v${config.node_js}.12.2...\n` +
        `Now using node v${config.node_js}.12.2 (npm v10.5.0)\n${timer.end('setup')}` +
        `$ node --version\nv${config.node_js}.12.2\n$ npm --version\n10.5.0\n`
      );
  }
}

function installOutput(config: JobConfig, random: SeededRandom): string {
  switch (config.language) {
    case 'go':
      return 'go: downloading github.com/stretchr/testify v1.9.0\ngo: downloading github.com/jackc/pgx/v5 v5.6.0\n';
    case 'ruby':
      return `Fetching gem metadata from https://rubygems.org/.........\nBundle complete! 42 Gemfile dependencies, ${random.int(90, 140)} gems now installed.\n`;
    default:
      return `\nadded ${random.int(600, 1400)} packages, and audited ${random.int(600, 1400)} packages in ${random.int(9, 40)}s\n\nfound 0 vulnerabilities\n`;
  }
}

function installError(config: JobConfig): string {
  if (config.language === 'node_js') {
    return 'npm ERR! code ETIMEDOUT\nnpm ERR! network request to https://registry.example/lodash failed, reason: connect ETIMEDOUT\n';
  }
  return 'error: failed to download dependencies: connection reset by peer\n';
}

function testOutput(context: LogContext, random: SeededRandom): { lines: string[] } {
  if (typeof context.config.script === 'string') {
    return { lines: deployOutput(context) };
  }
  switch (context.config.language) {
    case 'go':
      return { lines: goTestOutput(context, random) };
    case 'ruby':
      return { lines: rspecOutput(context, random) };
    default:
      return { lines: jestOutput(context, random) };
  }
}

const SUITES = ['health', 'charges', 'refunds', 'orders', 'webhooks', 'config', 'currency', 'retry', 'pagination', 'auth', 'logging', 'metrics'];

function jestOutput(context: LogContext, random: SeededRandom): string[] {
  const name = context.slug.split('/')[1];
  const lines = [`\n> ${name}@1.0.0 test\n> jest --ci\n\n`];
  const failing = context.result === 'failed' ? random.int(0, SUITES.length - 1) : -1;
  let tests = 0;

  SUITES.forEach((suite, index) => {
    const count = random.int(4, 18);
    tests += count;
    const seconds = `${random.int(0, 6)}.${random.int(100, 999)} s`;
    if (index !== failing) {
      lines.push(`${GREEN.replace(';1', '')}PASS${RESET} src/${suite}/${suite}.test.ts (${seconds})\n`);
      return;
    }
    lines.push(
      `${RED.replace(';1', '')}FAIL${RESET} src/${suite}/${suite}.test.ts (${seconds})\n` +
        `  ● ${capitalize(suite)}Service › returns 201 for a valid request\n\n` +
        '    expect(received).toEqual(expected) // deep equality\n\n' +
        `    Expected: ${GREEN.replace(';1', '')}201${RESET}\n` +
        `    Received: ${RED.replace(';1', '')}409${RESET}\n\n` +
        `      at Object.<anonymous> (src/${suite}/${suite}.test.ts:43:29)\n\n`,
    );
  });

  const failed = failing >= 0 ? 1 : 0;
  lines.push(
    `\nTest Suites: ${failed ? `${failed} failed, ` : ''}${SUITES.length - failed} passed, ${SUITES.length} total\n` +
      `Tests:       ${failed ? `${failed} failed, ` : ''}${tests - failed} passed, ${tests} total\n` +
      `Snapshots:   0 total\nTime:        ${random.int(20, 90)}.${random.int(100, 999)} s\nRan all test suites.\n`,
  );
  return lines;
}

function goTestOutput(context: LogContext, random: SeededRandom): string[] {
  const packages = ['internal/api', 'internal/reservations', 'internal/stock', 'internal/store', 'cmd/inventory'];
  const failing = context.result === 'failed' ? random.int(0, packages.length - 1) : -1;
  return packages.map((pkg, index) => {
    const seconds = `${random.int(0, 3)}.${random.int(100, 999)}s`;
    if (index !== failing) {
      return `ok  \tgithub.com/${context.slug}/${pkg}\t${seconds}\n`;
    }
    return (
      '--- FAIL: TestReserveStock (0.01s)\n' +
      '    reservations_test.go:57: expected 3 items reserved, got 2\n' +
      `FAIL\nFAIL\tgithub.com/${context.slug}/${pkg}\t${seconds}\n`
    );
  });
}

function rspecOutput(context: LogContext, random: SeededRandom): string[] {
  const examples = random.int(300, 600);
  const lines = [`\nRandomized with seed ${random.int(1000, 65000)}\n`];
  for (let index = 0; index < 8; index++) {
    lines.push(`${'.'.repeat(random.int(30, 70))}\n`);
  }
  if (context.result === 'failed') {
    lines.push(
      'F\n\nFailures:\n\n' +
        '  1) InvoiceCalculator applies the discount before tax\n' +
        '     Failure/Error: expect(invoice.total).to eq(Money.new(10_800))\n\n' +
        '       expected: #<Money fractional:10800 currency:USD>\n' +
        '            got: #<Money fractional:10900 currency:USD>\n\n' +
        `${RED.replace(';1', '')}rspec ./spec/invoice_calculator_spec.rb:31${RESET} # InvoiceCalculator applies the discount before tax\n`,
    );
  }
  const failures = context.result === 'failed' ? 1 : 0;
  lines.push(`\nFinished in ${random.int(40, 200)} seconds\n${examples} examples, ${failures} failure${failures === 1 ? '' : 's'}\n`);
  return lines;
}

function deployOutput(context: LogContext): string[] {
  const name = context.slug.split('/')[1];
  return [
    `\n> ${name}@1.0.0 deploy\n> ./scripts/deploy.sh\n\n`,
    'Building image...\n',
    `Pushing image registry.acme.example/${name}:${context.sha.slice(0, 7)}\n`,
    'Rolling out deployment... done\n',
  ];
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
