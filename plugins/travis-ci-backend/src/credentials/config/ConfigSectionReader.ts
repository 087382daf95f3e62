import { Config } from '@backstage/config';
import { RepositoryPatterns } from '../owner/repositoryPatterns';

// Store paths are built from these, so they may not contain "*", "+", "..".
const PATH_PATTERN = /^[A-Za-z0-9_-]+(?:[./][A-Za-z0-9_-]+)*$/;

/** Reads typed values and names the full key in every error. */
export class ConfigSectionReader {
  constructor(readonly config: Config | undefined, readonly path: string) {}

  child(key: string): ConfigSectionReader {
    return new ConfigSectionReader(
      this.#get(() => this.config?.getOptionalConfig(key), key, 'an object'),
      `${this.path}.${key}`,
    );
  }

  required(key: string): ConfigSectionReader {
    const child = this.child(key);
    if (!child.config) {
      throw new Error(
        `Missing ${this.path}.${key} config: add the section for this provider.`,
      );
    }
    return child;
  }

  list(key: string): ConfigSectionReader[] {
    const items = this.#get(
      () => this.config?.getOptionalConfigArray(key),
      key,
      'a list of objects',
    );
    return (items ?? []).map(
      (item, index) =>
        new ConfigSectionReader(item, `${this.path}.${key}[${index}]`),
    );
  }

  optionalString(key: string): string | undefined {
    const value = this.#get(
      () => this.config?.getOptionalString(key),
      key,
      'a string',
    );
    if (value !== undefined && value.trim() === '') {
      throw new Error(
        `Invalid ${this.path}.${key} config: the value is empty; set it or remove the key.`,
      );
    }
    return value?.trim();
  }

  string(key: string): string {
    const value = this.optionalString(key);
    if (value === undefined) {
      throw new Error(
        `Missing ${this.path}.${key} config: set it to a non-empty string.`,
      );
    }
    return value;
  }

  optionalStringList(key: string): string[] | undefined {
    return this.#get(
      () => this.config?.getOptionalStringArray(key),
      key,
      'a list of strings',
    );
  }

  patterns(key: string, patterns: string[]) {
    try {
      RepositoryPatterns.parse(patterns);
    } catch (error) {
      throw new Error(
        `Invalid ${this.path}.${key} config: ${(error as Error).message}.`,
      );
    }
  }

  storePath(key: string, defaultValue: string): string {
    const value = this.optionalString(key) ?? defaultValue;
    if (
      !PATH_PATTERN.test(value) ||
      value.split('/').some(part => part === '.' || part === '..')
    ) {
      throw new Error(
        `Invalid ${this.path}.${key} config "${value}": use letters, digits, "_", "-" and "." in segments separated by "/".`,
      );
    }
    return value;
  }

  url(key: string): string {
    const value = this.optionalUrl(key);
    if (value === undefined) {
      throw new Error(
        `Missing ${this.path}.${key} config: set it to an http or https URL.`,
      );
    }
    return value;
  }

  optionalUrl(key: string): string | undefined {
    const value = this.optionalString(key);
    if (value === undefined) {
      return undefined;
    }
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (
      !url ||
      (url.protocol !== 'http:' && url.protocol !== 'https:') ||
      url.search ||
      url.username
    ) {
      throw new Error(
        `Invalid ${this.path}.${key} config "${value}": expected an http or https URL without query or credentials.`,
      );
    }
    return value.replace(/\/+$/, '');
  }

  /** Reads a whole number within bounds; the unit is in the key's name. */
  wholeNumber(
    key: string,
    defaultValue: number,
    min: number,
    max: number,
  ): number {
    const value =
      this.#get(() => this.config?.getOptionalNumber(key), key, 'a number') ??
      defaultValue;
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(
        `Invalid ${this.path}.${key} config ${value}: expected a whole number from ${min} to ${max}.`,
      );
    }
    return value;
  }

  #get<T>(read: () => T, key: string, expected: string): T {
    try {
      return read();
    } catch {
      throw new Error(
        `Invalid ${this.path}.${key} config: expected ${expected}.`,
      );
    }
  }
}
