/**
 * Backstage backend plugin that serves the Travis CI builds, logs and
 * actions of catalog entities, calling Travis CI with the owner's
 * credentials.
 *
 * @packageDocumentation
 */

export { travisCiPlugin as default } from './plugin';
export {
  travisCiCredentialsExtensionPoint,
  type TravisCiCredentialsExtensionPoint,
  type TravisCredentials,
  type TravisCredentialsProvider,
  type TravisCredentialsRequest,
} from './credentials/TravisCredentialsProvider';
export type { TravisInstance } from './config/TravisCiConfig';
