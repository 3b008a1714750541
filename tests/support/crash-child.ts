/**
 * The child side of the crash tests: one JSON line per event on stdout, and the core opened with
 * the capture queue working, printing a line as each page is captured.
 */
import { OffprintCore } from '../../electron/core/offprint-core';

export const say = (line: object): void => void process.stdout.write(`${JSON.stringify(line)}\n`);

export async function openCapturingCore(dir: string): Promise<OffprintCore> {
  const core = await OffprintCore.open({
    libraryDir: dir,
    startCaptureQueue: true,
    captureQueue: { perOriginDelayMs: 0 },
    limits: { connectTimeoutMs: 2_000, totalTimeoutMs: 5_000, stallTimeoutMs: 2_000 },
  });
  core.onCaptured((id) => say({ type: 'captured', id }));
  return core;
}
