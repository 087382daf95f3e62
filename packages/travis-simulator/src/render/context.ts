import { Access } from '../auth';
import { SimulatorState } from '../model/state';

/** What every renderer needs to know about the request it renders for. */
export interface RenderContext {
  state: SimulatorState;
  access: Access;
  /** Prefix of every `@href`: the mount prefix plus `/v3` when the path used it. */
  scriptName: string;
  /** Fields requested with `include=`, e.g. `build.jobs`. */
  include: ReadonlySet<string>;
  /** `@href`s of the objects enclosing the one being rendered. */
  ancestors: ReadonlySet<string>;
  publicMode: boolean;
  now: number;
}

export type Rendered = Record<string, unknown>;

export function href(context: RenderContext, path: string): string {
  return `${context.scriptName}${path}`;
}

export function includes(context: RenderContext, field: string): boolean {
  return context.include.has(field);
}

/** Returns a context for rendering the children of the object at `parentHref`. */
export function within(context: RenderContext, parentHref: string): RenderContext {
  return { ...context, ancestors: new Set([...context.ancestors, parentHref]) };
}

/** Formats a time as Travis does for most fields: `2025-03-02T09:15:04Z`. */
export function formatTime(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Formats a time with milliseconds, as Travis does for build and job `updated_at`. */
export function formatTimeMs(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
