import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'tools/infra/cli.mjs');
const DISPOSABLE_ROOT = path.join(ROOT, '.local/disposable-postgres');

/** A TCP port on loopback that nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A PostgreSQL cluster of its own (the same scripts and binaries as the platform's), for a fault test
 * that stops the database under a running app without disturbing the other test files.
 */
export class DisposablePostgres {
  private constructor(
    private readonly dir: string,
    readonly port: number,
    readonly adminUrl: string,
  ) {}

  static async start(): Promise<DisposablePostgres> {
    // Under the repository's .local/, where `npm run infra:down` finds and stops any a killed test left.
    fs.mkdirSync(DISPOSABLE_ROOT, { recursive: true });
    const dir = fs.mkdtempSync(path.join(DISPOSABLE_ROOT, 'pg-'));
    fs.chmodSync(dir, 0o755);
    const port = await freePort();
    const { url } = DisposablePostgres.cli('start', dir, port);
    return new DisposablePostgres(dir, port, url);
  }

  stop(): void {
    DisposablePostgres.cli('stop', this.dir, this.port);
  }

  restart(): void {
    DisposablePostgres.cli('start', this.dir, this.port);
  }

  destroy(): void {
    this.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private static cli(action: 'start' | 'stop', dir: string, port: number): { url: string } {
    const result = spawnSync(process.execPath, [CLI, 'postgres-instance', action, dir, String(port)], {
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`postgres-instance ${action} failed: ${result.stderr}`);
    return JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as { url: string };
  }
}
