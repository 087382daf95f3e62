import { StandardSchemaV1 } from '@backstage/frontend-plugin-api';

// Extension config schemas in the Standard Schema form that
// `configSchema` of frontend-plugin-api 1.0 blueprints accepts: a validator
// plus a JSON Schema for the app's config documentation.

function describeType(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  return Array.isArray(value) ? 'array' : typeof value;
}

function withJsonSchema<T>(
  jsonSchema: Record<string, unknown>,
  validate: (value: unknown) => StandardSchemaV1.Result<T>,
): StandardSchemaV1<unknown, T> {
  return {
    '~standard': {
      version: 1,
      vendor: 'travis-ci',
      validate,
      jsonSchema: {
        input: () => jsonSchema,
        output: () => jsonSchema,
      },
    },
  } as StandardSchemaV1<unknown, T>;
}

/** An optional, non-empty string; absent stays `undefined`. */
export function optionalStringSchema(description: string) {
  return withJsonSchema<string | undefined>(
    { type: 'string', minLength: 1, description },
    value => {
      if (value === undefined) {
        return { value: undefined };
      }
      if (typeof value !== 'string' || value.trim() === '') {
        return {
          issues: [
            {
              message: `Expected a non-empty string, but received ${describeType(
                value,
              )} ${JSON.stringify(value)}`,
            },
          ],
        };
      }
      return { value };
    },
  );
}

/** An integer from `min` to `max`, `defaultValue` when absent. */
export function integerSchema(options: {
  min: number;
  max: number;
  defaultValue: number;
  description: string;
}) {
  const { min, max, defaultValue, description } = options;
  return withJsonSchema<number>(
    {
      type: 'integer',
      minimum: min,
      maximum: max,
      default: defaultValue,
      description,
    },
    value => {
      if (value === undefined) {
        return { value: defaultValue };
      }
      if (
        typeof value !== 'number' ||
        !Number.isInteger(value) ||
        value < min ||
        value > max
      ) {
        return {
          issues: [
            {
              message: `Expected an integer from ${min} to ${max}, but received ${describeType(
                value,
              )} ${JSON.stringify(value)}`,
            },
          ],
        };
      }
      return { value };
    },
  );
}
