import { Entity } from '@backstage/catalog-model';

/**
 * Annotation that names the Travis CI repository of an entity, as `owner/name`.
 *
 * @remarks
 * The Roadie Travis CI plugin uses the same annotation, so existing catalogs
 * work unchanged.
 *
 * @public
 */
export const TRAVIS_CI_REPO_SLUG_ANNOTATION = 'travis-ci.com/repo-slug';

/**
 * Annotation that names the configured Travis CI instance of an entity, for
 * installations with more than one instance, such as Travis CI Enterprise
 * beside travis-ci.com. Without it the backend uses its default instance.
 *
 * @public
 */
export const TRAVIS_CI_INSTANCE_ANNOTATION = 'travis-ci.com/instance';

/**
 * Returns the raw repository slug annotation of an entity, or undefined when
 * the entity has none.
 *
 * @public
 */
export function getTravisCiRepoSlugAnnotation(
  entity: Entity,
): string | undefined {
  return entity.metadata.annotations?.[TRAVIS_CI_REPO_SLUG_ANNOTATION];
}

/**
 * Returns true when the entity has a non-empty repository slug annotation.
 * The value may still be malformed; the backend and the UI report that case
 * on their own.
 *
 * @public
 */
export function isTravisCiAvailable(entity: Entity): boolean {
  return Boolean(getTravisCiRepoSlugAnnotation(entity)?.trim());
}
