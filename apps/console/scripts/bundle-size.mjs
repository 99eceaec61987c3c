#!/usr/bin/env node
// The console's first-load budget (issue 20): the JavaScript a browser must fetch before the first
// page can run, compressed, is at most 250 kB. "First load" is index.html's module scripts and
// modulepreload links and every module they import statically, transitively; a page's lazy chunk
// (import()) is not part of it. Figures are gzip (level 9) and brotli (quality 11) sizes, kB = 1,000
// bytes; the budget holds when the gzip figure, the larger of the two, is within it.
//   node apps/console/scripts/bundle-size.mjs                  build with Vite into a temp dir, measure
//   node apps/console/scripts/bundle-size.mjs --dir <dir>      measure a build already made there
//   options: --budget <kB> (250)  --json (the figures as JSON on stdout)
// Exits 1 over the budget, 2 on bad arguments or a build that cannot be read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The console's base path (vite.config.mjs `base`): asset URLs start with it. */
export const BASE = '/console/';
export const DEFAULT_BUDGET_KB = 250;

const attribute = (tag, name) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];

/** The scripts index.html loads at once: module scripts (with a src) and modulepreload links, in order. */
export function entryScripts(html) {
  const urls = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attribute(tag, 'src');
    if (src && /\stype\s*=\s*["']module["']/i.test(tag)) urls.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = attribute(tag, 'href');
    if (href && /\srel\s*=\s*["']modulepreload["']/i.test(tag)) urls.push(href);
  }
  return [...new Set(urls)];
}

/**
 * The specifiers a built module imports statically: `import … from "x"`, `import "x"` and
 * `export … from "x"` declarations, which the browser fetches before running the module. Dynamic
 * `import("x")` is a lazy chunk and is left out. Built chunks are minified ES modules whose
 * declarations begin a statement, which is what the pattern asks for.
 */
export function staticImports(code) {
  const specifiers = [];
  const declaration =
    /(?:^|[;}\n])\s*(?:import\s*(?:[\w$]+\s*,?\s*)?(?:\{[^}]*\}|\*\s*as\s+[\w$]+)?\s*(?:from\s*)?|export\s*(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*)(["'])([^"'\n]+)\1/g;
  for (const match of code.matchAll(declaration)) specifiers.push(match[2]);
  return [...new Set(specifiers)];
}

/** A URL of the built console (`/console/assets/x.js`, or relative to `from`) as a path under `dir`. */
export function fileOf(url, dir, from = BASE) {
  const resolved = new URL(url, new URL(from, 'http://console.invalid')).pathname;
  if (!resolved.startsWith(BASE)) throw new Error(`${url} is outside the console's base ${BASE}`);
  return path.join(dir, decodeURIComponent(resolved.slice(BASE.length)));
}

/**
 * Every JavaScript file of the first load, from index.html through the static imports, each once:
 * `read(file)` returns a file's text (the build directory's, or a test's).
 */
export function firstLoadFiles(dir, read = (file) => fs.readFileSync(file, 'utf8')) {
  const html = read(path.join(dir, 'index.html'));
  const queue = entryScripts(html).map((url) => ({ url, from: BASE }));
  if (queue.length === 0) throw new Error('index.html loads no module script');
  const files = new Map();
  while (queue.length > 0) {
    const { url, from } = queue.shift();
    const file = fileOf(url, dir, from);
    if (files.has(file)) continue;
    const code = read(file);
    files.set(file, code);
    const self = new URL(url, new URL(from, 'http://console.invalid')).pathname;
    for (const specifier of staticImports(code)) {
      // Bare specifiers cannot occur in a browser build; anything else is a file of the build.
      if (/^(\.{0,2}\/)/.test(specifier)) queue.push({ url: specifier, from: self });
    }
  }
  return files;
}

/** The specifiers of a built module's lazy chunks: `import("x")` with a literal specifier (any quotes). */
export function dynamicImports(code) {
  const call = /\bimport\(\s*(["'`])([^"'`$\n]+)\1\s*\)/g;
  return [...new Set([...code.matchAll(call)].map((match) => match[2]))];
}

/**
 * Each lazy chunk the first load can import (a page), with the files it adds to the first load when
 * the page opens: the chunk and its static imports not already loaded. Keyed by the chunk's file.
 */
export function lazyChunks(dir, firstLoad, read = (file) => fs.readFileSync(file, 'utf8')) {
  const chunks = new Map();
  for (const [file, code] of firstLoad) {
    const from = `${BASE}${path.relative(dir, file).split(path.sep).join('/')}`;
    for (const specifier of dynamicImports(code)) {
      const chunk = fileOf(specifier, dir, from);
      if (chunks.has(chunk) || firstLoad.has(chunk)) continue;
      const added = new Map();
      const queue = [chunk];
      while (queue.length > 0) {
        const next = queue.shift();
        if (added.has(next) || firstLoad.has(next)) continue;
        const text = read(next);
        added.set(next, text);
        const self = `${BASE}${path.relative(dir, next).split(path.sep).join('/')}`;
        for (const inner of staticImports(text))
          if (/^\.{0,2}\//.test(inner)) queue.push(fileOf(inner, dir, self));
      }
      chunks.set(chunk, added);
    }
  }
  return chunks;
}

/** The raw, gzip and brotli sizes of each file and in total, in bytes. */
export function measure(files) {
  const rows = [...files].map(([file, code]) => {
    const bytes = Buffer.from(code);
    return {
      file,
      raw: bytes.length,
      gzip: zlib.gzipSync(bytes, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(bytes, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }).length,
    };
  });
  const total = (key) => rows.reduce((sum, row) => sum + row[key], 0);
  return { rows, raw: total('raw'), gzip: total('gzip'), brotli: total('brotli') };
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

async function buildIntoTemp() {
  const { build } = await import('vite');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'c2c-console-size-'));
  await build({
    configFile: path.join(here, '../vite.config.mjs'),
    logLevel: 'warn',
    build: { outDir: dir, emptyOutDir: true, reportCompressedSize: false },
  });
  return dir;
}

async function main() {
  const { values } = parseArgs({
    options: { dir: { type: 'string' }, budget: { type: 'string' }, json: { type: 'boolean' } },
  });
  const budgetKb = values.budget === undefined ? DEFAULT_BUDGET_KB : Number(values.budget);
  if (!Number.isFinite(budgetKb) || budgetKb <= 0) {
    console.error(`[console:size] --budget must be a positive number of kB, not ${values.budget}`);
    return 2;
  }
  const built = values.dir === undefined;
  const dir = built ? await buildIntoTemp() : path.resolve(values.dir);
  try {
    if (!fs.existsSync(path.join(dir, 'index.html'))) {
      console.error(`[console:size] no index.html in ${dir}: build the console first, or leave out --dir`);
      return 2;
    }
    const firstLoad = firstLoadFiles(dir);
    const figures = measure(firstLoad);
    const within = figures.gzip <= budgetKb * 1000;
    // Not in the budget, but what a user waits for next: the page chunks, the heaviest first.
    const pages = [...lazyChunks(dir, firstLoad)]
      .map(([chunk, files]) => ({ chunk: path.relative(dir, chunk), ...measure(files) }))
      .sort((a, b) => b.gzip - a.gzip);
    if (values.json) {
      const rows = figures.rows.map((row) => ({ ...row, file: path.relative(dir, row.file) }));
      const lazy = pages.map(({ chunk, raw, gzip, brotli }) => ({ chunk, raw, gzip, brotli }));
      console.log(JSON.stringify({ ...figures, rows, budgetKb, within, lazy }, null, 2));
    } else {
      for (const row of figures.rows) {
        console.log(
          `  ${path.relative(dir, row.file).padEnd(40)} ${kB(row.raw).padStart(10)} raw ${kB(row.gzip).padStart(10)} gzip ${kB(row.brotli).padStart(10)} brotli`,
        );
      }
      console.log(
        `[console:size] first load: ${figures.rows.length} file(s), ${kB(figures.gzip)} gzip, ${kB(figures.brotli)} brotli ` +
          `(${kB(figures.raw)} raw); budget ${budgetKb} kB gzip: ${within ? 'within' : 'OVER'}`,
      );
      const heaviest = pages[0];
      if (heaviest) {
        console.log(
          `[console:size] lazy page chunks (not in the budget): ${pages.length}, the heaviest ${heaviest.chunk} ` +
            `adds ${kB(heaviest.gzip)} gzip, ${kB(heaviest.brotli)} brotli with its own imports`,
        );
      }
    }
    return within ? 0 : 1;
  } finally {
    if (built) fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`[console:size] ${error?.message ?? error}`);
      process.exit(2);
    },
  );
}
