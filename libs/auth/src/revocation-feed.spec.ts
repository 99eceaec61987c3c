import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REVOCATION_KEY_HEADER, type RevocationFeedDocument } from './revocation';
import { RevocationFeed } from './revocation-feed';

const SECRET = 'a-feed-secret-of-at-least-32-characters';

/** A gateway's feed on loopback: answers `document` to the right secret, 404 otherwise. */
async function feedServer(
  document: () => RevocationFeedDocument | 'down',
): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const answer = document();
    if (answer === 'down' || request.headers[REVOCATION_KEY_HEADER] !== SECRET) {
      response.statusCode = answer === 'down' ? 503 : 404;
      response.end();
      return;
    }
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/.well-known/c2c-revocations`, server };
}

const listing = (...entries: [string, number][]): RevocationFeedDocument => ({
  windowSeconds: 960,
  entries: entries.map(([sub, tokenVersion]) => ({ sub, tokenVersion, notBefore: new Date().toISOString() })),
});

describe(RevocationFeed.name, () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  });

  it('refuses tokens below a listed version, and only those', async () => {
    const started = await feedServer(() => listing(['user-1', 3]));
    server = started.server;
    const feed = new RevocationFeed({ url: started.url, secret: SECRET });
    expect(feed.accepts('user-1', 2)).toBe(true); // nothing read yet
    await expect(feed.refresh()).resolves.toBe(true);
    expect([feed.accepts('user-1', 2), feed.accepts('user-1', 3), feed.accepts('user-2', 0)]).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('replaces the list with each read, and keeps the last one while the gateway is down', async () => {
    let answer: RevocationFeedDocument | 'down' = listing(['user-1', 2]);
    const started = await feedServer(() => answer);
    server = started.server;
    const feed = new RevocationFeed({ url: started.url, secret: SECRET });
    await feed.refresh();
    answer = 'down';
    await expect(feed.refresh()).resolves.toBe(false);
    expect(feed.accepts('user-1', 1)).toBe(false);
    answer = listing();
    await expect(feed.refresh()).resolves.toBe(true);
    expect(feed.accepts('user-1', 1)).toBe(true);
  });

  it('is not read without the secret', async () => {
    const started = await feedServer(() => listing(['user-1', 2]));
    server = started.server;
    const feed = new RevocationFeed({ url: started.url, secret: 'another-secret-of-at-least-32-chars!' });
    await expect(feed.refresh()).resolves.toBe(false);
  });
});
