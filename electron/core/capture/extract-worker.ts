/** Worker-thread entry: extracts one page per message, so that a runaway parse can be killed. */
import { parentPort } from 'node:worker_threads';
import { toErrorInfo } from '@shared/ipc/envelope';
import { extractPage } from './extract-article';

export interface ExtractRequest {
  id: number;
  html: string;
  pageUrl: string;
}

parentPort?.on('message', ({ id, html, pageUrl }: ExtractRequest) => {
  try {
    parentPort?.postMessage({ id, ok: true, page: extractPage(html, pageUrl) });
  } catch (error) {
    parentPort?.postMessage({ id, ok: false, error: toErrorInfo(error) });
  }
});
