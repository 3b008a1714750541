/**
 * The WHATWG URL class, which Node and every browser provide as a global. shared/ is compiled
 * without the DOM and Node libraries (tsconfig.shared.json), so it declares the part it uses; the
 * node and web projects get the full declaration from their own libraries and do not include this file.
 */
interface URL {
  hash: string;
  host: string;
  hostname: string;
  href: string;
  readonly origin: string;
  password: string;
  pathname: string;
  port: string;
  protocol: string;
  search: string;
  username: string;
  toString(): string;
}

// A global class is declared with var, as TypeScript's own lib.dom.d.ts does.
// eslint-disable-next-line no-var
declare var URL: {
  prototype: URL;
  new (url: string | URL, base?: string | URL): URL;
};
