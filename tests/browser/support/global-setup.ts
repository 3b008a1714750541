/** Builds the renderer and the bridge preload once per run, for every browser test file. */
import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { buildBridgePreload } from '../bridge/build-bridge-preload';
import { buildRenderer } from './build-renderer';

declare module 'vitest' {
  export interface ProvidedContext {
    rendererDir: string;
    bridgePreload: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [rendererDir, bridgePreload] = await Promise.all([buildRenderer(), buildBridgePreload()]);
  project.provide('rendererDir', rendererDir);
  project.provide('bridgePreload', bridgePreload);
  return () => rm(rendererDir, { recursive: true, force: true });
}
