// Child of pack.mjs: loads the compiled package in <staging>/dist and writes what it generates beside it,
// schemas/<event-type>.json and asyncapi.json; prints the catalogue version and the event types as JSON.
// A process of its own so that NODE_PATH (set by the parent) resolves the package's dependencies.
const fs = require('node:fs');
const path = require('node:path');

const staging = process.argv[2];
const contracts = require(path.join(staging, 'dist/index.js'));

const write = (file, value) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
};

for (const type of contracts.EVENT_TYPES)
  write(path.join(staging, 'schemas', `${type}.json`), contracts.eventJsonSchema(type));
write(path.join(staging, 'asyncapi.json'), contracts.buildAsyncApiDocument());

process.stdout.write(
  JSON.stringify({ catalogueVersion: contracts.EVENT_CATALOGUE_VERSION, eventTypes: contracts.EVENT_TYPES }),
);
