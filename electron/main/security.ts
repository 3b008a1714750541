import { app, shell, type Session, type WebContents } from 'electron';
import { isAllowedRendererRequest } from './policy/app-origin';
import { isAllowedExternalUrl } from './policy/external-url';

/**
 * The renderer shows content from the web, so every web contents is locked down:
 * it can never navigate away from the app, open windows, or embed a <webview>.
 * Link clicks reach the system browser only through the openExternal call.
 */
function lockDownWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function lockDownAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents));
}

/** Denies every permission (camera, notifications, geolocation, …) and every request to the network. */
export function lockDownSession(session: Session, devServerUrl?: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (details, callback) => callback({ cancel: !isAllowedRendererRequest(details.url, devServerUrl) }),
  );
}
