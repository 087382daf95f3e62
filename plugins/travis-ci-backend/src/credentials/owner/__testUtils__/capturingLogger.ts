import { LoggerService } from '@backstage/backend-plugin-api';

/** A logger that keeps every message and its metadata, for leak checks. */
export interface CapturingLogger extends LoggerService {
  /** Every message and its serialized metadata, one string per call. */
  readonly lines: string[];
}

export function createCapturingLogger(): CapturingLogger {
  const lines: string[] = [];
  const record = (level: string) => (message: string, meta?: unknown) => {
    lines.push(`${level} ${message} ${meta === undefined ? '' : JSON.stringify(meta, Object.getOwnPropertyNames(meta as object))}`);
  };

  const logger: CapturingLogger = {
    lines,
    error: record('error'),
    warn: record('warn'),
    info: record('info'),
    debug: record('debug'),
    child: () => logger,
  };
  return logger;
}
