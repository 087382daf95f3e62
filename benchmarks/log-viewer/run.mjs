#!/usr/bin/env node
// Measures how the Travis CI plugin's job log view copes with a large log
// in real headless Chromium. The script bundles page.tsx, which renders the
// JobLog component (Backstage's LogViewer) for a generated Travis-style log.
// It prints the time to first paint of the log and to the whole log, and the
// longest main-thread task (PerformanceObserver "longtask") while opening,
// scrolling and expanding every fold, with the longest frame while scrolling.
//
// Usage: ./yarnw node benchmarks/log-viewer/run.mjs [--megabytes 10] [--runs 3]
// Environment: CHROMIUM_PATH (default /usr/bin/chromium).

import { chromium } from '@playwright/test';
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    megabytes: { type: 'string', default: '10' },
    runs: { type: 'string', default: '3' },
  },
});
const megabytes = Number(values.megabytes);
const runs = Number(values.runs);
if (
  !(megabytes > 0 && megabytes <= 100) ||
  !(Number.isInteger(runs) && runs >= 1 && runs <= 10)
) {
  console.error(
    'Invalid options: --megabytes must be from 0 to 100 and --runs an integer from 1 to 10.',
  );
  process.exit(2);
}

// The whole run must stay bounded even if the page hangs.
const deadline = setTimeout(() => {
  console.error('benchmark-log: timed out after 10 minutes');
  process.exit(1);
}, 10 * 60_000);

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'travis-log-benchmark-'));
await esbuild.build({
  entryPoints: [path.join(scriptDir, 'page.tsx')],
  outfile: path.join(outDir, 'page.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'chrome120',
  jsx: 'automatic',
  minify: true,
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  loader: {
    '.svg': 'dataurl',
    '.png': 'dataurl',
    '.woff': 'dataurl',
    '.woff2': 'dataurl',
  },
  logLevel: 'error',
});
fs.writeFileSync(
  path.join(outDir, 'index.html'),
  '<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0"><div id="root"></div><script src="page.js"></script></body></html>',
);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

const results = [];
try {
  for (let run = 1; run <= runs; run++) {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
    });
    page.on('pageerror', error =>
      console.error(`page error: ${error.message}`),
    );
    await page.goto(pathToFileURL(path.join(outDir, 'index.html')).href);
    const result = await page.evaluate(
      targetBytes => window.runBenchmark({ targetBytes }),
      Math.round(megabytes * 1024 * 1024),
    );
    results.push(result);
    console.log(
      `run ${run}: ${JSON.stringify(result, (_key, value) =>
        typeof value === 'number' ? Math.round(value) : value,
      )}`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  fs.rmSync(outDir, { recursive: true, force: true });
  clearTimeout(deadline);
}

const median = key => {
  const sorted = results.map(result => result[key]).sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]);
};
const cpus = os.cpus();
console.log('');
console.log(
  `hardware: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(
    os.totalmem() / 2 ** 30,
  )} GiB RAM, ${os.platform()} ${os.release()}`,
);
console.log(`browser: Chromium ${browser.version()}`);
console.log(
  `log: ${(results[0].logBytes / 2 ** 20).toFixed(1)} MiB, ${
    results[0].linesExpanded
  } lines with every fold expanded; median of ${runs} runs:`,
);
// Chromium reports only tasks over 50 ms as long tasks, so 0 means none.
for (const key of Object.keys(results[0]).filter(name => name.endsWith('Ms'))) {
  const value = median(key);
  const text =
    key.startsWith('longestTask') && value === 0
      ? 'no task over 50 ms'
      : `${value} ms`;
  console.log(
    `  ${key}: ${text} (runs: ${results
      .map(result => Math.round(result[key]))
      .join(', ')})`,
  );
}
