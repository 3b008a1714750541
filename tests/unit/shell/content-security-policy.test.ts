import { describe, expect, it } from 'vitest';
import {
  APP_CONTENT_SECURITY_POLICY,
  ASSET_CONTENT_SECURITY_POLICY,
} from '../../../electron/main/policy/content-security-policy';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('the app Content-Security-Policy', () => {
  const csp = directives(APP_CONTENT_SECURITY_POLICY);

  it('denies by default and allows only the app itself to run script and style', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('font-src')).toEqual(["'self'"]);
  });

  it('loads images only from the app, stored assets and data: URLs, and nothing from the network', () => {
    expect(csp.get('img-src')).toEqual(["'self'", 'offprint-asset:', 'data:']);
    expect(csp.get('connect-src')).toEqual(["'none'"]);
    expect(APP_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)|https?:|\*/);
  });

  it('closes base, form and framing loopholes', () => {
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('sandboxes stored assets so an SVG cannot run script', () => {
    expect(directives(ASSET_CONTENT_SECURITY_POLICY).get('default-src')).toEqual(["'none'"]);
    expect(directives(ASSET_CONTENT_SECURITY_POLICY).has('sandbox')).toBe(true);
  });
});

describe('the CSP in renderer/index.html', () => {
  it('is the header’s, less what a <meta> policy cannot carry', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const html = readFileSync(join(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)?.[1];
    expect(meta).toBeDefined();
    // frame-ancestors, report-uri and sandbox are ignored in a <meta> policy (CSP 3, §3.3).
    const headerDirectives = [...directives(APP_CONTENT_SECURITY_POLICY)].filter(
      ([name]) => !['frame-ancestors', 'report-uri', 'sandbox'].includes(name),
    );
    expect([...directives(meta!)]).toEqual(headerDirectives);
  });
});
