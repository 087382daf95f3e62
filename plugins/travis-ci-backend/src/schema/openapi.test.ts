import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { spec } from './openapi.generated';

describe('openapi.generated', () => {
  it('matches openapi.yaml', () => {
    const script = join(__dirname, '../../scripts/generate-openapi.mjs');

    // Exits with 1 and names the fix when the generated file is stale.
    const output = execFileSync(process.execPath, [script, '--check'], {
      encoding: 'utf8',
    });

    expect(output).toContain('matches');
  });

  it('describes every route of the contract', () => {
    const routes = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.keys(item).map(method => `${method.toUpperCase()} ${path}`),
    );

    expect(routes.sort()).toEqual(
      [
        'GET /entities/{kind}/{namespace}/{name}/actions',
        'GET /entities/{kind}/{namespace}/{name}/branches',
        'GET /entities/{kind}/{namespace}/{name}/builds',
        'GET /entities/{kind}/{namespace}/{name}/builds/{buildId}',
        'GET /entities/{kind}/{namespace}/{name}/jobs/{jobId}/log',
        'POST /entities/{kind}/{namespace}/{name}/builds',
        'POST /entities/{kind}/{namespace}/{name}/builds/{buildId}/cancel',
        'POST /entities/{kind}/{namespace}/{name}/builds/{buildId}/restart',
        'POST /entities/{kind}/{namespace}/{name}/jobs/{jobId}/cancel',
        'POST /entities/{kind}/{namespace}/{name}/jobs/{jobId}/restart',
      ].sort(),
    );
  });
});
