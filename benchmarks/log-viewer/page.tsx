// A standalone page that renders the Travis CI plugin's JobLog component,
// with Backstage's LogViewer, for a generated job log, and measures it.
// run.mjs bundles this file and drives it in headless Chromium.

import { ApiProvider, ConfigReader } from '@backstage/core-app-api';
import { configApiRef, errorApiRef } from '@backstage/core-plugin-api';
import { Progress } from '@backstage/core-components';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { UnifiedThemeProvider, themes } from '@backstage/theme';
import {
  createVersionedContext,
  createVersionedValueMap,
} from '@backstage/version-bridge';
import { TravisJob } from '@travis-ci-backstage/plugin-travis-ci-common';
import { createRoot } from 'react-dom/client';
import { MemoryRouter } from 'react-router-dom';
import { TravisCiApi, travisCiApiRef } from '../../plugins/travis-ci/src/api';
import { JobLog } from '../../plugins/travis-ci/src/components/JobLog';
import {
  TravisLogParser,
  renderTravisLog,
} from '../../plugins/travis-ci/src/lib/travisLog';
import { generateTravisLog } from './generateTravisLog';

const AppContext = createVersionedContext<{ 1: unknown }>('app-context');

const job: TravisJob = {
  id: 1,
  number: '1234.1',
  state: 'failed',
  allowFailure: false,
  webUrl: 'http://127.0.0.1/jobs/1',
};

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'web-frontend', namespace: 'default' },
};

