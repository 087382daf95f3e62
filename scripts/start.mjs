// Starts the example: two Travis API simulators (travis-ci.com style on
// :8090, Travis CI Enterprise style under /api on :8091), the backend on
// :7007 and the frontend on :3000. Ctrl-C stops all of them.
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';
import {
  findPortsInUse,
  isStopping,
  startProcess,
  stopAll,
  stopAllOnSignals,
  waitForUrl,
} from './processes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = name => path.join(root, 'node_modules', '.bin', name);
const simulatorBin = path.join(
  root,
  'packages',
  'travis-simulator',
  'bin',
  'travis-simulator',
);

// A server left over from an earlier run would answer in place of the new
// one, so refuse to start next to it.
const portsInUse = await findPortsInUse([8090, 8091, 7007, 3000]);
if (portsInUse.length > 0) {
  const ports =
    portsInUse.length === 1
      ? `port ${portsInUse[0]} is`
      : `ports ${portsInUse.join(', ')} are`;
  console.error(
    `start: ${ports} already in use; stop the process that listens there (for example an earlier yarn start) and try again`,
  );
  process.exit(1);
}

stopAllOnSignals();

const processes = [
  startProcess('simulator', process.execPath, [simulatorBin, '--port', '8090'], {
    cwd: root,
  }),
  startProcess(
    'simulator-enterprise',
    process.execPath,
    [simulatorBin, '--port', '8091', '--prefix', '/api'],
    { cwd: root },
  ),
  startProcess('backstage', bin('backstage-cli'), ['repo', 'start'], {
    cwd: root,
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' },
  }),
];

const ready = Promise.all([
  waitForUrl('http://localhost:7007/.backstage/health/v1/readiness', 600_000),
  waitForUrl('http://localhost:3000', 600_000),
])
  .then(() => waitForExampleCatalog(600_000))
  .then(
    () => console.log('start: ready at http://localhost:3000'),
    error => console.error(`start: ${error.message}`),
  );
void ready;

// Any process that ends on its own takes the others down with it, so a
// half-started example never looks healthy.
const code = await Promise.race(processes.map(child => child.exited));
if (!isStopping()) {
  console.error(`start: a process exited with code ${code}; stopping the rest`);
  await stopAll();
  process.exit(code === 0 ? 1 : code);
}

/**
 * Resolves once the catalog lists every component of examples/entities.yaml,
 * because the backend reports ready before the catalog has read them.
 */
async function waitForExampleCatalog(timeoutMs) {
  const examples = fs.readFileSync(
    path.join(root, 'examples', 'entities.yaml'),
    'utf8',
  );
  const expected = examples.match(/^kind: Component$/gm)?.length ?? 0;
  const deadline = Date.now() + timeoutMs;

  for (;;) {
    const listed = await countCatalogComponents().catch(() => 0);
    if (listed >= expected) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `the catalog listed ${listed} of ${expected} example components after ${
          timeoutMs / 1000
        } s; check the backend's output`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

async function countCatalogComponents() {
  const signIn = await fetch('http://localhost:7007/api/auth/guest/refresh', {
    method: 'POST',
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  const { backstageIdentity } = await signIn.json();

  const response = await fetch(
    'http://localhost:7007/api/catalog/entities/by-query?filter=kind=component&limit=1',
    { headers: { Authorization: `Bearer ${backstageIdentity.token}` } },
  );
  const { totalItems } = await response.json();
  return totalItems;
}
