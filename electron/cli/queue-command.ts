/**
 * `offprint queue [status|retry|pause|resume] [--json]`: the capture queue from the command line.
 * retry and resume work the queue until nothing is left to capture, showing progress on stderr.
 */
import { OffprintError } from '@shared/ipc/envelope';
import type { OffprintCore } from '../core/offprint-core';
import { allowOnly, type CliArgs } from './cli-args';
import { progressDisplay, summaryLine, type ProgressOutput } from './progress-display';

export interface QueueIo {
  out(text: string): void;
  progress: ProgressOutput;
}

const ACTIONS = ['status', 'retry', 'pause', 'resume'] as const;

export async function queueCommand(core: OffprintCore, args: CliArgs, io: QueueIo): Promise<number> {
  allowOnly(args, ['json']);
  const [action = 'status', ...ids] = args.positionals;
  if (!(ACTIONS as readonly string[]).includes(action)) {
    throw new OffprintError('usage', `queue takes one of ${ACTIONS.join(', ')}, not "${action}".`);
  }
  if (ids.length > 0 && action !== 'retry') throw new OffprintError('usage', `queue ${action} takes no ids.`);
  if (action === 'pause') await core.pauseCaptureQueue();
  if (action === 'resume') await core.resumeCaptureQueue();
  if (action === 'retry') await core.retryCapture(ids.length ? ids : undefined);
  if (action === 'retry' || action === 'resume') await runQueue(core, io.progress);
  return report(core, args.flags.has('json'), io);
}

/** Works the queue until it is idle, drawing progress. */
export async function runQueue(core: OffprintCore, output: ProgressOutput): Promise<void> {
  const display = progressDisplay(output);
  const stop = core.onCaptureQueueChange((status) => display.update(status));
  try {
    core.startCaptureQueue();
    await core.captureQueueIdle();
  } finally {
    stop();
  }
  display.finish(await core.captureQueueStatus());
}

async function report(core: OffprintCore, json: boolean, io: QueueIo): Promise<number> {
  const status = await core.captureQueueStatus();
  const problems = await core.listCaptureQueue({ statuses: ['failed', 'gone'], limit: 10_000 });
  if (json) {
    io.out(JSON.stringify({ ...status, problems }, null, 2));
    return 0;
  }
  io.out(status.total === 0 ? 'The capture queue is empty.' : summaryLine(status));
  for (const item of problems) io.out(`${item.status}\t${item.articleId}\t${item.url}\t${item.reason ?? ''}`);
  if (problems.length > 0) io.out('Run "offprint queue retry [ID...]" to try them again.');
  return 0;
}
