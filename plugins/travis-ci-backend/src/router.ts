import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  TRAVIS_LOG_AVAILABLE_HEADER,
  TRAVIS_LOG_COMPLETE_HEADER,
  TRAVIS_LOG_NEXT_OFFSET_HEADER,
  TravisBuildListQuery,
  TravisTriggerBuildRequest,
} from '@travis-ci-backstage/plugin-travis-ci-common';
import express from 'express';
import { createOpenApiRouter } from './schema/openapi.generated';
import { TravisCiService } from './service/TravisCiService';

const DEFAULT_BUILD_LIMIT = 25;

/**
 * Creates the routes of the Travis CI backend. Requests are validated
 * against the plugin's OpenAPI document before they reach a handler.
 */
export async function createRouter(options: {
  service: TravisCiService;
}): Promise<express.Router> {
  const { service } = options;
  // Handlers use express' own types: the validator has checked every
  // request against the document, and the wire types come from the
  // common package rather than from the document.
  const router: express.Router = await createOpenApiRouter();

  router.get('/entities/:kind/:namespace/:name/builds', async (req, res) => {
    const query = req.query as Record<string, string | undefined>;
    const list = await service.listBuilds(req, entityName(req.params), {
      branch: query.branch,
      state: query.state as TravisBuildListQuery['state'],
      eventType: query.eventType as TravisBuildListQuery['eventType'],
      limit: toInteger(query.limit, DEFAULT_BUILD_LIMIT),
      offset: toInteger(query.offset, 0),
    });
    res.json(list);
  });

  router.post('/entities/:kind/:namespace/:name/builds', async (req, res) => {
    const result = await service.triggerBuild(
      req,
      entityName(req.params),
      req.body as TravisTriggerBuildRequest,
    );
    res.status(202).json(result);
  });

  router.get(
    '/entities/:kind/:namespace/:name/builds/:buildId',
    async (req, res) => {
      const build = await service.getBuild(
        req,
        entityName(req.params),
        toInteger(req.params.buildId, 0),
      );
      res.json(build);
    },
  );

  for (const change of ['restart', 'cancel'] as const) {
    router.post(
      `/entities/:kind/:namespace/:name/builds/:buildId/${change}`,
      async (req, res) => {
        const result = await service.changeState(req, entityName(req.params), {
          resourceType: 'build',
          id: toInteger(req.params.buildId, 0),
          change,
        });
        res.status(202).json(result);
      },
    );

    router.post(
      `/entities/:kind/:namespace/:name/jobs/:jobId/${change}`,
      async (req, res) => {
        const result = await service.changeState(req, entityName(req.params), {
          resourceType: 'job',
          id: toInteger(req.params.jobId, 0),
          change,
        });
        res.status(202).json(result);
      },
    );
  }

  router.get(
    '/entities/:kind/:namespace/:name/jobs/:jobId/log',
    async (req, res) => {
      const query = req.query as Record<string, string | undefined>;
      const slice = await service.getJobLog(
        req,
        entityName(req.params),
        toInteger(req.params.jobId, 0),
        toInteger(query.offset, 0),
      );

      res.status(200);
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader(TRAVIS_LOG_NEXT_OFFSET_HEADER, String(slice.nextOffset));
      res.setHeader(TRAVIS_LOG_COMPLETE_HEADER, String(slice.complete));
      res.setHeader(TRAVIS_LOG_AVAILABLE_HEADER, String(slice.available));
      exposeHeaders(res, [
        TRAVIS_LOG_NEXT_OFFSET_HEADER,
        TRAVIS_LOG_COMPLETE_HEADER,
        TRAVIS_LOG_AVAILABLE_HEADER,
      ]);
      res.send(slice.content);
    },
  );

  router.get('/entities/:kind/:namespace/:name/branches', async (req, res) => {
    res.json(await service.listBranches(req, entityName(req.params)));
  });

  router.get('/entities/:kind/:namespace/:name/actions', async (req, res) => {
    res.json(await service.getActions(req, entityName(req.params)));
  });

  return router;
}

function entityName(params: Record<string, string>): CompoundEntityRef {
  return { kind: params.kind, namespace: params.namespace, name: params.name };
}

// The OpenAPI validator has already checked the range; query and path
// values may still arrive as strings.
function toInteger(value: unknown, defaultValue: number): number {
  if (value === undefined || value === '') {
    return defaultValue;
  }
  return Number(value);
}

// Browsers hide response headers outside the CORS safelist from pages on
// another origin, such as a frontend on :3000 calling a backend on :7007,
// unless the response names them. Names the app's CORS config already
// exposes stay.
function exposeHeaders(res: express.Response, names: string[]): void {
  const current = String(res.getHeader('Access-Control-Expose-Headers') ?? '');
  const exposed = current
    .split(',')
    .map(name => name.trim())
    .filter(Boolean);
  res.setHeader(
    'Access-Control-Expose-Headers',
    [...new Set([...exposed, ...names])].join(', '),
  );
}
