/** Where the built CLI is: out/cli/offprint.js, the package's `bin`. */
export const CLI_BIN: string;
export const CLI_DIR: string;
/** Bundles the CLI and its extraction worker into out/cli. */
export function buildCli(): Promise<void>;
/** True when there is no build yet, or a source it was built from changed after it was built. */
export function cliIsStale(): boolean;
/** The esbuild plugin that has linkedom's CSS parser (cssomnom) evaluated on first use only. */
export const lazyCssParser: import('esbuild').Plugin;
/** The esbuild plugin that resolves sanitize-html's require of htmlparser2 to the ES module copy linkedom imports. */
export const oneHtmlparser2: import('esbuild').Plugin;
/** The esbuild plugin that has sanitize-html's postcss evaluated on first use only. */
export const lazyPostcss: import('esbuild').Plugin;
