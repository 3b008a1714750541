/**
 * The one flow that brings a page into the library, for a save and an update alike: staging
 * folder → capture (with progress) → keep (commit or replace) → done; on any failure the staging
 * folder is removed, the failure is reported as progress and thrown.
 */
import type { OffprintError } from '@shared/ipc/envelope';
import type { CaptureProgress } from '@shared/model';
import type { CapturedArticle, FetchLimits } from '../capture/capture-url';
import { ASSET_SCHEME, assetUrl } from '../library/asset-path';
import type { LibraryStore, Staging } from '../library/library-store';
import { errorText, type Logger } from '../logger';
import type { PageLocation, PageSource } from './page-source';
import type { ProgressBus } from './progress-bus';

export interface CaptureFlowDeps {
  store: LibraryStore;
  pages: PageSource;
  progress: ProgressBus;
  logger: Logger;
  limits?: Partial<FetchLimits>;
}

export interface CaptureJob<T> {
  /** The address progress events are reported under. */
  progressUrl: string;
  location: PageLocation;
  /** The article id the stored HTML addresses its pictures under. */
  assetOwner(staging: Staging): string;
  /** Stores the capture (its files are in `staging`). */
  keep(staging: Staging, captured: CapturedArticle): Promise<T>;
  /** What the caller is told when anything failed. */
  failure(error: unknown): OffprintError;
}

export async function runCapture<T>(deps: CaptureFlowDeps, job: CaptureJob<T>): Promise<T> {
  const emit = (p: Omit<CaptureProgress, 'url'>): void => deps.progress.emit({ ...p, url: job.progressUrl });
  let staging: Staging | null = null;
  try {
    staging = await deps.store.beginStaging();
    const owner = job.assetOwner(staging);
    const captured = await deps.pages.capture(job.location, {
      assetsDir: staging.assetsDir,
      assetUrl: (fileName) => assetUrl(owner, fileName),
      onProgress: (p) => emit(p),
      limits: deps.limits,
      logger: deps.logger,
    });
    emit({ stage: 'saving' });
    const result = await job.keep(staging, captured);
    emit({ stage: 'done' });
    return result;
  } catch (error) {
    if (staging) await discard(deps, staging);
    const failure = job.failure(error);
    emit({ stage: 'failed', message: failure.message });
    throw failure;
  }
}

/** The cover image, only when it was stored in the library (never a remote address). */
export function storedLeadImage(captured: CapturedArticle): string | null {
  return captured.leadImage?.startsWith(`${ASSET_SCHEME}:`) ? captured.leadImage : null;
}

async function discard(deps: CaptureFlowDeps, staging: Staging): Promise<void> {
  try {
    await deps.store.discardStaging(staging);
  } catch (error) {
    // The next open sweeps staging leftovers; the failure the user sees is the capture's.
    deps.logger.warn('Could not remove a staging folder', { dir: staging.dir, error: errorText(error) });
  }
}
