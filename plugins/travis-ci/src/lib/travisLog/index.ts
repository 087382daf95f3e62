export { TravisLogParser } from './TravisLogParser';
export type { TravisLogFold, TravisLogView } from './TravisLogParser';
export {
  formatLogDuration,
  renderTravisLog,
  renderTravisLogPlainText,
} from './renderTravisLog';
export type { RenderTravisLogOptions } from './renderTravisLog';
export { matchTravisLogMarker } from './markers';
export type { TravisLogMarker } from './markers';
export {
  AnsiColorNormalizer,
  normalizeAnsiColors,
} from './normalizeAnsiColors';
