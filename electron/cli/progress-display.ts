/**
 * How a long run (an import's captures, the queue) shows its progress: a bar redrawn in place
 * on a terminal, plain lines now and then otherwise (a log, a pipe), so neither fills up with noise.
 */
import type { CaptureQueueStatus } from '@shared/queue/capture-queue';

export interface ProgressOutput {
  /** Writes text as it is (no newline added). */
  write(text: string): void;
  /** A terminal: the bar is redrawn in place. */
  tty: boolean;
  columns?: number;
  now?: () => number;
}

export interface ProgressDisplay {
  update(status: CaptureQueueStatus): void;
  /** Draws the last state and ends the line. */
  finish(status: CaptureQueueStatus): void;
}

const PLAIN_EVERY_MS = 2_000;
const TTY_EVERY_MS = 100;

export function progressDisplay(output: ProgressOutput): ProgressDisplay {
  const now = output.now ?? (() => Date.now());
  let lastAt = -Infinity;
  let lastLine = '';
  const draw = (status: CaptureQueueStatus, force: boolean): void => {
    const at = now();
    if (!force && at - lastAt < (output.tty ? TTY_EVERY_MS : PLAIN_EVERY_MS)) return;
    const line = output.tty ? barLine(status, output.columns ?? 80) : summaryLine(status);
    if (!output.tty && line === lastLine) return;
    lastAt = at;
    lastLine = line;
    output.write(output.tty ? `\r\x1b[K${line}` : `${line}\n`);
  };
  return {
    update: (status) => draw(status, false),
    finish: (status) => {
      draw(status, true);
      if (output.tty) output.write('\n');
    },
  };
}

/** "1,200/2,000 captured · 3 failed · 1 gone · about 2 min left" */
export function summaryLine(status: CaptureQueueStatus): string {
  const { counts } = status;
  const finished = counts.done + counts.failed + counts.gone + counts.cancelled;
  const parts = [`${finished}/${status.total} finished`, `${counts.done} captured`];
  if (counts.failed) parts.push(`${counts.failed} failed`);
  if (counts.gone) parts.push(`${counts.gone} gone`);
  if (counts.cancelled) parts.push(`${counts.cancelled} cancelled`);
  if (status.paused) parts.push('paused');
  else if (counts.queued + counts.capturing > 0) parts.push(timeLeft(status.etaSeconds));
  return parts.join(' · ');
}

function barLine(status: CaptureQueueStatus, columns: number): string {
  const summary = summaryLine(status);
  const width = Math.max(10, Math.min(40, columns - summary.length - 4));
  const { counts } = status;
  const finished = counts.done + counts.failed + counts.gone + counts.cancelled;
  const filled = status.total ? Math.round((finished / status.total) * width) : width;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${summary}`;
}

export function timeLeft(seconds: number | null): string {
  if (seconds === null) return 'estimating time left';
  if (seconds < 60) return `about ${Math.max(1, seconds)} s left`;
  if (seconds < 3_600) return `about ${Math.round(seconds / 60)} min left`;
  return `about ${Math.round(seconds / 360) / 10} h left`;
}
