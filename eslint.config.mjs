// Lint rules for the whole workspace. The module-boundary matrix is the architecture as a rule:
//   type:app       → infra, contracts            (never another app)
//   type:infra     → infra, contracts
//   type:contracts → contracts only              (plain TypeScript: no Nest, TypeORM or kafkajs)
//   type:testing   → infra, contracts, testing   (and only test files may import it)
//   type:e2e       → apps, infra, contracts, testing (the one place where the apps meet in a test)
//   type:web       → nothing (the web console: only its own code and the API types generated into it)
//   scope:<service> → its own scope and shared;  scope:shared → shared only
import nx from '@nx/eslint-plugin';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const typeConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:infra', 'type:contracts'] },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:infra', 'type:contracts'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:infra', 'type:contracts', 'type:testing'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:infra', 'type:contracts'] },
  { sourceTag: 'type:web', onlyDependOnLibsWithTags: [] },
  {
    sourceTag: 'type:e2e',
    onlyDependOnLibsWithTags: ['type:app', 'type:infra', 'type:contracts', 'type:testing'],
  },
];
const scopeConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  ...['cities', 'partnerships', 'commissions', 'notifications', 'gateway', 'console'].map((scope) => ({
    sourceTag: `scope:${scope}`,
    onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:shared'],
  })),
];
// Contracts stay framework-free, so any team can depend on them without our stack.
const contractsBannedExternals = {
  sourceTag: 'type:contracts',
  bannedExternalImports: ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', 'class-validator', 'class-transformer'],
};

// Nx refuses any import of an application; the end-to-end projects alone (the platform's and the
// console's browser tests) may compose the apps, through the entry points they publish for them.
const APP_ENTRY_POINTS = [
  '@c2c/cities-app',
  '@c2c/partnerships-app',
  '@c2c/commissions-app',
  '@c2c/notifications-app',
  '@c2c/notifications-app/testing',
  '@c2c/gateway-app/testing',
];

const boundaries = (allowTesting, allow = []) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow,
    depConstraints: [
      ...typeConstraints.map((rule) =>
        allowTesting && rule.sourceTag !== 'type:contracts'
          ? { ...rule, onlyDependOnLibsWithTags: [...rule.onlyDependOnLibsWithTags, 'type:testing'] }
          : rule,
      ),
      ...scopeConstraints,
      contractsBannedExternals,
    ],
  },
];

// Test helpers that live beside the code they serve (`@c2c/auth/testing`, `@c2c/service/testing`) count as tests.
const testFiles = [
  '**/*.spec.ts',
  '**/*.int-spec.ts',
  '**/*.e2e-spec.ts',
  '**/test/**/*.ts',
  '**/src/testing/**/*.ts',
  '**/benchmarks/**/*.ts',
];

export default tseslint.config(
  { ignores: ['**/node_modules', '**/dist', '.local', '.nx', 'coverage', 'examples/**/node_modules'] },
  js.configs.recommended,
  ...nx.configs['flat/base'],
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': boundaries(false),
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Nest modules and DTOs are classes by design.
      '@typescript-eslint/no-extraneous-class': 'off',
      // Raw SQL results are cast at the call (`as Row[]`): TypeORM's query<T>() is the same unchecked
      // assertion in disguise, and the visible cast says so.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.object.name=/^(it|describe|test)$/][callee.property.name=/^(only|skip)$/]',
          message: 'No .only or .skip: every test runs.',
        },
      ],
      // Test helpers that live beside the code they stand in for (a token issuer in the auth library).
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@c2c/*/testing'], message: 'Test helpers are for tests only.' }] },
      ],
    },
  },
  {
    files: testFiles,
    rules: {
      'no-restricted-imports': 'off',
      '@nx/enforce-module-boundaries': boundaries(true),
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['apps/platform-e2e/**/*.ts', 'apps/console-e2e/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(true, APP_ENTRY_POINTS) },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false, project: null },
      globals: { ...globals.node },
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
