import { join } from 'node:path';
import type { CaptureOptions } from '../../electron/core/capture/capture-url';

/**
 * Options for one capture after another, each storing its images in a fresh folder under
 * `folder()`. Limits given to a call are laid over the `limits` given here.
 */
export function captureOptionsUnder(folder: () => string, limits: CaptureOptions['limits'] = {}) {
  let count = 0;
  return (extra: Partial<CaptureOptions> = {}): CaptureOptions => {
    const id = `c${++count}`;
    return {
      assetsDir: join(folder(), id),
      assetUrl: (name) => `offprint-asset://${id}/${name}`,
      ...extra,
      limits: { ...limits, ...extra.limits },
    };
  };
}

/** The error a capture failed with; a capture that succeeds fails the test. */
export async function captureFailure(capture: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await capture;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected the capture to fail');
}
