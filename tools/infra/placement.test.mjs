// node --test tools/infra/placement.test.mjs
// Unit tests on fake stat data, then (as root, with a postgres user) the real system: a 0700 directory
// under /tmp that the postgres user cannot enter, and a disposable cluster relocated out of it on a
// port of its own. Never binds 5433/9092 nor touches the repository's .local/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  ancestors,
  canTraverse,
  placeCluster,
  readOrigin,
  relocationTarget,
  serverUser,
  statChain,
} from './placement.mjs';
import { postgresInstance } from './postgres.mjs';
import { isRoot } from './process.mjs';

const CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli.mjs');
const dir = (p, mode, uid = 0, gid = 0) => ({ path: p, mode: 0o40000 | mode, uid, gid });
const postgres = { uid: 101, gids: [104] };

describe('canTraverse', () => {
  test('a 0700 home owned by root blocks another user, naming the directory', () => {
    const chain = [dir('/', 0o755), dir('/root', 0o700), dir('/root/x', 0o755)];
    assert.deepEqual(canTraverse(chain, postgres), {
      reachable: false,
      blockedAt: '/root',
      mode: 0o700,
      uid: 0,
    });
  });

  test('world-searchable directories (and a sticky 1777 /tmp) let anyone through', () => {
    const chain = [dir('/', 0o755), dir('/tmp', 0o1777), dir('/tmp/repo', 0o711)];
    assert.deepEqual(canTraverse(chain, postgres), { reachable: true });
  });

  test('the owner is judged by the owner bits alone, even where "other" allows', () => {
    assert.equal(canTraverse([dir('/d', 0o055, 101, 0)], postgres).reachable, false);
    assert.equal(canTraverse([dir('/d', 0o700, 101, 0)], postgres).reachable, true);
  });

  test('a member of the group is judged by the group bits alone', () => {
    assert.equal(canTraverse([dir('/d', 0o750, 0, 104)], postgres).reachable, true);
    assert.equal(canTraverse([dir('/d', 0o701, 0, 104)], postgres).reachable, false);
    assert.equal(canTraverse([dir('/d', 0o710, 0, 104)], { uid: 101, gids: [5, 104] }).reachable, true);
  });

  test('read without search (r--) is not enough to traverse', () => {
    assert.equal(canTraverse([dir('/d', 0o744)], postgres).reachable, false);
  });

  test('root reaches everything', () => {
    assert.equal(canTraverse([dir('/root', 0o700, 1000, 1000)], { uid: 0, gids: [0] }).reachable, true);
  });
});

describe('ancestors and statChain', () => {
  test('every directory from the root down', () => {
    assert.deepEqual(ancestors('/root/x/.local'), ['/', '/root', '/root/x', '/root/x/.local']);
    assert.deepEqual(ancestors('/'), ['/']);
  });

  test('statChain reads the stat data of each, through the stat function given', () => {
    const seen = [];
    const fake = (p) => (seen.push(p), { mode: 0o40755, uid: 7, gid: 8 });
    const chain = statChain(os.tmpdir(), fake);
    assert.deepEqual(seen, ancestors(fs.realpathSync(os.tmpdir())));
    assert.deepEqual(chain.at(-1), { path: fs.realpathSync(os.tmpdir()), mode: 0o40755, uid: 7, gid: 8 });
  });
});

describe('relocationTarget', () => {
  test('is named after a hash of the absolute path, stable and distinct', () => {
    const a = relocationTarget('/root/x/.local/postgres', '/var/tmp');
    assert.match(a, /^\/var\/tmp\/c2c-postgres-[0-9a-f]{16}$/);
    assert.equal(relocationTarget('/root/x/.local/postgres', '/var/tmp'), a);
    assert.notEqual(relocationTarget('/root/y/.local/postgres', '/var/tmp'), a);
  });
});

const temps = [];
const tempDir = (prefix, mode) => {
  const made = fs.mkdtempSync(path.join('/tmp', prefix));
  fs.chmodSync(made, mode);
  temps.push(made);
  return made;
};
after(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));

