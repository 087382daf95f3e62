import { InputError } from '@backstage/errors';

// The parts of an entity ref as the Backstage catalog validates them. Kinds
// and namespaces never contain ".", so the first two dots of a slug always
// separate the parts, which makes the slug injective.
const KIND_PATTERN = /^[a-z][a-z0-9]{0,62}$/;
const NAMESPACE_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const NAME_PATTERN = /^(?:[a-z0-9][a-z0-9_.-]{0,61})?[a-z0-9]$/;

/**
 * Pattern of every owner slug: lower-case letters, digits, ".", "_" and "-",
 * at most 191 characters. It never contains "/", "*" or "+", so a slug
 * cannot widen a secret store path or a templated store policy.
 */
export const OWNER_SLUG_PATTERN = /^[a-z][a-z0-9]*\.[a-z0-9-]+\.[a-z0-9_.-]+$/;

/**
 * Derives the owner slug from an owner entity ref: `kind.namespace.name`
 * in lower case, e.g. `group:default/team-a` becomes `group.default.team-a`.
 *
 * Entity refs compare without regard to case in Backstage, so two refs map
 * to the same slug exactly when they name the same entity.
 *
 * @throws InputError when the ref is not a full `kind:namespace/name` ref
 *   with the characters that the catalog allows.
 */
export function toOwnerSlug(ownerRef: string): string {
  const match = /^([^:/]+):([^:/]+)\/([^:/]+)$/.exec(ownerRef.toLowerCase());
  if (!match) {
    throw new InputError(
      `Invalid owner entity ref "${ownerRef}": expected the full form kind:namespace/name, e.g. group:default/team-a.`,
    );
  }

  const [, kind, namespace, name] = match;
  if (!KIND_PATTERN.test(kind)) {
    throw new InputError(
      `Invalid owner entity ref "${ownerRef}": the kind "${kind}" must be 1 to 63 letters and digits, starting with a letter.`,
    );
  }
  if (!NAMESPACE_PATTERN.test(namespace)) {
    throw new InputError(
      `Invalid owner entity ref "${ownerRef}": the namespace "${namespace}" must be a DNS label of 1 to 63 letters, digits and "-".`,
    );
  }
  if (!NAME_PATTERN.test(name)) {
    throw new InputError(
      `Invalid owner entity ref "${ownerRef}": the name "${name}" must be 1 to 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit.`,
    );
  }

  return `${kind}.${namespace}.${name}`;
}

/**
 * Turns an owner slug back into the lower-case owner entity ref.
 *
 * @throws InputError when the value is not an owner slug.
 */
export function parseOwnerSlug(slug: string): string {
  const match = /^([^.]+)\.([^.]+)\.(.+)$/.exec(slug);
  if (!match || !OWNER_SLUG_PATTERN.test(slug)) {
    throw new InputError(
      `Invalid owner slug "${slug}": expected kind.namespace.name in lower case, e.g. group.default.team-a.`,
    );
  }

  const ref = `${match[1]}:${match[2]}/${match[3]}`;
  if (toOwnerSlug(ref) !== slug) {
    throw new InputError(
      `Invalid owner slug "${slug}": it does not come from an owner entity ref.`,
    );
  }
  return ref;
}
