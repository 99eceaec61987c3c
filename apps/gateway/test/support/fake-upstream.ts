import net from 'node:net';
import Fastify, { FastifyInstance } from 'fastify';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface FakeAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Answer this late, to play a slow service. */
  delayMs?: number;
  /** Answer only once this settles (see {@link Gate}): a service that is slow until the test says so. */
  until?: Promise<unknown>;
}

/** How the fake answers; an async one can wait for something first (see {@link Barrier}). */
export type Behaviour = (request: RecordedRequest) => FakeAnswer | Promise<FakeAnswer>;

/** Holds answers until the test opens it: a slow service whose slowness no clock measures. */
export class Gate {
  private release: () => void = () => undefined;
  /** Settles when {@link open} is called. */
  readonly opened = new Promise<void>((resolve) => {
    this.release = resolve;
  });

  open(): void {
    this.release();
  }
}

/**
 * Meets `parties` requests: each {@link arrive} resolves `true` once all of them have arrived, or
 * `false` at the deadline. Fakes that answer only when all have met prove that their requests were
 * in flight together, which sequential calls can never achieve.
 */
export class Barrier {
  private count = 0;
  private meet: () => void = () => undefined;
  private readonly met = new Promise<void>((resolve) => {
    this.meet = resolve;
  });

  constructor(
    private readonly parties: number,
    private readonly deadlineMs = 5_000,
  ) {}

  /** How many have arrived so far. */
  get arrived(): number {
    return this.count;
  }

  arrive(): Promise<boolean> {
    if (++this.count >= this.parties) this.meet();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), this.deadlineMs);
    });
    return Promise.race([this.met.then(() => true), deadline]).finally(() => clearTimeout(timer));
  }
}

/**
 * A stand-in for a domain service's internal HTTP API: a real Fastify server on loopback that records
 * what the gateway sent and answers as the test tells it to.
 */
export class FakeUpstream {
  readonly requests: RecordedRequest[] = [];
  behaviour: Behaviour = () => ({ status: 200, body: {} });
  private readonly delays = new Set<NodeJS.Timeout>();

  private address = '';

  private constructor(private readonly server: FastifyInstance) {}

  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  get url(): string {
    return this.address;
  }

  static async start(behaviour?: Behaviour): Promise<FakeUpstream> {
    const server = Fastify({ logger: false, forceCloseConnections: true });
    const upstream = new FakeUpstream(server);
    if (behaviour) upstream.behaviour = behaviour;
    server.all('/*', async (request, reply) => {
      const recorded: RecordedRequest = {
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: request.body,
      };
      upstream.requests.push(recorded);
      const answer = await upstream.behaviour(recorded);
      if (answer.delayMs) await upstream.delay(answer.delayMs);
      if (answer.until) await answer.until;
      const isProblem = (answer.status ?? 200) >= 400;
      return reply
        .status(answer.status ?? 200)
        .headers({
          'content-type': isProblem ? 'application/problem+json' : 'application/json',
          ...answer.headers,
        })
        .send(JSON.stringify(answer.body ?? {}));
    });
    upstream.address = await server.listen({ port: 0, host: '127.0.0.1' });
    return upstream;
  }

  /** Requests received for a path (without query). */
  hits(path: string): RecordedRequest[] {
    return this.requests.filter((request) => request.url.split('?')[0] === path);
  }

  async stop(): Promise<void> {
    // A slow answer still pending is dropped with its connection, not waited for.
    this.delays.forEach((timer) => clearTimeout(timer));
    await this.server.close();
  }

  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.delays.delete(timer);
        resolve();
      }, ms);
      this.delays.add(timer);
    });
  }
}

/** A loopback URL nothing listens on: a service that is down. */
export async function closedPortUrl(): Promise<string> {
  const port = await new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as net.AddressInfo;
      server.close(() => resolve(free));
    });
  });
  return `http://127.0.0.1:${port}`;
}
