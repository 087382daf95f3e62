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
  /** Increases whenever the log or its status changes. */
  revision: number;
  /** Settles once the last response is parsed. */
  ingesting: Promise<void>;
}

// A new session continues the revision count of the one it replaces, so
// that the hook's version state changes with each of its updates.
function newSession(jobId: number, revision: number = 0): LogSession {
  return {
    jobId,
    parser: new TravisLogParser(),
    chunks: [],
    offset: 0,
    status: 'loading',
    revision,
    ingesting: Promise.resolve(),
  };
}

/**
 * Characters parsed per macrotask: parsing a large response in slices keeps
 * the page responsive while a log of many megabytes opens.
 */
const PARSE_SLICE_LENGTH = 1024 * 1024;

/**
 * Fetches a job log and, while the job runs, fetches only what was added
 * since the last request (by byte offset) every few seconds, until the
 * backend reports the log complete.
 */
export function useJobLog(
  jobId: number,
  options: {
    pollIntervals?: LogPollIntervals;
    /**
     * Whether the job is waiting or running, from the build. When a job
     * whose log was complete becomes active again, it was restarted, and
     * the hook reads its new log from the start.
     */
    jobActive?: boolean;
  } = {},
): JobLogState {
  const api = useApi(travisCiApiRef);
  const entityRef = useEntityRef();
  const visible = usePageVisibility();
  const intervals = options.pollIntervals ?? DEFAULT_LOG_POLL_INTERVALS;
  const delay = visible ? intervals.visibleMs : intervals.hiddenMs;

  const sessionRef = useRef<LogSession>(newSession(jobId));
  const wasJobActive = useRef(options.jobActive);
  const restarted =
    options.jobActive === true &&
    wasJobActive.current === false &&
    sessionRef.current.status === 'complete';
  wasJobActive.current = options.jobActive;
  if (sessionRef.current.jobId !== jobId || restarted) {
    sessionRef.current = newSession(jobId, sessionRef.current.revision + 1);
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
      // A response that an earlier run of this effect received may still be
      // parsing; the next request starts where it ends.
      await session.ingesting;
      if (cancelled) {
        return;
      }
      setVersion(session.revision);
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
          Object.assign(session, newSession(jobId, session.revision + 1));
          setVersion(session.revision);
          timer = setTimeout(poll, 0);
          return;
        }

        session.ingesting = ingestChunk(session, chunk);
        await session.ingesting;
        if (cancelled) {
          return;
        }
        setVersion(session.revision);
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

// Adds a response to the session. The offset moves on at once, so that no
// later request fetches the same bytes again, and the content is parsed in
// slices, one per macrotask.
async function ingestChunk(
  session: LogSession,
  chunk: {
    content: string;
    nextOffset: number;
    complete: boolean;
    available: boolean;
  },
): Promise<void> {
  const previousStatus = session.status;
  const { content } = chunk;
  session.offset = chunk.nextOffset;

  if (content !== '') {
    session.chunks.push(content);
    for (let start = 0; start < content.length; start += PARSE_SLICE_LENGTH) {
      if (start > 0) {
        await new Promise(resolve => setTimeout(resolve, 0));
      }
      session.parser.push(content.slice(start, start + PARSE_SLICE_LENGTH));
    }
  }

  if (chunk.complete) {
    session.parser.end();
    session.status = 'complete';
  } else if (chunk.available || session.chunks.length > 0) {
    session.status = 'running';
  } else {
    session.status = 'waiting';
  }

  if (content !== '' || session.status !== previousStatus) {
    session.revision += 1;
  }
}
