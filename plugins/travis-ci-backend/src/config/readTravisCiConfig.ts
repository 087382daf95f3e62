import { Config } from '@backstage/config';
import { ConfiguredTravisInstance, TravisCiConfig } from './TravisCiConfig';

const CONFIG_KEY = 'travisci';

const HOSTED_API_URL = 'https://api.travis-ci.com';
const HOSTED_WEB_URL = 'https://app.travis-ci.com';
const DEFAULT_INSTANCE_NAME = 'default';
const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

// Instance names appear in annotations, so keep them to simple identifiers.
const INSTANCE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

const SHORT_FORM_KEYS = ['baseUrl', 'webUrl', 'token'];

/**
 * Reads and validates the `travisci` configuration.
 *
 * @throws Error naming the invalid key and what to change, so that the
 *   backend stops at start-up with one clear message.
 */
export function readTravisCiConfig(rootConfig: Config): TravisCiConfig {
  const config = rootConfig.getOptionalConfig(CONFIG_KEY);
  if (!config) {
    throw new Error(
      `Missing ${CONFIG_KEY} config: the Travis CI backend plugin needs the ${CONFIG_KEY} section in app-config.yaml. Add ${CONFIG_KEY}.token for api.travis-ci.com, or ${CONFIG_KEY}.instances with name, baseUrl and token for each instance.`,
    );
  }

  return {
    instances: readInstances(config),
    requestTimeoutMs: readRequestTimeout(config),
    actions: {
      requireOwnership: readBoolean(config, 'actions.requireOwnership', true),
      allowServicePrincipals: readBoolean(
        config,
        'actions.allowServicePrincipals',
        false,
      ),
    },
  };
}

function readInstances(config: Config): ConfiguredTravisInstance[] {
  if (!config.has('instances')) {
    return [
      readInstance(config, CONFIG_KEY, {
        name: DEFAULT_INSTANCE_NAME,
        defaultBaseUrl: HOSTED_API_URL,
      }),
    ];
  }

  const shortFormKeys = SHORT_FORM_KEYS.filter(key => config.has(key));
  if (shortFormKeys.length > 0) {
    throw new Error(
      `Invalid ${CONFIG_KEY} config: ${shortFormKeys
        .map(key => `${CONFIG_KEY}.${key}`)
        .join(', ')} cannot be combined with ${CONFIG_KEY}.instances; move ${
        shortFormKeys.length > 1 ? 'them' : 'it'
      } into an entry of ${CONFIG_KEY}.instances.`,
    );
  }

  const entries = readConfigArray(config, 'instances');
  if (entries.length === 0) {
    throw new Error(
      `Invalid ${CONFIG_KEY}.instances config: the list is empty; add at least one instance with name, baseUrl and token.`,
    );
  }

  const instances = entries.map((entry, index) =>
    readInstance(entry, `${CONFIG_KEY}.instances[${index}]`),
  );

  const seen = new Set<string>();
  instances.forEach((instance, index) => {
    if (seen.has(instance.name)) {
      throw new Error(
        `Invalid ${CONFIG_KEY}.instances[${index}].name config: the name "${instance.name}" is used twice; give each instance its own name.`,
      );
    }
    seen.add(instance.name);
  });
  return instances;
}

function readConfigArray(config: Config, key: string): Config[] {
  try {
    return config.getConfigArray(key);
  } catch (error) {
    throw new Error(
      `Invalid ${CONFIG_KEY}.${key} config: expected a list of objects with name, baseUrl and token. ${String(
        error,
      )}`,
    );
  }
}

function readInstance(
  config: Config,
  path: string,
  shortForm?: { name: string; defaultBaseUrl: string },
): ConfiguredTravisInstance {
  const name = shortForm?.name ?? readRequiredString(config, path, 'name');
  if (!INSTANCE_NAME_PATTERN.test(name)) {
    throw new Error(
      `Invalid ${path}.name config "${name}": use 1 to 63 letters, digits, ".", "_" or "-", starting with a letter or digit.`,
    );
  }

  const baseUrl = readUrl(
    config,
    path,
    'baseUrl',
    shortForm ? shortForm.defaultBaseUrl : undefined,
  )!;
  const webUrl =
    readUrl(config, path, 'webUrl', undefined) ?? defaultWebUrl(baseUrl);
  const token = readOptionalString(config, path, 'token');

  return { name, baseUrl, webUrl, token };
}

// The hosted API and web UI live on different hosts; Enterprise serves the
// web UI at the origin and the API under /api.
function defaultWebUrl(baseUrl: string): string {
  if (baseUrl === HOSTED_API_URL) {
    return HOSTED_WEB_URL;
  }
  return new URL(baseUrl).origin;
}

function readUrl(
  config: Config,
  path: string,
  key: string,
  defaultValue: string | undefined,
): string | undefined {
  const value = readOptionalString(config, path, key) ?? defaultValue;
  if (value === undefined) {
    if (key === 'baseUrl') {
      throw new Error(
        `Missing ${path}.${key} config: set the Travis CI API URL, e.g. https://api.travis-ci.com or https://travis.example.com/api.`,
      );
    }
    return undefined;
  }

  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `Invalid ${path}.${key} config "${value}": expected an absolute http or https URL.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(
      `Invalid ${path}.${key} config "${value}": expected an http or https URL.`,
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(
      `Invalid ${path}.${key} config "${value}": remove the query, fragment or credentials from the URL.`,
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function readRequiredString(config: Config, path: string, key: string): string {
  const value = readOptionalString(config, path, key);
  if (value === undefined) {
    throw new Error(
      `Missing ${path}.${key} config: set it to a non-empty string.`,
    );
  }
  return value;
}

function readOptionalString(
  config: Config,
  path: string,
  key: string,
): string | undefined {
  let value: string | undefined;
  try {
    value = config.getOptionalString(key);
  } catch {
    throw new Error(`Invalid ${path}.${key} config: expected a string.`);
  }
  if (value === undefined) {
    return undefined;
  }
  if (value.trim() === '') {
    throw new Error(
      `Invalid ${path}.${key} config: the value is empty; set it or remove the key.`,
    );
  }
  return value.trim();
}

function readBoolean(
  config: Config,
  key: string,
  defaultValue: boolean,
): boolean {
  try {
    return config.getOptionalBoolean(key) ?? defaultValue;
  } catch {
    throw new Error(
      `Invalid ${CONFIG_KEY}.${key} config: expected true or false.`,
    );
  }
}

function readRequestTimeout(config: Config): number {
  let value: number | undefined;
  try {
    value = config.getOptionalNumber('requestTimeoutMs');
  } catch {
    value = Number.NaN;
  }
  if (value === undefined) {
    return DEFAULT_REQUEST_TIMEOUT_MS;
  }
  if (!Number.isInteger(value) || value < 100 || value > 300_000) {
    throw new Error(
      `Invalid ${CONFIG_KEY}.requestTimeoutMs config: expected whole milliseconds from 100 to 300000.`,
    );
  }
  return value;
}
