/**
 * A browser that runs a page's scripts and hands back the DOM they built: the core's way to read
 * pages that need JavaScript, kept behind this interface so that the core never imports Electron.
 * The app implements it with a hidden, sandboxed window (electron/main/electron-page-renderer.ts).
 */
export interface RenderedDocument {
  /** Where the page ended up. */
  url: string;
  /** document.documentElement.outerHTML once the page went quiet (or the budget ran out). */
  html: string;
}

export interface PageRenderer {
  render(url: string, options: { budgetMs: number }): Promise<RenderedDocument>;
}

/** The most a page is given to build itself. */
export const RENDER_BUDGET_MS = 20_000;
/** The network counts as idle after this long without a request in flight. */
export const NETWORK_IDLE_MS = 500;
