import {
  TRAVIS_LOG_AVAILABLE_HEADER,
  TRAVIS_LOG_COMPLETE_HEADER,
  TRAVIS_LOG_NEXT_OFFSET_HEADER,
} from '@travis-ci-backstage/plugin-travis-ci-common';
import { http, HttpResponse, RequestHandler } from 'msw';
import { TEST_ENTITY_URL } from '../../../__testUtils__/fixtures';

/** A job log as the fake backend serves it; tests append to `content`. */
export interface FakeJobLog {
  content: string;
  complete: boolean;
}

/**
 * The job log route of the test entity for tests: it serves each log from
 * the requested UTF-8 byte offset with the backend's headers, and records
 * every requested offset.
 */
export class FakeJobLogs {
  readonly logs = new Map<number, FakeJobLog>();
  /** `jobId:offset` of every request, in order. */
  readonly requests: string[] = [];

  constructor(server: { use(...handlers: RequestHandler[]): void }) {
    server.use(
      http.get(`${TEST_ENTITY_URL}/jobs/:jobId/log`, ({ request, params }) => {
        const jobId = Number(params.jobId);
        const offset = Number(
          new URL(request.url).searchParams.get('offset') ?? 0,
        );
        this.requests.push(`${jobId}:${offset}`);

        const log = this.logs.get(jobId) ?? { content: '', complete: false };
        const bytes = Buffer.from(log.content, 'utf8');
        const body = bytes
          .subarray(Math.min(offset, bytes.length))
          .toString('utf8');

        return new HttpResponse(body, {
          headers: {
            'content-type': 'text/plain; charset=utf-8',
            [TRAVIS_LOG_NEXT_OFFSET_HEADER]: String(bytes.length),
            [TRAVIS_LOG_COMPLETE_HEADER]: String(log.complete),
            [TRAVIS_LOG_AVAILABLE_HEADER]: String(bytes.length > 0),
          },
        });
      }),
    );
  }
}
