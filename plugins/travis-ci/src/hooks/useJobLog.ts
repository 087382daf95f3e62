import { useApi } from '@backstage/frontend-plugin-api';
import { useCallback, useEffect, useRef, useState } from 'react';
import { travisCiApiRef } from '../api';
import { TravisLogParser, TravisLogView } from '../lib/travisLog';
import { useEntityRef } from './useEntityRef';
import { usePageVisibility } from './usePageVisibility';

/** How often a running job's log is fetched again. */
export interface LogPollIntervals {
  /** Milliseconds between requests while the browser tab is visible. */
  visibleMs: number;
  /** Milliseconds between requests while the browser tab is hidden. */
  hiddenMs: number;
}

/**
 * Default intervals: a few seconds keeps a watched log close to live
 * without many requests, as each request returns only the new bytes.
 */
export const DEFAULT_LOG_POLL_INTERVALS: LogPollIntervals = {
  visibleMs: 3_000,
  hiddenMs: 30_000,
};

/**
 * The progress of a job log: `loading` before the first response, `waiting`
 * while the job has not written any output, `running` while output
 * arrives, and `complete` once the job has finished.
 */
export type JobLogStatus = 'loading' | 'waiting' | 'running' | 'complete';

/** The state of one job's log. */
export interface JobLogState {
  /** The parsed log; it grows in place, so use `version` to detect changes. */
  log: TravisLogView;
  /** Increases each time the log receives new content. */
  version: number;
  status: JobLogStatus;
  /** The last failed request; tailing stops until `retry` is called. */
  error?: Error;
  retry: () => void;
  /** Returns the log as received, with markers and escape sequences. */
  getRawText: () => string;
}

interface LogSession {
  jobId: number;
  parser: TravisLogParser;
  chunks: string[];
  offset: number;
  status: JobLogStatus;
}

function newSession(jobId: number): LogSession {
  return {
    jobId,
    parser: new TravisLogParser(),
    chunks: [],
    offset: 0,
    status: 'loading',
  };
}

/**
 * Fetches a job log and, while the job runs, fetches only what was added
 * since the last request (by byte offset) every few seconds, until the
 * backend reports the log complete.
 */
export function useJobLog(
  jobId: number,
  options: { pollIntervals?: LogPollIntervals } = {},
): JobLogState {
  const api = useApi(travisCiApiRef);
  const entityRef = useEntityRef();
  const visible = usePageVisibility();
  const intervals = options.pollIntervals ?? DEFAULT_LOG_POLL_INTERVALS;
  const delay = visible ? intervals.visibleMs : intervals.hiddenMs;

  const sessionRef = useRef<LogSession>(newSession(jobId));
  if (sessionRef.current.jobId !== jobId) {
    sessionRef.current = newSession(jobId);
  }
  const session = sessionRef.current;

  const [version, setVersion] = useState(0);
  const [error, setError] = useState<Error>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setError(undefined);

    const poll = async () => {
      if (session.status === 'complete') {
        return;
      }

      try {
        const chunk = await api.getJobLog(entityRef, jobId, {
          offset: session.offset,
        });
        if (cancelled) {
          return;
        }

        // A restarted job starts a new log, shorter than what was read.
        if (chunk.nextOffset < session.offset) {
          Object.assign(session, newSession(jobId));
          setVersion(value => value + 1);
          timer = setTimeout(poll, 0);
          return;
        }

        const changed = applyChunk(session, chunk);
        if (changed) {
          setVersion(value => value + 1);
        }
        if (!chunk.complete) {
          timer = setTimeout(poll, delay);
        }
      } catch (e) {
        if (!cancelled) {
          setError(e as Error);
        }
      }
    };

    poll();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, entityRef, jobId, session, delay, attempt]);

  const retry = useCallback(() => setAttempt(value => value + 1), []);
  const getRawText = useCallback(() => session.chunks.join(''), [session]);

  return {
    log: session.parser,
    version,
    status: session.status,
    error,
    retry,
    getRawText,
  };
}

// Returns true when the response changed what the log shows.
function applyChunk(
  session: LogSession,
  chunk: {
    content: string;
    nextOffset: number;
    complete: boolean;
    available: boolean;
  },
): boolean {
  const previousStatus = session.status;

  if (chunk.content !== '') {
    session.parser.push(chunk.content);
    session.chunks.push(chunk.content);
  }
  session.offset = chunk.nextOffset;

  if (chunk.complete) {
    session.parser.end();
    session.status = 'complete';
  } else if (chunk.available || session.chunks.length > 0) {
    session.status = 'running';
  } else {
    session.status = 'waiting';
  }

  return chunk.content !== '' || session.status !== previousStatus;
}
