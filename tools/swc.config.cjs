// One swc configuration for jest and for the build. Decorator metadata must stay on: NestJS reads
// constructor parameter types from it, and class-validator without it silently accepts everything.
const path = require('node:path');
const tsconfig = require('../tsconfig.base.json');

const root = path.resolve(__dirname, '..');

/** @param {{ paths?: boolean }} options */
module.exports = function swcOptions({ paths = false } = {}) {
  return {
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
      ...(paths ? { baseUrl: root, paths: tsconfig.compilerOptions.paths } : {}),
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  };
};
