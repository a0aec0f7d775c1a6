// Tests run in Node even under jsdom; the boundary rule is for app code that ships to the renderer.
// eslint-disable-next-line no-restricted-imports
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  body: unknown;
}

export interface Reply {
  status: number;
  body: unknown;
  /** Send `body` as-is (a string) with this content type instead of JSON. */
  contentType?: string;
  /** More response headers (e.g. Content-Disposition for a download). */
  headers?: Record<string, string>;
  /** Cut the connection instead of answering: the request was handled, its answer lost on the way back. */
  isLost?: boolean;
}

export type Route = (request: RecordedRequest) => Reply | Promise<Reply>;

export interface TestServer {
  url: string;
  /** Every non-preflight request, in arrival order. */
  requests: RecordedRequest[];
  route(method: string, path: string, handler: Route): void;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of request) text += decoder.decode(chunk, { stream: true });
  text += decoder.decode();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function allowCors(response: ServerResponse): void {
  response.setHeader('Access-Control-Allow-Origin', '*');
  response.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept');
  response.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
  // As the real server must: a cross-origin page reads a download's name only when it is exposed.
  response.setHeader('Access-Control-Expose-Headers', 'Content-Disposition');
}

/** A real HTTP server on an ephemeral loopback port, answering from a route table. */
export async function startTestServer(): Promise<TestServer> {
  const routes = new Map<string, Route>();
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    allowCors(response);
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end();
      return;
    }
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://test.invalid');
      const path = url.pathname;
      const recorded: RecordedRequest = {
        method: request.method ?? 'GET',
        path,
        query: url.searchParams,
        authorization: request.headers.authorization,
        body: await readBody(request),
      };
      requests.push(recorded);
      const handler = routes.get(`${recorded.method} ${path}`);
      const reply = handler
        ? await handler(recorded)
        : { status: 404, body: { code: 404, message: 'No such route', error: 'NOT_FOUND' } };
      if (reply.isLost) {
        request.socket.destroy();
        return;
      }
      response.writeHead(reply.status, { 'Content-Type': reply.contentType ?? 'application/json', ...reply.headers });
      response.end(reply.contentType ? String(reply.body) : JSON.stringify(reply.body));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The test server has no TCP port');
  const { port } = address;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route(method, path, handler) {
      routes.set(`${method} ${path}`, handler);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The server's success envelope. */
export function ok(data: unknown, status = 200): Reply {
  return { status, body: { code: status, message: 'ok', data } };
}

/** The request reached the server, but its answer never reaches the client. */
export function lost(): Reply {
  return { status: 0, body: null, isLost: true };
}

/** The server's error envelope. */
export function fail(status: number, error: string, message = error): Reply {
  return { status, body: { code: status, message, error } };
}
