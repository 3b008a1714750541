// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layers (docs/ARCHITECTURE.md) are enforced with `no-restricted-imports`:
// the core and shared/ never import Electron; the renderer and shared/ never import Node.
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));
const noNode = {
  paths: nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not available in this layer.' })),
  patterns: [{ group: ['node:*'], message: 'Node built-ins are not available in this layer.' }],
};
const noElectron = {
  paths: [{ name: 'electron', message: 'This layer must not import Electron: keep it plain and testable.' }],
  patterns: [{ group: ['electron/*', '@electron/*'], message: 'This layer must not import Electron.' }],
};
const merge = (...rules) => ({
  paths: rules.flatMap((r) => r.paths ?? []),
  patterns: rules.flatMap((r) => r.patterns ?? []),
});
const outside = (dirs, message) => ({ group: dirs.map((d) => `**/${d}/**`), message });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // No import cycles anywhere. The resolver reads the tsconfigs, so imports through the `@shared/*`
    // alias are followed like relative ones.
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these, import-x reads only .js files when it follows an import.
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: 'tsconfig.json',
        }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...merge(noNode, noElectron),
          patterns: [
            ...merge(noNode, noElectron).patterns,
            outside(['electron', 'renderer'], 'shared/ depends on nothing but itself.'),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noElectron,
          patterns: [
            ...noElectron.patterns,
            outside(['main', 'preload', 'renderer'], 'The core may not reach into the Electron glue or the renderer.'),
          ],
        },
      ],
    },
  },
  {
    // The preload is the bridge: Electron's ipcRenderer/contextBridge and the shared IPC contract, nothing else.
    // It runs sandboxed, where Node built-ins are not available anyway.
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noNode,
          patterns: [
            ...noNode.patterns,
            outside(['core', 'main', 'cli', 'renderer'], 'The preload uses only Electron and shared/.'),
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...merge(noNode, noElectron),
          patterns: [
            ...merge(noNode, noElectron).patterns,
            outside(['electron'], 'The renderer talks to the main side only through window.offprint.'),
          ],
        },
      ],
    },
  },
);
