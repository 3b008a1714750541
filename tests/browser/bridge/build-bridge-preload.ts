import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';

const repo = resolve(import.meta.dirname, '../../..');

/** Bundles bridge-preload.ts into one IIFE script for page.addInitScript. */
export async function buildBridgePreload(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: { '@shared': resolve(repo, 'shared') } },
    build: {
      write: false,
      minify: false,
      lib: { entry: resolve(import.meta.dirname, 'bridge-preload.ts'), formats: ['iife'], name: 'offprintBridge' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('The bridge preload build produced no script');
  return chunk.code;
}
