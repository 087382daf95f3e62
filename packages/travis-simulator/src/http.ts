/** A request as the route layer sees it, independent of msw and node:http. */
export interface SimRequest {
  method: string;
  /** Path and query exactly as sent, with percent-encoding intact. */
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What an adapter should do: send a response or drop the connection, after `delayMs` real milliseconds. */
export type SimOutcome =
  | { kind: 'response'; response: SimResponse; delayMs: number }
  | { kind: 'reset'; delayMs: number };

/** Renders a JSON body pretty-printed, with Travis' `Content-Type` (no charset). */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): SimResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body, null, 2),
  };
}

export function textResponse(
  status: number,
  body: string,
  contentType = 'text/plain',
): SimResponse {
  return { status, headers: { 'content-type': contentType }, body };
}

/** Splits a raw URL into its raw path and its query string (without `?`). */
export function splitUrl(url: string): { path: string; query: string } {
  const index = url.indexOf('?');
  if (index < 0) {
    return { path: url, query: '' };
  }
  return { path: url.slice(0, index), query: url.slice(index + 1) };
}
