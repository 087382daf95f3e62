import { Entity } from '@backstage/catalog-model';

interface EntityOptions {
  slug?: string;
  instance?: string;
  owner?: string;
  /** Leave out the `ownedBy` relation, as before the catalog processed the entity. */
  withoutRelations?: boolean;
}

/** Creates a component entity with the Travis CI annotations. */
export function createComponent(name: string, options: EntityOptions): Entity {
  const owner = options.owner ?? 'team-a';
  const annotations: Record<string, string> = {};
  if (options.slug !== undefined) {
    annotations['travis-ci.com/repo-slug'] = options.slug;
  }
  if (options.instance !== undefined) {
    annotations['travis-ci.com/instance'] = options.instance;
  }

  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', lifecycle: 'production', owner },
    relations: options.withoutRelations
      ? undefined
      : [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  };
}

/** Catalog entities of the tests, one per case the routes must handle. */
export const TEST_ENTITIES = {
  paymentsApi: createComponent('payments-api', { slug: 'acme/payments-api' }),
  webFrontend: createComponent('web-frontend', { slug: 'acme/web-frontend' }),
  checkoutService: createComponent('checkout-service', {
    slug: 'acme/checkout-service',
  }),
  newService: createComponent('new-service', { slug: 'acme/new-service' }),
  inventoryService: createComponent('inventory-service', {
    slug: 'acme/inventory-service',
    owner: 'team-b',
  }),
  ownerWithoutRelations: createComponent('owner-without-relations', {
    slug: 'acme/payments-api',
    withoutRelations: true,
  }),
  legacyBilling: createComponent('legacy-billing', {
    slug: 'acme/legacy-billing',
    instance: 'enterprise',
  }),
  unknownInstance: createComponent('unknown-instance', {
    slug: 'acme/payments-api',
    instance: 'nowhere',
  }),
  noAnnotation: createComponent('no-annotation', {}),
  badAnnotation: createComponent('bad-annotation', {
    slug: 'acme/payments-api/extra',
  }),
  missingRepository: createComponent('missing-repository', {
    slug: 'acme/does-not-exist',
  }),
  hidden: createComponent('hidden-service', { slug: 'acme/payments-api' }),
};

/** The only user allowed to see `TEST_ENTITIES.hidden`. */
export const HIDDEN_ENTITY_VIEWER = 'user:default/admin';

/** Group memberships of the test users. */
export const TEST_USER_GROUPS: Record<string, string[]> = {
  'user:default/jane': ['group:default/team-a'],
  'user:default/bob': ['group:default/team-b'],
  'user:default/admin': ['group:default/team-a', 'group:default/team-b'],
};
