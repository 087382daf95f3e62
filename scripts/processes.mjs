// Starts child processes in their own process groups and stops all of them
// together, so that Ctrl-C on a script also ends the servers it started.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

const children = new Set();
let stopping = false;

// With START_LOG_FILE set, the children's output goes to that file instead
// of the console, so that a test run's output stays readable.
const logFile = process.env.START_LOG_FILE
  ? fs.createWriteStream(process.env.START_LOG_FILE, { flags: 'w' })
  : undefined;

/**
 * Starts a command with the given name prefixed to each line it prints.
 * Returns the child process; `exited` resolves with its exit code.
 */
export function startProcess(name, command, args, options = {}) {
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    ...options,
  });

  prefixLines(child.stdout, logFile ?? process.stdout, name);
  prefixLines(child.stderr, logFile ?? process.stderr, name);

  children.add(child);
  child.exited = new Promise(resolve => {
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
  return child;
}

function prefixLines(input, output, name) {
  let pending = '';
  input.setEncoding('utf8');
  input.on('data', text => {
    const lines = (pending + text).split('\n');
    pending = lines.pop();
    for (const line of lines) {
      output.write(`[${name}] ${line}\n`);
    }
  });
  input.on('end', () => {
    if (pending) {
      output.write(`[${name}] ${pending}\n`);
    }
  });
}

/**
 * Sends SIGTERM to every running child's process group, then SIGKILL to
 * those still running after the grace period.
 */
export async function stopAll(graceMs = 5000) {
  stopping = true;
  const running = [...children];
  for (const child of running) {
    signalGroup(child, 'SIGTERM');
  }

  const timeout = new Promise(resolve => setTimeout(resolve, graceMs).unref());
  await Promise.race([Promise.all(running.map(c => c.exited)), timeout]);

  for (const child of children) {
    signalGroup(child, 'SIGKILL');
  }
}

export function isStopping() {
  return stopping;
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group has already exited.
  }
}

/** Stops every child and exits when this process is interrupted. */
export function stopAllOnSignals() {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, async () => {
      if (stopping) {
        return;
      }
      console.log(`\nstart: ${signal} received, stopping all processes`);
      await stopAll();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

/**
 * Resolves once an HTTP GET of the URL returns a 2xx status, or rejects
 * after timeoutMs.
 */
export async function waitForUrl(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer';
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) {
        return;
      }
      lastProblem = `status ${response.status}`;
    } catch (error) {
      lastProblem = error.message;
    }

    if (Date.now() > deadline) {
      throw new Error(
        `${url} was not ready within ${timeoutMs / 1000} s (${lastProblem})`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

/**
 * Resolves with the ports of the list that something on this machine
 * already listens on, checked by connecting to them on loopback.
 */
export async function findPortsInUse(ports) {
  const checks = ports.map(
    port =>
      new Promise(resolve => {
        const socket = net.connect({ host: 'localhost', port });
        socket.setTimeout(1000);
        socket.once('connect', () => {
          socket.destroy();
          resolve(port);
        });
        socket.once('timeout', () => {
          socket.destroy();
          resolve(undefined);
        });
        socket.once('error', () => resolve(undefined));
      }),
  );
  return (await Promise.all(checks)).filter(port => port !== undefined);
}
