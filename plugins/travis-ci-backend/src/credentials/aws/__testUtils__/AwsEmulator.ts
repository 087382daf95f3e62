import { randomBytes, randomUUID } from 'node:crypto';
import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { createRemoteJWKSet, JWTPayload, jwtVerify } from 'jose';

/** The static access key that stands for the default credential chain in tests. */
export const DEFAULT_CHAIN_ACCESS_KEY = 'AKIADEFAULTCHAINTEST';

interface Session {
  /** The `owner` session tag, or '*' for the default chain identity. */
  owner: string;
  expiresAt: number;
}

/**
 * A loopback stand-in for AWS STS (awsQuery protocol, XML responses) and
 * Secrets Manager (awsJson1.1). STS verifies web identity tokens against
 * the issuer's JWKS URL and trusts them for one role and audience. The
 * Secrets Manager policy lets a web identity session read only
 * `<prefix>/${aws:PrincipalTag/owner}`, and the default chain key every
 * secret.
 */
export class AwsEmulator {
  readonly assumed: Array<{ roleSessionName: string; claims: JWTPayload }> = [];
  readonly reads: Array<{ secretId: string; accessKeyId: string }> = [];
  /** Fails every call with HTTP 500 InternalServiceError while set. */
  failing = false;
  sessionSeconds = 900;

