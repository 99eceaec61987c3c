#!/usr/bin/env node
// Compiles apps and libraries to dist/ with swc (the same options jest uses): decorator metadata kept,
// `@c2c/*` imports rewritten to relative paths, one .js per .ts, tests left out.
//   node tools/build.mjs                     everything (npm start does this)
//   node tools/build.mjs apps/cities         one project, into dist/apps/cities (the Nx `build` target,
//                                            cached per project: `nx affected -t build`)
//   node tools/build.mjs --console           the web console (apps/console, a Vite app, not Node code)
//                                            into dist/apps/console, skipped while its inputs' hash
//                                            matches the last build's (npm start does this)
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const swc = require('@swc/core');
const swcOptions = require('./swc.config.cjs');

const out = path.join(root, 'dist');
// Browser code, built by Vite (see buildConsole), never by swc.
const CONSOLE = 'apps/console';
const consoleOut = path.join(out, CONSOLE);

/** The hash of everything the console's build reads: its sources and config, and the locked dependencies. */
function consoleInputsHash() {
  const hash = createHash('sha256');
  const files = [];
  const collect = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') collect(full);
      } else if (!/\.spec\.ts$/.test(entry.name)) files.push(full);
    }
  };
  collect(path.join(root, CONSOLE));
  files.push(path.join(root, 'package-lock.json'));
  for (const file of files.sort())
    hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file));
  return hash.digest('hex');
}

function buildConsole() {
  const stamp = path.join(consoleOut, '.inputs-sha256');
  const inputs = consoleInputsHash();
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === inputs) {
    console.log('[build] console unchanged since its last build; kept dist/apps/console');
    return;
  }
  const started = Date.now();
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', `${CONSOLE}/vite.config.mjs`, '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('the console build failed');
  fs.writeFileSync(stamp, inputs);
  console.log(`[build] console built to dist/apps/console in ${Date.now() - started} ms`);
}

if (process.argv.includes('--console')) {
  buildConsole();
  process.exit(0);
}
const sources = [];
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'test' && path.relative(root, full) !== CONSOLE)
        walk(full);
    } else if (entry.name.endsWith('.ts') && !/\.(spec|int-spec|d)\.ts$/.test(entry.name)) {
      sources.push(full);
    }
  }
};
const projects = process.argv.slice(2);
const roots = projects.length > 0 ? projects : ['apps', 'libs'];
for (const top of roots) {
  const dir = path.join(root, top);
  if (!fs.existsSync(dir)) throw new Error(`no such project: ${top}`);
  walk(dir);
}

const started = Date.now();
// The console's output is its own build's (and its cache): clearing dist/apps leaves it.
for (const top of roots) {
  const target = path.join(out, top);
  if (top === 'apps' && fs.existsSync(target)) {
    for (const entry of fs.readdirSync(target)) {
      if (path.join(target, entry) !== consoleOut)
        fs.rmSync(path.join(target, entry), { recursive: true, force: true });
    }
  } else fs.rmSync(target, { recursive: true, force: true });
}
const options = { ...swcOptions({ paths: true }), sourceMaps: true };
await Promise.all(
  sources.map(async (file) => {
    const target = path.join(out, path.relative(root, file)).replace(/\.ts$/, '.js');
    const { code, map } = await swc.transformFile(file, { ...options, filename: file, outputPath: target });
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
    if (map) fs.writeFileSync(`${target}.map`, map);
  }),
);
console.log(`[build] ${sources.length} files compiled to dist/ in ${Date.now() - started} ms`);
