/**
 * The few parts of Node's http module the API-client tests use to run a real
 * local server. Declared here instead of loading @types/node into the renderer's
 * program, which would make Node globals (process, Buffer) type-check in app code.
 */
declare module 'node:http' {
  interface IncomingMessage extends AsyncIterable<Uint8Array> {
    method?: string;
    url?: string;
    headers: Record<string, string | undefined>;
    socket: { destroy(): void };
  }

  interface ServerResponse {
    setHeader(name: string, value: string): this;
    writeHead(status: number, headers?: Record<string, string>): this;
    end(body?: string): this;
  }

  interface Server {
    listen(port: number, host: string, callback: () => void): this;
    address(): { port: number } | string | null;
    close(callback: (error?: Error) => void): this;
    closeAllConnections(): void;
  }

  function createServer(handler: (request: IncomingMessage, response: ServerResponse) => void): Server;
}
