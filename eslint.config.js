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

// Direction inside the core (docs/ARCHITECTURE.md, "Direction inside the core"). Each block repeats
// the core layer's patterns, since a later block's no-restricted-imports replaces an earlier one's.
const coreLayerPatterns = [
  ...noElectron.patterns,
  outside(['main', 'preload', 'renderer'], 'The core may not reach into the Electron glue or the renderer.'),
];
const compositionRoot = {
  group: ['**/saving/**', '**/organizing/**', '**/offprint-core', '**/search-sync'],
  message:
    'Only the composition root (offprint-core.ts, search-sync.ts, saving/, organizing/) wires the core together.',
};
const coreDirection = (folder, ...patterns) => ({
  files: [`electron/core/${folder}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      { paths: noElectron.paths, patterns: [...coreLayerPatterns, compositionRoot, ...patterns] },
    ],
  },
});
const noCapture = {
  group: ['**/capture/**'],
  message: 'Capture is reached through the PageSource the composition root wires.',
};
const noFeatures = {
  group: ['**/clips/**', '**/export/**'],
  message: 'Clips and export sit above the library and search, not below them.',
};
const coreDirectionBlocks = [
  coreDirection('capture', {
    group: ['**/library/**', '**/search/**', '**/clips/**', '**/export/**'],
    message: 'capture/ turns a page into an article and depends on nothing else in the core.',
  }),
  coreDirection('library', noCapture, noFeatures, {
    group: ['**/search/**'],
    message: 'library/ depends on shared/ only; the search index follows it through search-sync.ts.',
  }),
  coreDirection('search', noCapture, noFeatures, {
    group: [
      '**/library/**',
      '!**/library/tags',
      '!**/library/list-articles',
      '!**/library/article-columns',
      '!**/library/write-file-atomic',
    ],
    message:
      'search/ reads articles through its SearchSource, never the store; it may use the library’s pure article rules.',
  }),
  coreDirection(
    '{clips,export}',
    { ...noCapture, group: [...noCapture.group, '!**/capture/image-type'] },
    {
      group: ['**/library/library-store'],
      message: 'Clips and export get what they read passed in, not the store.',
    },
  ),
];

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
  ...coreDirectionBlocks,
);
