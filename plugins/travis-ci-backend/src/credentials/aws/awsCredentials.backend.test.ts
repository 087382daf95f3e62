import { mockCredentials } from '@backstage/backend-test-utils';
import { http, passthrough } from 'msw';
import request from 'supertest';
import {
  HOSTED_API_URL,
  useTravisSimulator,
} from '../../__testUtils__/simulator';
import { startTravisTestBackend } from '../../__testUtils__/startTravisTestBackend';
import { AwsEmulator } from './__testUtils__/AwsEmulator';

jest.setTimeout(60_000);

const JANE = mockCredentials.user.header('user:default/jane');
const ROLE_ARN = 'arn:aws:iam::111122223333:role/backstage-travis';
const SECRET = 'travis/group.default.team-a';

describe('travisCiPlugin with AWS Secrets Manager credentials', () => {
  // The emulated STS fetches the JWKS from the test backend on localhost.
  const { simulator } = useTravisSimulator([
    http.all(/^http:\/\/localhost:\d+\//, () => passthrough()),
  ]);
  let aws: AwsEmulator;

  beforeEach(async () => {
    aws = new AwsEmulator();
    await aws.start();
  });

  afterEach(async () => {
    await aws.stop();
  });

  async function start() {
    const backend = await startTravisTestBackend({
      travisci: {
        instances: [{ name: 'default', baseUrl: HOSTED_API_URL }],
        credentials: {
          provider: 'aws-secrets-manager',
          cache: { rejectedRecheckSeconds: 0 },
          workloadIdentity: { publishDelaySeconds: 0 },
          awsSecretsManager: {
            region: 'eu-west-1',
            endpoint: aws.url,
            auth: {
              method: 'webIdentity',
              roleArn: ROLE_ARN,
              stsEndpoint: aws.url,
            },
          },
        },
      },
    });
    const issuer = `http://localhost:${backend.server.port()}/api/travis-ci`;
    aws.trustIssuer({
      issuer,
      jwksUrl: `${issuer}/.well-known/jwks.json`,
      roleArn: ROLE_ARN,
      audience: 'sts.amazonaws.com',
      prefix: 'travis',
    });
    return { ...backend, issuer };
  }

  function listBuilds(
    app: Awaited<ReturnType<typeof start>>['server'],
    entity: string,
  ) {
    return request(app)
      .get(`/api/travis-ci/entities/component/default/${entity}/builds?limit=1`)
      .set('Authorization', JANE);
  }

  it('reads builds with the owner token from a per-owner session', async () => {
    simulator.addToken('aws-team-a-1', ['acme/payments-api']);
    aws.putSecret(SECRET, {
      token: 'aws-team-a-1',
      repositories: ['acme/payments-*'],
    });
    const { server: app, issuer } = await start();

    const res = await listBuilds(app, 'payments-api');

    expect(res.status).toBe(200);
    expect(aws.assumed).toHaveLength(1);
    expect(aws.assumed[0].claims).toMatchObject({
      iss: issuer,
      sub: 'group.default.team-a',
    });
    expect(aws.reads.map(read => read.secretId)).toEqual([SECRET]);
  });

  it('recovers from a revoked token with at most one failed call', async () => {
    simulator.addToken('aws-team-a-1', ['acme/payments-api']);
    simulator.addToken('aws-team-a-2', ['acme/payments-api']);
    aws.putSecret(SECRET, { token: 'aws-team-a-1', repositories: ['acme/*'] });
    const { server: app, logger } = await start();
    const statuses = [(await listBuilds(app, 'payments-api')).status];

    simulator.revokeToken('aws-team-a-1');
    statuses.push((await listBuilds(app, 'payments-api')).status);
    aws.putSecret(SECRET, { token: 'aws-team-a-2', repositories: ['acme/*'] });
    statuses.push((await listBuilds(app, 'payments-api')).status);

    expect(statuses).toEqual([200, 502, 200]);
    expect(logger.text()).not.toContain('aws-team-a-');
  });

  it('answers 503 naming Secrets Manager for a missing secret', async () => {
    const { server: app, logger } = await start();

    const res = await listBuilds(app, 'payments-api');

    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('credentials-unavailable');
    expect(res.body.error.message).toBe(
      "No Travis CI token for owner group:default/team-a: AWS Secrets Manager has no Travis CI secret for this owner. Ask the Backstage operators to store the owner's Travis CI token there.",
    );
    expect(res.text).not.toContain(SECRET);
    expect(res.text).not.toContain(new URL(aws.url).host);
    expect(logger.text()).toContain(
      `${SECRET} in AWS Secrets Manager in eu-west-1`,
    );
    expect(logger.text()).toContain('ResourceNotFoundException');
  });

  it('keeps the role ARN out of a 503 for a denied role', async () => {
    const { server: app, logger, issuer } = await start();
    // STS trusts the issuer for another role only, so assuming ROLE_ARN
    // fails with AccessDenied.
    aws.trustIssuer({
      issuer,
      jwksUrl: `${issuer}/.well-known/jwks.json`,
      roleArn: 'arn:aws:iam::111122223333:role/other-role',
      audience: 'sts.amazonaws.com',
      prefix: 'travis',
    });

    const res = await listBuilds(app, 'payments-api');

    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('credentials-unavailable');
    expect(res.body.error.message).toContain(
      'AWS Secrets Manager denied the backend access',
    );
    expect(res.body.error.message).toContain('group:default/team-a');
    expect(res.text).not.toContain('111122223333');
    expect(res.text).not.toContain('arn:aws');
    expect(res.text).not.toContain(SECRET);
    expect(logger.text()).toContain(ROLE_ARN);
  });
});
