// One jest run for the whole repository: unit tests (*.spec.ts) beside the code and integration tests
// (*.int-spec.ts) under each project's test/ folder, against the real Kafka and PostgreSQL that the
// global setup brings up once (or finds through KAFKA_BROKERS / DATABASE_URL).
const { compilerOptions } = require('./tsconfig.base.json');
const swcOptions = require('./tools/swc.config.cjs');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swcOptions()] },
  moduleNameMapper,
  testMatch: ['<rootDir>/{apps,libs}/**/*.{spec,int-spec}.ts'],
  globalSetup: '<rootDir>/libs/testing/src/infrastructure/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/infrastructure/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
  // Integration files each get their own database and topic namespace, so two can run side by side.
  maxWorkers: 2,
  testTimeout: 60_000,
  slowTestThreshold: 15,
};
