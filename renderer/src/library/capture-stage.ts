import type { CaptureProgress } from '@shared/model';

/** What the add-link field says while a page is being saved, and how far along the bar is. */
export function describeCapture(progress: CaptureProgress | null): { label: string; fraction: number } {
  switch (progress?.stage) {
    case 'extracting':
      return { label: 'Finding the article…', fraction: 0.35 };
    case 'images': {
      const { done = 0, total = 0 } = progress;
      const share = total > 0 ? done / total : 1;
      return { label: total > 0 ? `Saving images ${done}/${total}…` : 'Saving images…', fraction: 0.45 + 0.45 * share };
    }
    case 'saving':
      return { label: 'Saving to your library…', fraction: 0.95 };
    case 'done':
      return { label: 'Saved', fraction: 1 };
    case 'fetching':
    default:
      return { label: 'Fetching the page…', fraction: 0.12 };
  }
}