describe('placeCluster', () => {
  test('without a server user of its own (not root) the cluster stays where it was asked', () => {
    const requested = path.join(tempDir('c2c-place-', 0o700), '.local/postgres');
    const placed = placeCluster(requested, path.join(requested, 'location.json'), { user: null });
    assert.deepEqual(placed, { dir: requested, relocated: false });
  });

  test('a recorded placement wins, so status and down find a relocated cluster', () => {
    const requested = path.join(tempDir('c2c-place-', 0o755), 'postgres');
    fs.mkdirSync(requested);
    const record = path.join(requested, 'location.json');
    fs.writeFileSync(record, JSON.stringify({ dir: '/var/tmp/c2c-postgres-elsewhere' }));
    assert.equal(placeCluster(requested, record, { user: postgres }).dir, '/var/tmp/c2c-postgres-elsewhere');
    assert.equal(postgresInstance(requested, 1).data, '/var/tmp/c2c-postgres-elsewhere/data');
  });
});

const user = isRoot()
  ? (() => {
      try {
        return serverUser();
      } catch {
        return null;
      }
    })()
  : null;
const asPostgres = (...args) => spawnSync('runuser', ['-u', 'postgres', '--', ...args]).status === 0;
const real = { skip: user ? false : 'needs root and a postgres user' };

