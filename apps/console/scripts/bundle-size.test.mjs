// The first-load measurement's own tests (node's test runner; jest's unit project covers src/ only):
//   node --test apps/console/scripts/bundle-size.test.mjs
import assert from 'node:assert/strict';
import path from 'node:path';
import test from 'node:test';
import { entryScripts, fileOf, firstLoadFiles, lazyChunks, measure, staticImports } from './bundle-size.mjs';

const DIR = '/build';

/** A build as a map of files, read as the script reads a directory. */
const reader = (files) => (file) => {
  const key = path.relative(DIR, file);
  if (!(key in files)) throw new Error(`no file ${key}`);
  return files[key];
};

test('index.html: module scripts and modulepreload links, not classic scripts or stylesheets', () => {
  const html = `<script type="module" crossorigin src="/console/assets/index-a.js"></script>
    <link rel="modulepreload" crossorigin href="/console/assets/vendor-b.js">
    <link rel="stylesheet" href="/console/assets/index.css">
    <script src="/console/legacy.js"></script>`;
  assert.deepEqual(entryScripts(html), ['/console/assets/index-a.js', '/console/assets/vendor-b.js']);
});

test('static imports and re-exports are followed; dynamic import() is a lazy chunk and is not', () => {
  const code =
    'const __vite__mapDeps=(i)=>i;import{a as e,b as t}from"./react-c.js";import"./side-d.js";' +
    'import f from"./default-e.js";export*from"./all-f.js";export{g}from"./some-g.js";' +
    'const p=()=>import("./map-page-h.js");export{e as default};';
  assert.deepEqual(staticImports(code), [
    './react-c.js',
    './side-d.js',
    './default-e.js',
    './all-f.js',
    './some-g.js',
  ]);
});

test('URLs resolve under the base, relative ones against the importing module', () => {
  assert.equal(fileOf('/console/assets/a.js', DIR), path.join(DIR, 'assets/a.js'));
  assert.equal(fileOf('./b.js', DIR, '/console/assets/a.js'), path.join(DIR, 'assets/b.js'));
  assert.throws(() => fileOf('/elsewhere/c.js', DIR), /outside the console's base/);
});

test('the first load is the entry and its static imports, transitively, each once', () => {
  const files = firstLoadFiles(
    DIR,
    reader({
      'index.html': '<script type="module" src="/console/assets/index.js"></script>',
      'assets/index.js': 'import{x}from"./shared.js";const m=()=>import("./map-page.js");',
      'assets/shared.js': 'import"./index.js";export const x=1;',
      'assets/map-page.js': 'import"./d3.js";',
      'assets/d3.js': 'x'.repeat(100_000),
    }),
  );
  assert.deepEqual(
    [...files.keys()].map((file) => path.relative(DIR, file)),
    ['assets/index.js', 'assets/shared.js'],
  );
});

test('an index.html without a module script is refused', () => {
  assert.throws(
    () => firstLoadFiles(DIR, reader({ 'index.html': '<p>no app</p>' })),
    /loads no module script/,
  );
});

test('sizes: compressed figures are smaller than raw for repetitive code, and totals add up', () => {
  const figures = measure(
    new Map([
      ['a.js', 'function hello(){return "hello"}'.repeat(200)],
      ['b.js', 'export const b=2;'],
    ]),
  );
  assert.equal(figures.rows.length, 2);
  assert.equal(figures.raw, figures.rows[0].raw + figures.rows[1].raw);
  assert.equal(figures.gzip, figures.rows[0].gzip + figures.rows[1].gzip);
  assert.ok(figures.rows[0].gzip < figures.rows[0].raw / 10);
  assert.ok(figures.rows[0].brotli <= figures.rows[0].gzip);
});

test('lazy chunks: each page with the files it adds beyond the first load', () => {
  const files = {
    'index.html': '<script type="module" src="/console/assets/index.js"></script>',
    'assets/index.js': 'const m=()=>n(()=>import("./map-page.js"),[]);const h=()=>import(`./home.js`);',
    'assets/map-page.js': 'import{r}from"./index.js";import"./d3.js";',
    'assets/d3.js': 'd3',
    'assets/home.js': 'import"./index.js";',
  };
  const firstLoad = firstLoadFiles(DIR, reader(files));
  const chunks = lazyChunks(DIR, firstLoad, reader(files));
  const names = (map) => [...map.keys()].map((file) => path.relative(DIR, file));
  assert.deepEqual(names(chunks), ['assets/map-page.js', 'assets/home.js']);
  assert.deepEqual(names(chunks.get(path.join(DIR, 'assets/map-page.js'))), [
    'assets/map-page.js',
    'assets/d3.js',
  ]);
});
