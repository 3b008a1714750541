import type { LibraryApi } from '@shared/ipc/contract';
import { toErrorInfo } from '@shared/ipc/envelope';
import type { CaptureProgress, SaveResult } from '@shared/model';
import type { Logger } from '../core/logger';

export interface SavingCore {
  saveUrl: LibraryApi['saveUrl'];
  onCaptureProgress(listener: (progress: CaptureProgress) => void): () => void;
}

/**
 * Saves a URL given on the command line. The window follows the capture through the
 * core's progress events; this makes sure it hears the outcome even when the core fails
 * before reporting anything, or when the page was already saved.
 */
export async function saveFromCommandLine(
  core: SavingCore,
  url: string,
  notify: (progress: CaptureProgress) => void,
  logger?: Logger,
): Promise<SaveResult | null> {
  let finished = false;
  const stop = core.onCaptureProgress((progress) => {
    if (progress.url === url && (progress.stage === 'done' || progress.stage === 'failed')) finished = true;
  });
  try {
    const result = await core.saveUrl(url);
    if (!finished) notify({ url, stage: 'done' });
    return result;
  } catch (error) {
    const { code, message } = toErrorInfo(error);
    logger?.warn('Could not save the URL from the command line', { url, code, error: message });
    if (!finished) notify({ url, stage: 'failed', message });
    return null;
  } finally {
    stop();
  }
}
