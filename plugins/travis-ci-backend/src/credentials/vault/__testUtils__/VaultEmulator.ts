import { randomUUID } from 'node:crypto';
import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { createRemoteJWKSet, JWTPayload, jwtVerify } from 'jose';

/** A JWT auth role of the emulated Vault. */
export interface EmulatedJwtRole {
  /** Accepted `aud` values; Vault 1.17 rejects a token with `aud` when none are bound. */
  boundAudiences: string[];
  /** The claim whose value names the Vault alias, and so the readable owner. */
  userClaim: string;
  /** Token lease in seconds. */
  tokenTtl: number;
}

interface IssuedToken {
  /** Owner slug the token may read, or '*' for every owner. */
  owner: string;
  expiresAt: number;
}

/**
 * A loopback stand-in for HashiCorp Vault with the JWT and Kubernetes auth
 * methods and a KV v2 mount `secret`. It verifies JWT logins against the
 * issuer's JWKS URL, and its policy lets a JWT login read only
 * `secret/data/travis/<user claim value>`, as a policy templated on the
 * alias name does. Responses use Vault's shapes and status codes.
 */
export class VaultEmulator {
  readonly logins: Array<{ mount: string; role: string; claims?: JWTPayload }> =
    [];
  readonly reads: string[] = [];
  readonly jwtRoles = new Map<string, EmulatedJwtRole>();
  /** Service account token that the `kubernetes` mount accepts, and its role. */
  kubernetes = { role: 'backstage', jwt: 'k8s-service-account-jwt' };
  sealed = false;

  readonly #secrets = new Map<string, Array<Record<string, unknown>>>();
  readonly #tokens = new Map<string, IssuedToken>();
  #jwks?: ReturnType<typeof createRemoteJWKSet>;
  #jwtConfig?: { issuer: string; jwksUrl: string };
  #server?: Server;

  /** Configures the JWT auth method like `auth/jwt/config` with `jwks_url` and `bound_issuer`. */
  configureJwt(config: { issuer: string; jwksUrl: string }) {
    this.#jwtConfig = config;
    this.#jwks = createRemoteJWKSet(new URL(config.jwksUrl), {
      cooldownDuration: 0,
    });
  }

  /** Writes a new version of `secret/data/travis/<ownerSlug>`, like `vault kv put`. */
  putSecret(ownerSlug: string, data: Record<string, unknown>): number {
    const versions = this.#secrets.get(ownerSlug) ?? [];
    versions.push(data);
    this.#secrets.set(ownerSlug, versions);
    return versions.length;
  }

  /** Revokes every Vault token that has been handed out. */
  revokeAllTokens() {
    this.#tokens.clear();
  }

  get url(): string {
    const address = this.#server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch(error => {
        send(res, 500, { errors: [String(error)] });
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
    if (this.sealed) {
      send(res, 503, { errors: ['Vault is sealed'] });
      return;
    }

    const url = new URL(req.url ?? '/', 'http://vault');
    const login = /^\/v1\/auth\/([^/]+)\/login$/.exec(url.pathname);
    if (req.method === 'POST' && login) {
      await this.#login(login[1], JSON.parse(await readBody(req)), res);
      return;
    }

    const read = /^\/v1\/secret\/data\/travis\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && read) {
      this.#read(read[1], req.headers['x-vault-token'], res);
      return;
    }

    send(res, 404, { errors: [] });
  }

  async #login(
    mount: string,
    body: { role?: string; jwt?: string },
    res: ServerResponse,
  ) {
    if (mount === 'kubernetes') {
      if (body.role !== this.kubernetes.role) {
        send(res, 400, { errors: [`invalid role name "${body.role}"`] });
        return;
      }
      if (body.jwt !== this.kubernetes.jwt) {
        send(res, 403, { errors: ['permission denied'] });
        return;
      }
      this.logins.push({ mount, role: body.role });
      send(res, 200, this.#authAnswer('*', 300, { role: body.role }));
      return;
    }

    const role = this.jwtRoles.get(body.role ?? '');
    if (mount !== 'jwt' || !role) {
      send(res, 400, { errors: [`role "${body.role}" could not be found`] });
      return;
    }

    let claims: JWTPayload;
    try {
      const verified = await jwtVerify(body.jwt ?? '', this.#jwks!, {
        algorithms: ['ES256'],
        issuer: this.#jwtConfig!.issuer,
        audience: role.boundAudiences,
        clockTolerance: 60,
      });
      claims = verified.payload;
    } catch (error) {
      send(res, 400, {
        errors: [`error validating token: ${(error as Error).message}`],
      });
      return;
    }

    const alias = claims[role.userClaim];
    if (typeof alias !== 'string') {
      send(res, 400, {
        errors: [`claim "${role.userClaim}" not found in token`],
      });
      return;
    }
    this.logins.push({ mount, role: body.role!, claims });
    send(
      res,
      200,
      this.#authAnswer(alias, role.tokenTtl, {
        role: body.role!,
        owner: alias,
      }),
    );
  }

  #authAnswer(owner: string, ttl: number, metadata: Record<string, string>) {
    const token = `hvs.${randomUUID()}`;
    this.#tokens.set(token, { owner, expiresAt: Date.now() + ttl * 1000 });
    return {
      request_id: randomUUID(),
      lease_id: '',
      renewable: false,
      lease_duration: 0,
      data: null,
      wrap_info: null,
      warnings: null,
      auth: {
        client_token: token,
        accessor: '',
        policies: ['travis-owner-read'],
        token_policies: ['travis-owner-read'],
        metadata,
        lease_duration: ttl,
        renewable: false,
        token_type: 'batch',
      },
    };
  }

  #read(
    ownerSlug: string,
    vaultToken: string | string[] | undefined,
    res: ServerResponse,
  ) {
    const issued =
      typeof vaultToken === 'string' ? this.#tokens.get(vaultToken) : undefined;
    const allowed =
      issued &&
      issued.expiresAt > Date.now() &&
      (issued.owner === '*' || issued.owner === ownerSlug);
    if (!allowed) {
      send(res, 403, {
        errors: ['1 error occurred:\n\t* permission denied\n\n'],
      });
      return;
    }

    this.reads.push(ownerSlug);
    const versions = this.#secrets.get(ownerSlug);
    if (!versions) {
      send(res, 404, { errors: [] });
      return;
    }
    send(res, 200, {
      request_id: randomUUID(),
      lease_id: '',
      renewable: false,
      lease_duration: 0,
      data: {
        data: versions[versions.length - 1],
        metadata: {
          created_time: new Date().toISOString(),
          custom_metadata: null,
          deletion_time: '',
          destroyed: false,
          version: versions.length,
        },
      },
      wrap_info: null,
      warnings: null,
      auth: null,
    });
  }
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8') || '{}';
}
