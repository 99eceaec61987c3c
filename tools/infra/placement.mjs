// Where a private PostgreSQL cluster can live. As root the server runs as the postgres user, which
// must traverse every directory above the cluster; a clone in a 0700 home (/root/x) denies that, and
// initdb then fails with "Permission denied". Such a cluster is placed under /var/tmp (or the system's
// temporary directory) instead, and the choice is recorded so that status, down and logs find it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InfraError, isRoot, run } from './process.mjs';

/** Every directory from the root down to `dir` itself: '/a/b' -> ['/', '/a', '/a/b']. */
export function ancestors(dir) {
  const chain = [];
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    chain.unshift(current);
    if (path.dirname(current) === current) return chain;
  }
}

/**
 * Whether `user` ({ uid, gids }) may search (traverse) every directory of `chain`
 * ([{ path, mode, uid, gid }], from the root down). Pure: the caller supplies the stat data.
 * The POSIX classes are exclusive: an owner is judged by the owner bits alone, a group member by the
 * group bits alone, even where "other" would allow more. ACLs are not consulted.
 * @returns {{ reachable: true } | { reachable: false, blockedAt: string, mode: number, uid: number }}
 */
export function canTraverse(chain, user) {
  if (user.uid === 0) return { reachable: true };
  for (const dir of chain) {
    const bit = dir.uid === user.uid ? 0o100 : user.gids.includes(dir.gid) ? 0o010 : 0o001;
    if ((dir.mode & bit) === 0)
      return { reachable: false, blockedAt: dir.path, mode: dir.mode & 0o7777, uid: dir.uid };
  }
  return { reachable: true };
}

/** The stat data canTraverse needs, for an existing directory, symbolic links resolved. */
export function statChain(dir, stat = fs.statSync) {
  return ancestors(fs.realpathSync(dir)).map((p) => {
    const s = stat(p);
    return { path: p, mode: s.mode, uid: s.uid, gid: s.gid };
  });
}

/** The user the server runs as when this process is root, or null when it runs as the caller. */
export function serverUser(name = 'postgres') {
  if (!isRoot()) return null;
  const id = (flag) => {
    try {
      return run('id', [flag, name]).trim();
    } catch {
      throw new InfraError(
        `as root the PostgreSQL server runs as the "${name}" user, which does not exist; install the postgresql package (it creates the user) or run as a normal user`,
      );
    }
  };
  return { name, uid: Number(id('-u')), gid: Number(id('-g')), gids: id('-G').split(/\s+/).map(Number) };
}

/** The relocated directory for a cluster requested at `dir`: named after a hash of its absolute path. */
export function relocationTarget(dir, base) {
  const hash = createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 16);
  return path.join(base, `c2c-postgres-${hash}`);
}

export const relocationBases = () => [...new Set(['/var/tmp', os.tmpdir()])];

export function readRecord(file) {
  try {
    const record = JSON.parse(fs.readFileSync(file, 'utf8'));
    return typeof record.dir === 'string' ? record : null;
  } catch {
    return null;
  }
}

/** The directory a relocated cluster was requested at, from its origin.json. */
export function readOrigin(relocated) {
  try {
    const { requested } = JSON.parse(fs.readFileSync(path.join(relocated, 'origin.json'), 'utf8'));
    return typeof requested === 'string' ? requested : null;
  } catch {
    return null;
  }
}

const describe = (result) =>
  `${result.blockedAt} (mode ${result.mode.toString(8).padStart(4, '0')}, owner uid ${result.uid})`;

/**
 * The directory a cluster requested at `dir` lives in: the recorded one if any, else `dir` when the
 * server user can reach it, else a fresh 0700 directory of the server user's under a reachable base,
 * which is recorded in `recordFile`. Returns { dir, relocated, reason? }.
 */
export function placeCluster(dir, recordFile, { user = serverUser(), bases = relocationBases() } = {}) {
  const recorded = readRecord(recordFile);
  if (recorded) return { dir: recorded.dir, relocated: recorded.dir !== dir };
  if (!user) return { dir, relocated: false };
  const parent = path.dirname(dir);
  fs.mkdirSync(parent, { recursive: true });
  const here = canTraverse(statChain(parent), user);
  if (here.reachable) return { dir, relocated: false };
  if (fs.existsSync(path.join(dir, 'data', 'PG_VERSION'))) {
    throw new InfraError(
      `the PostgreSQL cluster in ${dir} cannot be reached by the ${user.name} user, blocked at ${describe(here)}; run chmod o+x on that directory, or remove ${dir} to have it recreated where ${user.name} can reach it`,
    );
  }
  const base = bases.find((b) => fs.existsSync(b) && canTraverse(statChain(b), user).reachable);
  if (!base) {
    throw new InfraError(
      `the ${user.name} user cannot reach ${dir} (blocked at ${describe(here)}) nor any of ${bases.join(', ')}; clone the repository where ${user.name} can enter, run as a normal user, or set DATABASE_URL`,
    );
  }
  const target = relocationTarget(dir, base);
  makePrivateDir(target, user);
  fs.writeFileSync(path.join(target, 'origin.json'), `${JSON.stringify({ requested: dir }, null, 2)}\n`);
  fs.mkdirSync(path.dirname(recordFile), { recursive: true });
  fs.writeFileSync(recordFile, `${JSON.stringify({ dir: target, requested: dir }, null, 2)}\n`);
  return { dir: target, relocated: true, reason: `the ${user.name} user cannot enter ${describe(here)}` };
}

// In a world-writable base another user could have made the name first: accept only a real
// directory, not a link, owned by the server user or root and closed to everyone else.
function makePrivateDir(target, user) {
  try {
    fs.mkdirSync(target, { mode: 0o700 });
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    const s = fs.lstatSync(target);
    if (!s.isDirectory() || ![0, user.uid].includes(s.uid) || (s.mode & 0o077) !== 0) {
      throw new InfraError(
        `${target} exists but is not a private directory of ${user.name} or root; remove it and retry`,
      );
    }
  }
  fs.chmodSync(target, 0o700);
  fs.chownSync(target, user.uid, user.gid);
}
