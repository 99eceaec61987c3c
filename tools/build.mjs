#!/usr/bin/env node
// Compiles every app and library to dist/ with swc (the same options jest uses): decorator metadata
// kept, `@c2c/*` imports rewritten to relative paths, one .js per .ts, tests left out.
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
for (const top of ['apps', 'libs']) {
  const dir = path.join(root, top);
  if (fs.existsSync(dir)) walk(dir);
}

const started = Date.now();
fs.rmSync(out, { recursive: true, force: true });
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
