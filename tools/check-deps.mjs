// `npm run check:deps`: every runtime-critical package resolves to exactly one version in the installed
// production tree (what the image ships; a copy a benchmark's dev dependency brings never runs there). Two copies mean a security patch to the declared one may not reach the copy that runs (as the
// fastify that @nestjs/platform-fastify pinned did); the fix is an `overrides` entry in package.json.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const CRITICAL = ['fastify', 'pg', 'kafkajs', 'jose', 'argon2'];

function lsTree() {
  try {
    return execFileSync('npm', ['ls', '--all', '--json', '--omit=dev'], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (error) {
    // npm ls exits non-zero on any tree problem (an extraneous or invalid package) but still prints the
    // tree; judge the tree, and let `npm ci` be the judge of the rest.
    if (typeof error.stdout === 'string' && error.stdout.trim().startsWith('{')) return error.stdout;
    throw error;
  }
}

/** Every version of each critical package found anywhere in the tree, with who pulls it in. */
function versionsIn(tree) {
  const found = new Map(CRITICAL.map((name) => [name, new Map()]));
  // Iterative walk: the tree is deep, and one node may be reached many times through dedupes.
  const stack = [{ node: tree, path: '(root)' }];
  while (stack.length > 0) {
    const { node, path } = stack.pop();
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      if (found.has(name) && typeof child.version === 'string') {
        const users = found.get(name).get(child.version) ?? new Set();
        users.add(path);
        found.get(name).set(child.version, users);
      }
      stack.push({ node: child, path: `${path} > ${name}` });
    }
  }
  return found;
}

// A saved `npm ls --all --json` may be given instead (how the check itself is tried on a bad tree).
const saved = process.argv[2];
const found = versionsIn(JSON.parse(saved ? readFileSync(saved, 'utf8') : lsTree()));
let failed = false;
for (const [name, versions] of found) {
  if (versions.size === 1) {
    console.log(`check:deps: ${name} ${[...versions.keys()][0]}`);
  } else if (versions.size === 0) {
    failed = true;
    console.error(`check:deps: ${name} is not installed`);
  } else {
    failed = true;
    console.error(`check:deps: ${name} resolves to ${versions.size} versions:`);
    for (const [version, users] of versions) {
      console.error(`  ${version} via ${[...users].slice(0, 3).join('; ')}`);
    }
  }
}
if (failed) {
  console.error('check:deps: add an `overrides` entry in package.json so one version is used everywhere');
  process.exit(1);
}
