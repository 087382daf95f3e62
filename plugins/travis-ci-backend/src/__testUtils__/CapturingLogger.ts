import {
  LoggerService,
  RootLoggerService,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';

/** One captured log line: level, message and metadata as JSON text. */
export interface CapturedLogLine {
  level: 'error' | 'warn' | 'info' | 'debug';
  message: string;
  meta: string;
}

/**
 * A root logger that keeps every line in memory, so that tests can assert
 * on what the backend logs, including errors and their causes.
 */
export class CapturingLogger implements RootLoggerService {
  readonly lines: CapturedLogLine[];
  readonly #fields: JsonObject;

  constructor(lines: CapturedLogLine[] = [], fields: JsonObject = {}) {
    this.lines = lines;
    this.#fields = fields;
  }

  error(message: string, meta?: Error | JsonObject) {
    this.#add('error', message, meta);
  }

  warn(message: string, meta?: Error | JsonObject) {
    this.#add('warn', message, meta);
  }

  info(message: string, meta?: Error | JsonObject) {
    this.#add('info', message, meta);
  }

  debug(message: string, meta?: Error | JsonObject) {
    this.#add('debug', message, meta);
  }

  child(meta: JsonObject): LoggerService {
    return new CapturingLogger(this.lines, { ...this.#fields, ...meta });
  }

  /** All captured text, for searching for values that must never be logged. */
  text(): string {
    return this.lines
      .map(line => `${line.level} ${line.message} ${line.meta}`)
      .join('\n');
  }

  #add(
    level: CapturedLogLine['level'],
    message: string,
    meta?: Error | JsonObject,
  ) {
    this.lines.push({ level, message, meta: describeMeta(this.#fields, meta) });
  }
}

function describeMeta(fields: JsonObject, meta?: Error | JsonObject): string {
  if (meta instanceof Error) {
    // Include every own property, as a JSON log formatter would.
    const own = Object.fromEntries(
      Object.getOwnPropertyNames(meta).map(key => [
        key,
        (meta as unknown as Record<string, unknown>)[key],
      ]),
    );
    return safeStringify({ ...fields, ...own });
  }
  return safeStringify({ ...fields, ...meta });
}

function safeStringify(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (_key, item) => {
    if (item && typeof item === 'object') {
      if (seen.has(item)) {
        return '[circular]';
      }
      seen.add(item);
    }
    return item;
  });
}