function nextPaint(): Promise<void> {
  return new Promise(resolve =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
  );
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms`);
    }
    await new Promise(resolve => setTimeout(resolve, 5));
  }
}

interface LongTask {
  startTime: number;
  duration: number;
}

// A task counts towards the phase in which it ends: the task that runs the
// last scroll frame also starts the next phase in the same turn.
function longestTaskBetween(tasks: LongTask[], start: number, end: number) {
  return tasks
    .filter(task => {
      const taskEnd = task.startTime + task.duration;
      return taskEnd >= start && taskEnd <= end;
    })
    .reduce((max, task) => Math.max(max, task.duration), 0);
}

// Scrolls the log list through the whole log in 60 steps, then to 60
// positions spread across it, one position per frame, and returns the
// longest frame in milliseconds.
async function scrollThrough(list: HTMLElement): Promise<number> {
  const positions: number[] = [];
  const max = list.scrollHeight - list.clientHeight;
  for (let step = 0; step <= 60; step++) {
    positions.push((max * step) / 60);
  }
  for (let step = 0; step < 60; step++) {
    positions.push((max * ((step * 37) % 60)) / 60);
  }

  let longestFrame = 0;
  let previous = performance.now();
  for (const position of positions) {
    list.scrollTop = position;
    await new Promise(resolve => requestAnimationFrame(resolve));
    const now = performance.now();
    longestFrame = Math.max(longestFrame, now - previous);
    previous = now;
  }
  return longestFrame;
}

async function runBenchmark(options: { targetBytes: number }) {
  const tasks: LongTask[] = [];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      tasks.push({ startTime: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });

  const log = generateTravisLog(options.targetBytes);
  const bytes = new TextEncoder().encode(log).length;

  // Line counts of the default view (finished folds collapsed) and of the
  // expanded view, to tell when the viewer shows the whole log.
  const parser = new TravisLogParser();
  parser.push(log);
  parser.end();
  const collapsedLineCount = renderTravisLog(parser, {
    isCollapsed: () => true,
  }).split('\n').length;
  const expandedLineCount = renderTravisLog(parser, {
    isCollapsed: () => false,
  }).split('\n').length;
  const api: Partial<TravisCiApi> = {
    getJobLog: async () => ({
      content: log,
      nextOffset: bytes,
      complete: true,
      available: true,
    }),
  };
  const apis = new Map<string, unknown>([
    [travisCiApiRef.id, api],
    [
      configApiRef.id,
      new ConfigReader({ app: { baseUrl: 'http://127.0.0.1' } }),
    ],
    // LogViewer's controls read their labels through the translation API;
    // the keys stand in for the English texts on this measurement page.
    [
      'core.translation',
      {
        getTranslation: () => ({ ready: true, t: (key: string) => key }),
        translation$: () => ({ subscribe: () => ({ unsubscribe() {} }) }),
      },
    ],
    [
      errorApiRef.id,
      {
        post: (error: Error) => console.error(error),
        error$: () => ({ subscribe: () => ({ unsubscribe() {} }) }),
      },
    ],
  ]);
  const apiHolder = { get: (ref: { id: string }) => apis.get(ref.id) as any };
  const appContext = createVersionedValueMap({
    1: { getComponents: () => ({ Progress }) },
  });

  const container = document.getElementById('root')!;
  const start = performance.now();
  createRoot(container).render(
    <AppContext.Provider value={appContext}>
      <ApiProvider apis={apiHolder}>
        <UnifiedThemeProvider theme={themes.light}>
          <MemoryRouter>
            <EntityProvider entity={entity}>
              <div style={{ height: '100vh' }}>
                <JobLog job={job} height="80vh" />
              </div>
            </EntityProvider>
          </MemoryRouter>
        </UnifiedThemeProvider>
      </ApiProvider>
    </AppContext.Provider>,
  );

  await waitFor(() => document.querySelector('[role=row]') !== null, 60_000);
  await nextPaint();
  const firstPaintMs = performance.now() - start;

  // The scrolling element of LogViewer's windowed list; production builds
  // shorten its class names, so it is found from a line.
  let list = document.querySelector<HTMLElement>('[role=row]')!;
  while (getComputedStyle(list).overflowY !== 'auto') {
    list = list.parentElement!;
  }
  const lineCount = () => Math.round(list.scrollHeight / 20);
  await waitFor(() => lineCount() === collapsedLineCount, 60_000);
  await nextPaint();
  const wholeLogMs = performance.now() - start;
  const openEnd = performance.now();
  await new Promise(resolve => setTimeout(resolve, 500));

  const scrollStart = performance.now();
  const longestScrollFrameMs = await scrollThrough(list);
  const scrollEnd = performance.now();

  const expandButton = Array.from(document.querySelectorAll('button')).find(
    button => button.textContent === 'Expand all',
  )!;
  const expandStart = performance.now();
  expandButton.click();
  await waitFor(() => lineCount() === expandedLineCount, 60_000);
  await nextPaint();
  const expandMs = performance.now() - expandStart;
  const expandEnd = performance.now();

  await new Promise(resolve => setTimeout(resolve, 500));
  const expandedScrollStart = performance.now();
  const longestExpandedScrollFrameMs = await scrollThrough(list);
  const expandedScrollEnd = performance.now();

  // Long task entries arrive after the task; give the observer a moment.
  await new Promise(resolve => setTimeout(resolve, 500));

  return {
    logBytes: bytes,
    linesShown: collapsedLineCount,
    linesExpanded: expandedLineCount,
    firstPaintMs,
    wholeLogMs,
    longestTaskWhileOpeningMs: longestTaskBetween(tasks, start, openEnd),
    longestTaskWhileScrollingMs: longestTaskBetween(
      tasks,
      scrollStart,
      scrollEnd,
    ),
    longestScrollFrameMs,
    expandAllMs: expandMs,
    longestTaskWhileExpandingMs: longestTaskBetween(
      tasks,
      expandStart,
      expandEnd,
    ),
    longestTaskWhileScrollingExpandedMs: longestTaskBetween(
      tasks,
      expandedScrollStart,
      expandedScrollEnd,
    ),
    longestExpandedScrollFrameMs: longestExpandedScrollFrameMs,
  };
}

(window as any).runBenchmark = runBenchmark;
