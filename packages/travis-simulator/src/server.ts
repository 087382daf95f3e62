import { createServer, IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import { handleRequest } from './api';
import { textResponse } from './http';
import { SimulatorRuntime } from './runtime';

export interface ListenOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; defaults to the loopback address 127.0.0.1. */
  host?: string;
}

export interface RunningSimulatorServer {
  /** Base URL of the API, including the mount prefix, e.g. `http://127.0.0.1:8090/api`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the simulator over plain HTTP. A connection reset fault destroys
 * the socket without sending a response.
 */
export async function startServer(
  runtime: SimulatorRuntime,
  mount: string,
  options: ListenOptions = {},
): Promise<RunningSimulatorServer> {
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) {
        headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
    }

    let outcome;
    try {
      outcome = handleRequest(
        runtime,
        { method: request.method ?? 'GET', url: request.url ?? '/', headers, body },
        mount,
      );
    } catch (error) {
      // A defect in the simulator: respond like Travis' generic 500 and report it.
      console.error(`travis-simulator: ${request.method} ${request.url} failed`, error);
      outcome = {
        kind: 'response' as const,
        response: textResponse(500, 'Sorry, we experienced an error.\n'),
        delayMs: 0,
      };
    }

    if (outcome.delayMs > 0) {
      await new Promise(resolve => setTimeout(resolve, outcome.delayMs));
    }
    if (outcome.kind === 'reset') {
      request.socket.destroy();
      return;
    }

    const { status, headers: responseHeaders, body: responseBody } = outcome.response;
    response.writeHead(status, {
      ...responseHeaders,
      'content-length': Buffer.byteLength(responseBody),
    });
    response.end(request.method === 'HEAD' ? undefined : responseBody);
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}${mount}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close(error => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', chunk => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
