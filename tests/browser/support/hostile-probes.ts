/**
 * What a web page on another origin can try against the connector endpoint: fetch (with and
 * without a preflight), a no-cors post, a form post, <img> probes, and the timing of the
 * preflight. Each observation is recorded as the page sees it, so two runs can be compared.
 */
import type { Page } from 'playwright-core';

export const HOSTILE_PROBE_PAGE =
  '<!doctype html><html><head><title>Totally ordinary page</title></head><body><p>Nothing to see.</p></body></html>';

export interface ProbeResults {
  /** Everything the page could observe except timings. */
  observations: Record<string, string>;
  /** Median duration (ms) of a refused preflighted fetch, by path. */
  preflightMs: Record<string, number>;
}

export async function runHostileProbes(page: Page, probeUrl: string, port: number): Promise<ProbeResults> {
  await page.goto(probeUrl);
  return page.evaluate(async (endpoint) => {
    const observations: Record<string, string> = {};
    const outcome = (p: Promise<Response>) =>
      p.then(
        (r) => `read ${r.type} ${r.status} ${r.headers.get('content-type') ?? ''}`,
        (e: Error) => `error ${e.name}`,
      );
    const body = JSON.stringify({ url: 'https://example.com/planted', title: 'x', html: '<p>planted</p>' });
    for (const path of ['/v1/hello', '/v1/status', '/v1/save', '/v1/pair', '/nope']) {
      observations[`fetch GET ${path}`] = await outcome(fetch(endpoint + path));
      observations[`fetch JSON POST ${path}`] = await outcome(
        fetch(endpoint + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
      );
      observations[`fetch no-cors POST ${path}`] = await outcome(
        fetch(endpoint + path, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body }),
      );
      observations[`img ${path}`] = await new Promise<string>((resolve) => {
        const img = new Image();
        img.onload = () => resolve(`load ${img.naturalWidth}x${img.naturalHeight}`);
        img.onerror = () => resolve('error');
        img.src = `${endpoint}${path}?t=${Math.random()}`;
      });
    }
    // A form post (text/plain, crafted to be JSON) into a frame, which the page then tries to read.
    observations['form post'] = await new Promise<string>((resolve) => {
      const frame = document.createElement('iframe');
      frame.name = 'sink';
      document.body.append(frame);
      const form = document.createElement('form');
      form.method = 'POST';
      form.action = `${endpoint}/v1/save`;
      form.target = 'sink';
      form.enctype = 'text/plain';
      const input = document.createElement('input');
      input.name = '{"url":"https://example.com/form","title":"x","html":"<p>form</p>","pad":"';
      input.value = '"}';
      form.append(input);
      document.body.append(form);
      frame.onload = () => {
        try {
          const document = frame.contentDocument;
          resolve(document ? `readable ${document.body?.textContent}` : 'unreadable');
        } catch (e) {
          resolve(`unreadable ${(e as Error).name}`);
        }
      };
      form.submit();
    });
    const preflightMs: Record<string, number> = {};
    for (const path of ['/v1/status', '/v1/save', '/nope']) {
      const times: number[] = [];
      for (let i = 0; i < 9; i++) {
        const start = performance.now();
        await fetch(endpoint + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).catch(
          () => undefined,
        );
        times.push(performance.now() - start);
      }
      preflightMs[path] = times.sort((a, b) => a - b)[4];
    }
    return { observations, preflightMs };
  }, `http://127.0.0.1:${port}`);
}
