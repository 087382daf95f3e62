/**
 * Query parameter of the job log route: the UTF-8 byte offset from which to
 * return the log, so that a client tailing a running job fetches only what
 * was added.
 *
 * @public
 */
export const TRAVIS_LOG_OFFSET_QUERY = 'offset';

/**
 * Response header of the job log route: the byte offset to send as
 * `offset` in the next request.
 *
 * @public
 */
export const TRAVIS_LOG_NEXT_OFFSET_HEADER = 'x-travis-log-next-offset';

/**
 * Response header of the job log route: `true` once the job has finished and
 * its log will not change any more.
 *
 * @public
 */
export const TRAVIS_LOG_COMPLETE_HEADER = 'x-travis-log-complete';

/**
 * Response header of the job log route: `false` while the job has not
 * written any output yet, in which case the body is empty.
 *
 * @public
 */
export const TRAVIS_LOG_AVAILABLE_HEADER = 'x-travis-log-available';

/**
 * A part of a job log, as a client reads it from the job log route.
 *
 * @public
 */
export interface TravisLogChunk {
  /** The log text from the requested offset on. */
  content: string;
  /** The byte offset for the next request. */
  nextOffset: number;
  /** True once the job has finished and the log is final. */
  complete: boolean;
  /** False while the job has not written any output yet. */
  available: boolean;
}
