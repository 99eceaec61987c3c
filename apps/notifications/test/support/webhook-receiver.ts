import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';

export interface ReceivedRequest {
  method: string;
  path: string;
  /** Lower-cased names; a repeated header joined as node:http does. */
  headers: Record<string, string>;
  body: string;
}

/** How the receiver answers one request. */
export interface ScriptedAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Answer only after this long (the receiver's own timer; tests await outcomes, never sleep). */
  delayMs?: number;
  /** Never answer; the connection stays open until the client gives up or the receiver closes. */
  hang?: boolean;
  /** Stream this many bytes of body (in 64 KiB chunks, with backpressure) instead of `body`. */
  streamBytes?: number;
}

export type Script = ScriptedAnswer | ((request: ReceivedRequest) => ScriptedAnswer);

/** What became of one streamed answer. */
export interface StreamRecord {
  written: number;
  /** The client closed the connection before the whole body was written. */
  closedEarly: boolean;
}

/**
 * A webhook target on 127.0.0.1 (port 0) that records every request it receives and answers as scripted:
 * statuses, headers, delays, hangs, redirects and large streamed bodies.
 */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  readonly streams: StreamRecord[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly server: Server,
    private script: Script,
  ) {}

  static async start(script: Script = { status: 204 }): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server, script);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => receiver.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return receiver;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(path = '/hooks', host = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  /** Changes how the next requests are answered. */
  answer(script: Script): this {
    this.script = script;
    return this;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: Object.fromEntries(
          Object.entries(req.headers).map(([name, value]) => [
            name,
            Array.isArray(value) ? value.join(', ') : (value ?? ''),
          ]),
        ),
        body: Buffer.concat(chunks).toString('utf8'),
      };
      this.requests.push(request);
      const answer = typeof this.script === 'function' ? this.script(request) : this.script;
      if (answer.hang) return;
      if (!answer.delayMs) return void this.respond(res, answer);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void this.respond(res, answer);
      }, answer.delayMs);
      this.timers.add(timer);
    });
  }

  private async respond(res: ServerResponse, answer: ScriptedAnswer): Promise<void> {
    res.writeHead(answer.status ?? 204, answer.headers);
    if (answer.streamBytes === undefined) {
      res.end(answer.body);
      return;
    }
    const record: StreamRecord = { written: 0, closedEarly: false };
    this.streams.push(record);
    res.on('close', () => {
      record.closedEarly = !res.writableFinished;
    });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    while (record.written < answer.streamBytes && !res.destroyed) {
      const part = chunk.subarray(0, Math.min(chunk.length, answer.streamBytes - record.written));
      record.written += part.length;
      if (!res.write(part)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            res.off('drain', done).off('close', done);
            resolve();
          };
          res.on('drain', done).on('close', done);
        });
      }
    }
    if (!res.destroyed) res.end();
  }
}

/**
 * A TLS endpoint on 127.0.0.1 with no certificate: it records the server name (SNI) each client asks
 * for, then fails the handshake. Enough to see which name a client verifies, without a certificate.
 */
export async function startSniRecorder(): Promise<{
  port: number;
  serverNames: string[];
  close(): Promise<void>;
}> {
  const serverNames: string[] = [];
  const server = createTlsServer({
    SNICallback: (name, callback) => {
      serverNames.push(name);
      callback(new Error('this endpoint has no certificate'));
    },
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    serverNames,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
