/**
 * The main process, run under Node with `electron` faked (as in tests/electron/main-process.test.ts),
 * on a library while its core process rebuilds the whole search index and imports 2,000 articles.
 * Prints one JSON line: main's event-loop delay (perf_hooks) over that time. Run by bench:library;
 * alone: tsx --tsconfig tsconfig.node.json scripts/main-harness/main-loop-delay.ts --library DIR.
 * The library keeps the rebuilt index; the import is undone.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay, performance as perf } from 'node:perf_hooks';
import { channelOf } from '@shared/ipc/contract';
import { DROP_TOKEN_CHANNEL } from '@shared/ipc/drop-token';
import type { Envelope } from '@shared/ipc/envelope';
import type { ImportSummary } from '@shared/import/import-summary';
import { searchIndexPath } from '../../electron/core/library/library-layout';
import { wallabagExport } from '../../tests/support/wallabag-export';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const library = option('library');
if (!library) {
  console.error('Usage: main-loop-delay.ts --library DIR [--items 2000]');
  process.exit(2);
}
const dir = resolve(library);
const items = Number(option('items') ?? '2000');
const round = (n: number): number => Math.round(n * 10) / 10;

register('./electron-loader.mjs', import.meta.url);
const { harness } = await import('../../tests/support/fake-electron');

const scratch = await mkdtemp(join(tmpdir(), 'offprint-main-loop-'));
harness.paths.userData = join(scratch, 'userData');
process.env.OFFPRINT_LIBRARY = dir;
process.env.OFFPRINT_CONNECTOR_PORT = '0';

const APP_FRAME = { senderFrame: { url: 'offprint://app/index.html', parent: null } };
async function call<T>(method: string, ...callArgs: unknown[]): Promise<T> {
  const handler = harness.ipcHandlers.get(method === 'drop-token' ? DROP_TOKEN_CHANNEL : channelOf(method as never));
  if (!handler) throw new Error(`main answers no ${method}`);
  const envelope = (await handler(APP_FRAME, ...callArgs)) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.value;
}
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

// A full rebuild: the index is derived, so without it the core builds it from every article.
await rm(searchIndexPath(dir), { force: true });
const exportFile = join(scratch, 'wallabag.json');
await writeFile(exportFile, wallabagExport(items, 'https://bench.invalid'));

await import('../../electron/main/index');
harness.markReady();
while (harness.windows.length === 0 || !harness.ipcHandlers.has(channelOf('searchPage'))) await pause(10);
const [window] = harness.windows;
await call('listPage', { view: 'inbox', offset: 0, limit: 50 });

// perf_hooks counts the timer's own interval in each sample: the delay is what lies beyond it.
const RESOLUTION_MS = 10;
const beyond = (ns: number): number => round(Math.max(0, ns / 1e6 - RESOLUTION_MS));
// The machine's own noise first: main idle, the core idle.
const idle = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
idle.enable();
await pause(3_000);
idle.disable();

/**
 * A bystander: a plain Node process with nothing to do, measured over the same time. What it sees
 * is the machine (other processes, the core's own threads), not anything main does.
 */
function startBystander(): () => Promise<{ p99: number; max: number }> {
  const script = `const h = require('node:perf_hooks').monitorEventLoopDelay({ resolution: ${RESOLUTION_MS} });
h.enable();
process.stdin.resume();
process.stdin.on('end', () => { h.disable(); process.stdout.write(JSON.stringify({ p99: h.percentile(99), max: h.max })); });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const ended = new Promise((resolve) => child.on('exit', resolve));
  return async () => {
    child.stdin.end();
    await ended;
    return JSON.parse(out) as { p99: number; max: number };
  };
}

const stopBystander = startBystander();
const sentBefore = harness.sent.length;
const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
delay.enable();
const cpu0 = process.cpuUsage();
const elu0 = perf.eventLoopUtilization();
const t0 = performance.now();
// As the window does: shown, it warms up search (here, a full rebuild); an import is dropped on it;
// the list keeps asking for pages meanwhile.
window.emit('show');
let busy = true;
const browsing = (async () => {
  let calls = 0;
  while (busy) {
    await call('listPage', { view: 'inbox', offset: (calls++ % 20) * 50, limit: 50 });
    await pause(100);
  }
  return calls;
})();
const token = await call<string>('drop-token', exportFile);
const [summary] = await Promise.all([
  call<ImportSummary>('importFile', token),
  call('searchPage', 'the', { limit: 20 }),
]);
const busyMs = performance.now() - t0;
busy = false;
const listCalls = await browsing;
delay.disable();
const cpu = process.cpuUsage(cpu0);
const bystander = await stopBystander();
const elu = perf.eventLoopUtilization(elu0);

await call('undoImport', summary.importId);
harness.app.emit('will-quit', { preventDefault: () => undefined });
while (harness.app.quit.calls.length === 0) await pause(20);
const indexBytes = await stat(searchIndexPath(dir)).then(
  (s) => s.size,
  () => 0,
);
await rm(scratch, { recursive: true, force: true });

console.log(
  JSON.stringify({
    mainLoopDelayP99Ms: beyond(delay.percentile(99)),
    mainLoopDelayP50Ms: beyond(delay.percentile(50)),
    mainLoopDelayMaxMs: beyond(delay.max),
    mainLoopIdleP99Ms: beyond(idle.percentile(99)),
    bystanderLoopDelayP99Ms: beyond(bystander.p99),
    bystanderLoopDelayMaxMs: beyond(bystander.max),
    mainLoopBusyMs: Math.round(busyMs),
    mainLoopCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    mainLoopUtilization: Math.round(elu.utilization * 1000) / 1000,
    mainLoopEventsRelayed: harness.sent.length - sentBefore,
    mainLoopImported: summary.added,
    mainLoopListCalls: listCalls,
    mainLoopIndexRebuilt: indexBytes > 0,
  }),
);
process.exit(0);
