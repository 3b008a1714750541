import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints deliberate violations as if they lived in each layer: the layer rules must fire.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules (no-restricted-imports)', () => {
  it.each([
    ['electron/core/capture/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['electron/cli/x.ts', "import { shell } from 'electron';\nexport const x = shell;\n"],
    ['shared/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['shared/x.ts', "import path from 'path';\nexport const x = path;\n"],
    ['renderer/src/x.ts', "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n"],
    ['renderer/src/x.tsx', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    [
      'renderer/src/x.ts',
      "import { OffprintCore } from '../../electron/core/offprint-core';\nexport const x = OffprintCore;\n",
    ],
    ['electron/core/x.ts', "import { x as y } from '../main/window';\nexport const x = y;\n"],
    ['electron/preload/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    [
      'electron/preload/x.ts',
      "import { OffprintCore } from '../core/offprint-core';\nexport const x = OffprintCore;\n",
    ],
    [
      'electron/preload/x.ts',
      "import { createMainWindow } from '../main/window';\nexport const x = createMainWindow;\n",
    ],
    ['electron/preload/x.ts', "import { api } from '../../renderer/src/api';\nexport const x = api;\n"],
  ])('%s refuses a forbidden import', async (file, code) => {
    expect(await restrictedImports(code, file)).not.toEqual([]);
  });

  it.each([
    ['electron/core/capture/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['electron/main/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['renderer/src/x.ts', "import { HIGHLIGHT_COLORS } from '@shared/model';\nexport const x = HIGHLIGHT_COLORS;\n"],
    ['electron/preload/x.ts', "import { contextBridge } from 'electron';\nexport const x = contextBridge;\n"],
    ['electron/preload/x.ts', "import { channelOf } from '@shared/ipc/contract';\nexport const x = channelOf;\n"],
  ])('%s allows what its layer may use', async (file, code) => {
    expect(await restrictedImports(code, file)).toEqual([]);
  });
});