describe('on the real system, as root', () => {
  test(
    'a path inside a 0700 directory under /tmp is unreachable for postgres; the relocation base is reachable',
    real,
    () => {
      const closed = tempDir('c2c-closed-', 0o700);
      const requested = path.join(closed, 'repo/.local/postgres');
      fs.mkdirSync(path.dirname(requested), { recursive: true });
      const verdict = canTraverse(statChain(path.dirname(requested)), user);
      assert.equal(verdict.reachable, false);
      assert.equal(verdict.blockedAt, fs.realpathSync(closed));
      assert.equal(asPostgres('test', '-x', path.dirname(requested)), false, 'the system agrees: blocked');

      for (const base of ['/var/tmp', os.tmpdir()]) {
        assert.equal(canTraverse(statChain(base), user).reachable, true, base);
        assert.equal(asPostgres('test', '-x', base), true, `the system agrees: ${base} is reachable`);
      }

      const base = tempDir('c2c-base-', 0o755);
      const placed = placeCluster(requested, path.join(requested, 'location.json'), { user, bases: [base] });
      assert.equal(placed.relocated, true);
      assert.equal(placed.dir, relocationTarget(requested, base));
      assert.match(placed.reason, new RegExp(`cannot enter ${fs.realpathSync(closed)} \\(mode 0700`));
      const s = fs.statSync(placed.dir);
      assert.deepEqual([s.mode & 0o7777, s.uid, s.gid], [0o700, user.uid, user.gid]);
      assert.equal(asPostgres('test', '-w', placed.dir), true, 'postgres can write its new home');
      assert.equal(readOrigin(placed.dir), requested);
      assert.equal(postgresInstance(requested, 1).dir, placed.dir, 'the choice is remembered');
    },
  );

  test('with nowhere reachable, it fails early in one line that says what to do', real, () => {
    const requested = path.join(tempDir('c2c-closed-', 0o700), 'pg');
    const closedBase = tempDir('c2c-base-', 0o700);
    assert.throws(
      () => placeCluster(requested, path.join(requested, 'location.json'), { user, bases: [closedBase] }),
      (error) =>
        /^the postgres user cannot reach .* clone the repository where postgres can enter/.test(
          error.message,
        ) && !error.message.includes('\n'),
    );
  });

  test(
    'a cluster already made where postgres cannot reach it is not moved, but named with a fix',
    real,
    () => {
      const requested = path.join(tempDir('c2c-closed-', 0o700), 'pg');
      fs.mkdirSync(path.join(requested, 'data'), { recursive: true });
      fs.writeFileSync(path.join(requested, 'data/PG_VERSION'), '15\n');
      assert.throws(
        () => placeCluster(requested, path.join(requested, 'location.json'), { user, bases: ['/var/tmp'] }),
        /cannot be reached by the postgres user, blocked at .*; run chmod o\+x/,
      );
    },
  );

  test('a directory someone else made first under the name is refused', real, () => {
    const requested = path.join(tempDir('c2c-closed-', 0o700), 'pg');
    const base = tempDir('c2c-base-', 0o755);
    fs.mkdirSync(relocationTarget(requested, base), { mode: 0o777 });
    fs.chmodSync(relocationTarget(requested, base), 0o777);
    assert.throws(
      () => placeCluster(requested, path.join(requested, 'location.json'), { user, bases: [base] }),
      /is not a private directory/,
    );
  });

  test(
    'a disposable cluster requested in a 0700 directory runs relocated, on a port of its own',
    real,
    async (t) => {
      if (
        !fs.existsSync('/usr/lib/postgresql') &&
        !spawnSync('sh', ['-c', 'command -v pg_config']).stdout.length
      )
        return t.skip('no PostgreSQL server binaries');
      const requested = path.join(tempDir('c2c-closed-', 0o700), 'pg');
      fs.mkdirSync(requested);
      const port = await freePort();
      assert.ok(![5433, 9092, 9093].includes(port));
      const cli = (action) =>
        spawnSync(process.execPath, [CLI, 'postgres-instance', action, requested, String(port)], {
          encoding: 'utf8',
          timeout: 60_000,
        });
      const relocated = relocationTarget(requested, '/var/tmp');
      t.after(() => {
        cli('stop');
        fs.rmSync(relocated, { recursive: true, force: true });
      });
      const started = cli('start');
      assert.equal(started.status, 0, started.stderr);
      assert.deepEqual(
        JSON.parse(started.stdout.trim().split('\n').at(-1)).url.split('@')[1],
        `127.0.0.1:${port}/c2c`,
      );
      assert.ok(fs.existsSync(path.join(relocated, 'data/PG_VERSION')), 'the cluster lives in /var/tmp');
      assert.equal(postgresInstance(requested, port).dir, relocated);
      const stopped = cli('stop');
      assert.equal(stopped.status, 0, stopped.stderr);
      assert.equal(fs.existsSync(path.join(relocated, 'data/postmaster.pid')), false, 'stopped');
    },
  );
  test(
    'a clone in a 0700 directory: its cluster is relocated, status names it, down stops it and removes an orphaned disposable one',
    real,
    async (t) => {
      if (!fs.existsSync('/usr/lib/postgresql')) return t.skip('no PostgreSQL server binaries');
      // A copy of tools/infra is a clone as far as the scripts go: they find everything from ROOT.
      const repo = path.join(tempDir('c2c-closed-', 0o700), 'repo');
      fs.mkdirSync(path.join(repo, 'tools'), { recursive: true });
      fs.cpSync(path.dirname(CLI), path.join(repo, 'tools/infra'), { recursive: true });
      fs.symlinkSync(path.resolve(path.dirname(CLI), '../../node_modules'), path.join(repo, 'node_modules'));
      fs.writeFileSync(path.join(repo, 'package.json'), '{}');
      const cli = path.join(repo, 'tools/infra/cli.mjs');
      const run = (args, options = {}) =>
        spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', timeout: 60_000, ...options });
      const requested = path.join(repo, '.local/postgres');
      const relocated = relocationTarget(requested, '/var/tmp');
      const disposable = path.join(repo, '.local/disposable-postgres/pg-gone');
      const orphan = relocationTarget(disposable, '/var/tmp');
      t.after(() => {
        run([cli, 'down']);
        for (const d of [relocated, orphan]) fs.rmSync(d, { recursive: true, force: true });
      });

      // `up` binds 5433; the same start on a free port is what it does for the platform's cluster.
      const port = await freePort();
      const script = `import { postgresInstance, startLocalPostgres } from './tools/infra/postgres.mjs';
      await startLocalPostgres(console.log, postgresInstance(undefined, ${port}));`;
      const started = run(['--input-type=module', '-e', script]);
      assert.equal(started.status, 0, started.stderr);
      assert.match(
        started.stdout,
        new RegExp(`PostgreSQL cluster placed in ${relocated}: the postgres user cannot enter`),
      );
      const status = run([cli, 'status'], { env: { ...process.env, DATABASE_URL: '' } });
      assert.match(status.stdout, new RegExp(`local, pid \\d+, cluster in ${relocated}`));

      // A disposable cluster whose test destroyed only its .local directory leaves an orphan behind.
      fs.mkdirSync(disposable, { recursive: true });
      assert.equal(run([cli, 'postgres-instance', 'start', disposable, String(await freePort())]).status, 0);
      assert.equal(run([cli, 'postgres-instance', 'stop', disposable, '0']).status, 0);
      fs.rmSync(disposable, { recursive: true });

      const down = run([cli, 'down']);
      assert.equal(down.status, 0, down.stderr);
      assert.match(down.stdout, /PostgreSQL stopped/);
      assert.equal(fs.existsSync(path.join(relocated, 'data/postmaster.pid')), false);
      assert.equal(fs.existsSync(path.join(relocated, 'data/PG_VERSION')), true, 'the cluster is kept');
      assert.equal(fs.existsSync(orphan), false, 'the orphan is removed');
    },
  );
});

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
