import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

// Playwright cannot download its own browser on machines without internet
// access, so the tests drive the distribution's Chromium.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Every workspace package with an e2e-tests folder becomes one project.
const projects = ['packages', 'plugins'].flatMap(folder =>
  fs
    .readdirSync(path.join(__dirname, folder))
    .map(name => path.join(__dirname, folder, name, 'e2e-tests'))
    .filter(testDir => fs.existsSync(testDir))
    .map(testDir => ({
      name: path.relative(__dirname, path.dirname(testDir)),
      testDir,
    })),
);

export default defineConfig({
  timeout: 120_000,
  expect: { timeout: 30_000 },

  // One worker: the tests share one example app and simulator state.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,

  // The README's start command, so the tests run what a user runs.
  webServer: {
    command: 'node scripts/start.mjs',
    // The servers' own output goes to this file, which .ci/run prints when
    // a test fails.
    env: { START_LOG_FILE: 'e2e-start.log' },
    // start.mjs prints this line once the frontend and backend both answer.
    wait: { stdout: /start: ready/ },
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // start.mjs stops the processes it started on SIGTERM; a SIGKILL would
    // leave them running.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },

  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],

  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },

  outputDir: 'test-results',
  projects,
});
