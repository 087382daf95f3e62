// Runs the whole test suite once and exits non-zero on the first failure:
// type check, lint, unit and integration tests, then the browser end-to-end
// tests. Set TEST_SKIP_E2E=1 to leave out the browser tests.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = name => path.join(root, 'node_modules', '.bin', name);

// Integration tests use these servers through Backstage's TestDatabases and
// TestCaches; the defaults match a machine with PostgreSQL and Redis on
// their standard loopback ports.
const env = {
  ...process.env,
  CI: process.env.CI ?? 'true',
  BACKSTAGE_TEST_DISABLE_DOCKER: '1',
  BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
    'postgresql://postgres@127.0.0.1:5432',
  BACKSTAGE_TEST_CACHE_REDIS7_CONNECTION_STRING:
    process.env.BACKSTAGE_TEST_CACHE_REDIS7_CONNECTION_STRING ??
    'redis://127.0.0.1:6379',
};

const steps = [
  ['type check', bin('tsc'), []],
  ['lint', bin('backstage-cli'), ['repo', 'lint']],
  ['unit and integration tests', bin('backstage-cli'), ['repo', 'test', '--ci']],
];
if (!process.env.TEST_SKIP_E2E) {
  steps.push(['browser end-to-end tests', bin('playwright'), ['test']]);
}

for (const [name, command, args] of steps) {
  const started = Date.now();
  console.log(`\ntest: ${name} (${[path.basename(command), ...args].join(' ')})`);

  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  const seconds = Math.round((Date.now() - started) / 1000);
  if (result.status !== 0) {
    console.error(`test: ${name} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`test: ${name} passed in ${seconds} s`);
}