  readonly #secrets = new Map<string, string[]>();
  readonly #sessions = new Map<string, Session>([
    [DEFAULT_CHAIN_ACCESS_KEY, { owner: '*', expiresAt: Infinity }],
  ]);
  #trust?: {
    issuer: string;
    roleArn: string;
    audience: string;
    prefix: string;
  };
  #jwks?: ReturnType<typeof createRemoteJWKSet>;
  #server?: Server;

  /** Registers the issuer as an IAM OIDC provider trusted by one role. */
  trustIssuer(trust: {
    issuer: string;
    jwksUrl: string;
    roleArn: string;
    audience: string;
    prefix: string;
  }) {
    this.#trust = trust;
    this.#jwks = createRemoteJWKSet(new URL(trust.jwksUrl), {
      cooldownDuration: 0,
    });
  }

  /** Stores a new AWSCURRENT version, like PutSecretValue; returns its VersionId. */
  putSecret(name: string, value: unknown): string {
    return this.putSecretString(name, JSON.stringify(value));
  }

  /** Stores a new AWSCURRENT version with this exact SecretString. */
  putSecretString(name: string, secretString: string): string {
    const versions = this.#secrets.get(name) ?? [];
    versions.push(secretString);
    this.#secrets.set(name, versions);
    return versionId(name, versions.length);
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server?.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch(error => {
        res.writeHead(500).end(String(error));
      });
    });
    await new Promise<void>(resolve =>
      this.#server!.listen(0, '127.0.0.1', resolve),
    );
  }

  async stop(): Promise<void> {
    await new Promise<void>(resolve => this.#server?.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse) {
    const body = await readBody(req);
    const target = req.headers['x-amz-target'];

    if (target === 'secretsmanager.GetSecretValue') {
      this.#getSecretValue(req, JSON.parse(body), res);
      return;
    }
    const form = new URLSearchParams(body);
    if (form.get('Action') === 'AssumeRoleWithWebIdentity') {
      await this.#assumeRoleWithWebIdentity(form, res);
      return;
    }
    sendJsonError(
      res,
      400,
      'UnknownOperationException',
      `Unknown operation ${String(target)}`,
    );
  }

  async #assumeRoleWithWebIdentity(form: URLSearchParams, res: ServerResponse) {
    if (this.failing) {
      sendQueryError(
        res,
        500,
        'Receiver',
        'InternalFailure',
        'An internal error occurred.',
      );
      return;
    }

    const trust = this.#trust;
    let claims: JWTPayload;
    try {
      claims = (
        await jwtVerify(form.get('WebIdentityToken') ?? '', this.#jwks!, {
          algorithms: ['ES256'],
          issuer: trust!.issuer,
        })
      ).payload;
    } catch (error) {
      sendQueryError(
        res,
        400,
        'Sender',
        'InvalidIdentityToken',
        `Couldn't verify the web identity token: ${(error as Error).message}`,
      );
      return;
    }

    // A trust policy mismatch on the role, audience or subject is AccessDenied.
    const tags = (claims['https://aws.amazon.com/tags'] as any)?.principal_tags;
    const owner = Array.isArray(tags?.owner) ? tags.owner[0] : undefined;
    if (
      form.get('RoleArn') !== trust!.roleArn ||
      claims.aud !== trust!.audience ||
      typeof owner !== 'string' ||
      owner !== claims.sub
    ) {
      sendQueryError(
        res,
        403,
        'Sender',
        'AccessDenied',
        'Not authorized to perform sts:AssumeRoleWithWebIdentity',
      );
      return;
    }

    const accessKeyId = `ASIA${randomBytes(8).toString('hex').toUpperCase()}`;
    const expiresAt = Date.now() + this.sessionSeconds * 1000;
    this.#sessions.set(accessKeyId, { owner, expiresAt });
    const roleSessionName = form.get('RoleSessionName') ?? '';
    this.assumed.push({ roleSessionName, claims });

    res.writeHead(200, { 'Content-Type': 'text/xml' });
    res.end(`<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleWithWebIdentityResult>
    <SubjectFromWebIdentityToken>${claims.sub}</SubjectFromWebIdentityToken>
    <Audience>${claims.aud}</Audience>
    <AssumedRoleUser>
      <Arn>${trust!.roleArn
        .replace(':iam::', ':sts::')
        .replace(':role/', ':assumed-role/')}/${roleSessionName}</Arn>
      <AssumedRoleId>AROATESTROLEID:${roleSessionName}</AssumedRoleId>
    </AssumedRoleUser>
    <Credentials>
      <SessionToken>session-${randomUUID()}</SessionToken>
      <SecretAccessKey>${randomBytes(20).toString('base64')}</SecretAccessKey>
      <Expiration>${new Date(expiresAt).toISOString()}</Expiration>
      <AccessKeyId>${accessKeyId}</AccessKeyId>
    </Credentials>
    <Provider>${trust!.issuer}</Provider>
  </AssumeRoleWithWebIdentityResult>
  <ResponseMetadata>
    <RequestId>${randomUUID()}</RequestId>
  </ResponseMetadata>
</AssumeRoleWithWebIdentityResponse>`);
  }

  #getSecretValue(
    req: IncomingMessage,
    input: { SecretId?: string },
    res: ServerResponse,
  ) {
    if (this.failing) {
      sendJsonError(
        res,
        500,
        'InternalServiceError',
        'An error occurred on the server side.',
      );
      return;
    }

    const accessKeyId =
      /Credential=([^/]+)\//.exec(
        String(req.headers.authorization ?? ''),
      )?.[1] ?? '';
    const session = this.#sessions.get(accessKeyId);
    const secretId = input.SecretId ?? '';
    const allowed =
      session &&
      session.expiresAt > Date.now() &&
      (session.owner === '*' ||
        secretId === `${this.#trust?.prefix}/${session.owner}`);
    if (!allowed) {
      sendJsonError(
        res,
        400,
        'AccessDeniedException',
        `User: ${accessKeyId} is not authorized to perform: secretsmanager:GetSecretValue on resource: ${secretId}`,
      );
      return;
    }

    this.reads.push({ secretId, accessKeyId });
    const versions = this.#secrets.get(secretId);
    if (!versions) {
      sendJsonError(
        res,
        400,
        'ResourceNotFoundException',
        "Secrets Manager can't find the specified secret.",
      );
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.1' });
    res.end(
      JSON.stringify({
        ARN: `arn:aws:secretsmanager:eu-west-1:111122223333:secret:${secretId}-AbCdEf`,
        Name: secretId,
        VersionId: versionId(secretId, versions.length),
        SecretString: versions[versions.length - 1],
        VersionStages: ['AWSCURRENT'],
        CreatedDate: Date.now() / 1000,
      }),
    );
  }
}

function versionId(name: string, version: number): string {
  const hex = Buffer.from(`${name}#${version}`)
    .toString('hex')
    .padEnd(32, '0')
    .slice(-32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(
    12,
    16,
  )}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function sendJsonError(
  res: ServerResponse,
  status: number,
  type: string,
  message: string,
) {
  res.writeHead(status, {
    'Content-Type': 'application/x-amz-json-1.1',
    'x-amzn-ErrorType': type,
  });
  res.end(JSON.stringify({ __type: type, message }));
}

function sendQueryError(
  res: ServerResponse,
  status: number,
  type: string,
  code: string,
  message: string,
) {
  res.writeHead(status, { 'Content-Type': 'text/xml' });
  res.end(`<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error>
    <Type>${type}</Type>
    <Code>${code}</Code>
    <Message>${message}</Message>
  </Error>
  <RequestId>${randomUUID()}</RequestId>
</ErrorResponse>`);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
