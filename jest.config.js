// One jest run for the whole repository, in three tiers (run one with `npm run test:unit`,
// `test:int` or `test:e2e`; `npm test` runs them all):
//   unit         *.spec.ts beside the code: no broker, database or Java; seconds on a fresh clone
//   integration  *.int-spec.ts under each project's test/: one service or library against the real
//                Kafka and PostgreSQL, which the tier's global setup brings up once (or finds through
//                KAFKA_BROKERS / DATABASE_URL)
//   e2e          *.e2e-spec.ts in apps/platform-e2e: the apps together, through the gateway
//   browser      *.browser-spec.ts in apps/console-e2e: the web console in Debian's Chromium, driven by
//                playwright-core, against the apps together
// A project's global setup runs only when one of its tests is selected, so the unit tier starts nothing.
const { compilerOptions } = require('./tsconfig.base.json');
const swcOptions = require('./tools/swc.config.cjs');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);

// content-disposition 3, which @fastify/static (Swagger UI's file server) requires, ships only as an
// ES module: Node 24 requires it natively, jest's module system cannot, so jest compiles it to CommonJS.
const ESM_ONLY = '(@fastify/static/node_modules/)?content-disposition/';

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', swcOptions()],
    [`/node_modules/${ESM_ONLY}.+\\.js$`]: [
      '@swc/jest',
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2023' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!${ESM_ONLY})`],
  moduleNameMapper,
  setupFiles: ['reflect-metadata'],
};

const withInfrastructure = {
  ...common,
  globalSetup: '<rootDir>/libs/testing/src/infrastructure/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/infrastructure/global-teardown.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/*/src/**/*.spec.ts'] },
    {
      ...withInfrastructure,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,examples}/*/test/**/*.int-spec.ts'],
    },
    {
      ...withInfrastructure,
      displayName: 'e2e',
      testMatch: ['<rootDir>/apps/platform-e2e/**/*.e2e-spec.ts'],
    },
    {
      ...common,
      // Its own setup: the infrastructure's, and one build of the console for every browser file.
      // jest resolves a setup file's imports without moduleNameMapper, so swc rewrites the aliases.
      transform: { ...common.transform, '^.+\\.ts$': ['@swc/jest', swcOptions({ paths: true })] },
      globalSetup: '<rootDir>/apps/console-e2e/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/apps/console-e2e/test/support/global-teardown.ts',
      displayName: 'browser',
      testMatch: ['<rootDir>/apps/console-e2e/**/*.browser-spec.ts'],
    },
  ],
  // Integration files each get their own database and topic namespace, so two can run side by side.
  maxWorkers: 2,
  testTimeout: 60_000,
  slowTestThreshold: 15,
};
