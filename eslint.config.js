import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', '.tmp/**'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  // The hub's layers (docs/architecture.md): only storage/ touches the file system, and only the
  // realtime layer touches Socket.IO's server (the Broadcaster owns every room).
  {
    files: ['hub/src/**/*.ts'],
    ignores: ['hub/src/storage/**', 'hub/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['fs', 'fs/promises', 'node:fs', 'node:fs/promises'].map((name) => ({ name, message: 'Files are storage/’s: use a store or a primitive from hub/src/storage.' })) }],
    },
  },
  {
    files: ['hub/src/**/*.ts'],
    ignores: ['hub/src/realtime/broadcaster.ts', 'hub/src/realtime/socket-server.ts', 'hub/src/realtime/types.ts', 'hub/src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "MemberExpression[property.name=/^(to|in|except|sockets)$/][object.name='io']", message: 'Send through the Broadcaster (realtime/broadcaster.ts): it owns every room.' }],
    },
  },
);
