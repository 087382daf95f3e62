/**
 * Annotations, permissions and wire types shared by the Travis CI frontend
 * and backend plugins.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './repositorySlug';
export * from './permissions';
export * from './types';
