import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { protocol, type Session } from 'electron';
import { ASSET_SCHEME, resolveAssetPath } from '../core/library/asset-path';
import { errorText, type Logger } from '../core/logger';
import { APP_SCHEME } from './policy/app-origin';
import { APP_CONTENT_SECURITY_POLICY, ASSET_CONTENT_SECURITY_POLICY } from './policy/content-security-policy';
import { contentTypeFor } from './policy/content-type';
import { resolveRendererFile } from './policy/renderer-path';

/** Must run before the app is ready: both schemes behave like https (origin, secure context). */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    { scheme: ASSET_SCHEME, privileges: { standard: true, secure: true } },
  ]);
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

async function serveFile(file: string, headers: Record<string, string>, logger?: Logger): Promise<Response> {
  try {
    const body = await readFile(file);
    return new Response(body, {
      status: 200,
      headers: { 'content-type': contentTypeFor(basename(file)), 'x-content-type-options': 'nosniff', ...headers },
    });
  } catch (error) {
    // A missing image of a damaged article, say: the page shows without it.
    logger?.info('Could not serve a file to the window', { file, error: errorText(error) });
    return notFound();
  }
}

function onlyGet(request: Request): Response | null {
  return request.method === 'GET' || request.method === 'HEAD'
    ? null
    : new Response('Method not allowed', { status: 405 });
}

/** offprint://app/… → the built renderer in `rendererDir`, with the app's CSP. */
export function handleAppProtocol(session: Session, rendererDir: string, logger?: Logger): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const refused = onlyGet(request);
    if (refused) return refused;
    const file = resolveRendererFile(rendererDir, request.url);
    if (!file) return notFound();
    return serveFile(
      file,
      { 'content-security-policy': APP_CONTENT_SECURITY_POLICY, 'cache-control': 'no-cache' },
      logger,
    );
  });
}

/** offprint-asset://<article>/<file> → a stored image of the library. */
export function handleAssetProtocol(session: Session, libraryDir: string, logger?: Logger): void {
  session.protocol.handle(ASSET_SCHEME, async (request) => {
    const refused = onlyGet(request);
    if (refused) return refused;
    const file = resolveAssetPath(libraryDir, request.url);
    if (!file) return notFound();
    return serveFile(
      file,
      {
        'content-security-policy': ASSET_CONTENT_SECURITY_POLICY,
        // Stored assets never change under the same name.
        'cache-control': 'private, max-age=31536000, immutable',
      },
      logger,
    );
  });
}
