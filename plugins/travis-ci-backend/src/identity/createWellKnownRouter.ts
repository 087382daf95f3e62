import express from 'express';
import Router from 'express-promise-router';
import { WorkloadIdentityIssuer } from './WorkloadIdentityIssuer';

/**
 * Serves the issuer's OpenID discovery document and JWKS under
 * `/.well-known`, where Vault, OpenBao and AWS fetch them without
 * credentials. The plugin must open this path with an auth policy.
 */
export function createWellKnownRouter(
  issuer: WorkloadIdentityIssuer,
): express.Router {
  const router = Router();
  const cacheControl = `public, max-age=${issuer.jwksMaxAgeSeconds}`;

  router.get('/.well-known/openid-configuration', (_req, res) => {
    res.setHeader('Cache-Control', cacheControl);
    res.json(issuer.discoveryDocument());
  });

  router.get('/.well-known/jwks.json', async (_req, res) => {
    res.setHeader('Cache-Control', cacheControl);
    res.json(await issuer.jwks());
  });

  return router;
}
