import { DateTime } from 'luxon';

/** Formats a duration in seconds as `45s`, `3m 05s` or `1h 02m`. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;

  if (hours > 0) {
    return `${hours}h ${String(minutes).padStart(2, '0')}m`;
  }
  if (minutes > 0) {
    return `${minutes}m ${String(rest).padStart(2, '0')}s`;
  }
  return `${rest}s`;
}

/** Formats an ISO 8601 time relative to now, such as "5 minutes ago". */
export function formatRelativeTime(iso: string): string {
  return DateTime.fromISO(iso).toRelative() ?? iso;
}

/** Formats an ISO 8601 time in full, in the browser's locale and zone. */
export function formatExactTime(iso: string): string {
  return DateTime.fromISO(iso).toLocaleString(
    DateTime.DATETIME_FULL_WITH_SECONDS,
  );
}
