#!/usr/bin/env node
// Compiles apps and libraries to dist/ with swc (the same options jest uses): decorator metadata kept,
// `@c2c/*` imports rewritten to relative paths, one .js per .ts, tests left out.
//   node tools/build.mjs                     everything (npm start does this)
//   node tools/build.mjs apps/cities         one project, into dist/apps/cities (the Nx `build` target,
//                                            cached per project: `nx affected -t build`)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const swc = require('@swc/core');
const swcOptions = require('./swc.config.cjs');

const out = path.join(root, 'dist');
const sources = [];
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'test') walk(full);
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
for (const top of roots) fs.rmSync(path.join(out, top), { recursive: true, force: true });
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
