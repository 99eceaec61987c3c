import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { REVOCATION_KEY_HEADER } from '@c2c/auth';
import { request } from 'undici';

/**
 * A loopback address that forwards GETs to a target named later. Apps that must know each other's
 * address at start (the services need the gateway's JWKS URL, the gateway needs the services' URLs)
 * can then all listen on port 0: the services are given this address, and the gateway's once it
 * listens. Until then it answers 503, as a gateway not yet up would.
 */
export class LateTargetProxy {
  private target: string | undefined;
  private address = '';
  private readonly server = createServer((incoming, outgoing) => this.forward(incoming, outgoing));

  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  get url(): string {
    return this.address;
  }

  static async start(): Promise<LateTargetProxy> {
    const proxy = new LateTargetProxy();
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    const { port } = proxy.server.address() as AddressInfo;
    proxy.address = `http://127.0.0.1:${port}`;
    return proxy;
  }

  /** From now on, requests go to `target` (a base URL such as `http://127.0.0.1:41234`). */
  forwardTo(target: string): void {
    this.target = target;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private forward(incoming: IncomingMessage, outgoing: ServerResponse): void {
    if (this.target === undefined || incoming.method !== 'GET') {
      outgoing.writeHead(503).end();
      return;
    }
    // The revocation feed's secret goes along; nothing else a caller sends matters to a GET here.
    const key = incoming.headers[REVOCATION_KEY_HEADER];
    request(`${this.target}${incoming.url ?? '/'}`, {
      headers: typeof key === 'string' ? { [REVOCATION_KEY_HEADER]: key } : {},
    }).then(
      async (answer) => {
        const body = Buffer.from(await answer.body.arrayBuffer());
        const contentType = answer.headers['content-type'];
        outgoing.writeHead(answer.statusCode, contentType ? { 'content-type': String(contentType) } : {});
        outgoing.end(body);
      },
      () => outgoing.writeHead(502).end(),
    );
  }
}
