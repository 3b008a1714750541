/**
 * The app's Content-Security-Policy, sent as a header with every page of the built renderer.
 * Article HTML is sanitized before it is stored, and this is the second line: no inline or
 * remote script, no network access, images only from the app, stored assets and data: URLs.
 */
export const APP_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' offprint-asset: data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** For stored article assets: an image, never a document that could run anything. */
export const ASSET_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
