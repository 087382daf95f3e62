import express from 'express';
import Router from 'express-promise-router';
import { WorkloadIdentityIssuer } from './WorkloadIdentityIssuer';

/** Path of the OpenID discovery document, relative to the plugin's routes. */
export const DISCOVERY_DOCUMENT_PATH = '/.well-known/openid-configuration';

/** Path of the JWKS, relative to the plugin's routes. */
export const JWKS_PATH = '/.well-known/jwks.json';

/**
 * Serves the issuer's OpenID discovery document and JWKS, where Vault,
 * OpenBao and AWS fetch them without credentials. The plugin must open
 * exactly these two paths with auth policies.
 */
export function createWellKnownRouter(
  issuer: WorkloadIdentityIssuer,
): express.Router {
  const router = Router();
  const cacheControl = `public, max-age=${issuer.jwksMaxAgeSeconds}`;

  router.get(DISCOVERY_DOCUMENT_PATH, (_req, res) => {
    res.setHeader('Cache-Control', cacheControl);
    res.json(issuer.discoveryDocument());
  });

  router.get(JWKS_PATH, async (_req, res) => {
    res.setHeader('Cache-Control', cacheControl);
    res.json(await issuer.jwks());
  });

  return router;
}
