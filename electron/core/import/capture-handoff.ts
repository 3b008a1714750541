/**
 * The seam between an import and whatever captures the entries it recorded without content. The
 * core hands them to its persistent capture queue; a test or the browser bridge may keep them.
 */
export interface CaptureRequest {
  articleId: string;
  url: string;
}

export interface CaptureHandoff {
  enqueueCapture(items: readonly CaptureRequest[]): void | Promise<void>;
}

/** Queues nothing: a --no-capture import, or a core that must never reach the web. */
export const noCapture: CaptureHandoff = { enqueueCapture: () => undefined };
