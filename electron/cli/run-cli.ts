import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { OffprintError, toErrorInfo } from '@shared/ipc/envelope';
import { LIBRARY_VIEWS, type ArticleMeta, type LibraryView } from '@shared/model';
import { IMPORT_FORMAT_LABELS, type ImportProblem } from '@shared/import/import-model';
import type { ImportSummary } from '@shared/import/import-summary';
import { ARTICLE_EXPORT_FORMATS, type ArticleExportFormat } from '@shared/transfer/article-export';
import { stderrLogger, type Logger } from '../core/logger';
import type { OffprintCore } from '../core/offprint-core';
import { resolveLibraryDir } from '../core/library/library-location';
import { allowOnly, operands, parseCliArgs, type CliArgs } from './cli-args';
import { extractFiles } from './extract-files';
import { queueCommand, runQueue } from './queue-command';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** True when progress lines on stderr would reach a person. */
  interactive: boolean;
  /** For `serve`: resolves when it should stop (default: on SIGINT or SIGTERM). */
  untilStopped?: () => Promise<void>;
  /** Writes to stderr as it is (a progress bar redrawn in place); lines through err() when absent. */
  errRaw?(text: string): void;
  columns?: number;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export const USAGE = `Offprint — save web articles and read them offline.

Usage: offprint [--library DIR] <command> [options]

Commands:
  add <url>                       Save the article at <url>; prints "<id>\\t<title>".
  list [--view V] [--tag T] [--json]
                                  List saved articles, newest first (V: ${LIBRARY_VIEWS.join(', ')}; default all,
                                  which is everything outside the Trash).
  show <id> [--json]              Print an article (with --json: its metadata, content, textContent and
                                  highlights, each with its state: anchored, orphaned or pending).
  search <words>... [--json]      Find articles containing every word.
  export --format F --out PATH [--view V] [--tag T] [--no-content]
                                  Export articles (F: ${ARTICLE_EXPORT_FORMATS.join(', ')}; default view all).
                                  json of no --view or --tag is a backup: every article, Trash too;
                                  json writes bodies and images beside the file unless --no-content;
                                  markdown writes a folder; the others one file. Prints what was written.
  remove <id>                     Delete an article, its images and its highlights.
  import <file|folder> [--no-capture] [--json]
                                  Import an export (Pocket, Omnivore, Wallabag, Instapaper, Readwise,
                                  Raindrop, bookmarks HTML, Hypothesis, Web Annotations, Karakeep, Kindle,
                                  a list of links, an Offprint JSON backup), read from its content; a
                                  zip or a folder alike. A backup keeps its ids where the library does
                                  not hold its articles (into an empty library: the library as it was).
                                  Entries without content are then captured, unless --no-capture.
                                  Exit 0 when the file was understood (even with skipped rows),
                                  1 when nothing could be imported.
  serve [--port N]                Serve the browser connector on 127.0.0.1 (default port 47811, 0 for any)
                                  until interrupted; prints the port and a pairing code.
  queue [status|retry [ID...]|pause|resume] [--json]
                                  The capture queue of imported links: its counts and failures; retry
                                  failed ones; pause; resume. retry and resume capture until done.
  extract <file>... [--url URL]   Extract the article from local HTML files, one JSON line per file.
                                  The library is not touched. --url sets the page address for relative links.
  help                            Show this help.

Global options:
  --library DIR        Use the library in DIR (default: $OFFPRINT_LIBRARY, else the app's library).
  --verbose            Log what happens (info level) to stderr; by default only warnings and errors.

A damaged library index is always recovered (from a backup, else from the article folders), and you are told so.
`;

/** Runs one command line; returns the exit code. Every failure is one line on stderr. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    if (args.flags.has('help') || args.command === 'help') {
      io.out(USAGE);
      return EXIT_OK;
    }
    switch (args.command) {
      case undefined:
        throw new OffprintError('usage', 'No command given. Run "offprint help" to see the commands.');
      case 'extract':
        return await extract(args, io);
      case 'add':
      case 'list':
      case 'show':
      case 'search':
      case 'remove':
      case 'import':
      case 'export':
      case 'serve':
        return await withLibrary(argv, args, io, LIBRARY_COMMANDS[args.command]);
      case 'queue':
        return await withLibrary(argv, args, io, (core) =>
          queueCommand(core, args, { out: io.out, progress: progressOutput(io) }),
        );
      default:
        throw new OffprintError('usage', `Unknown command "${args.command}". Run "offprint help" to see the commands.`);
    }
  } catch (error) {
    const { code, message } = toErrorInfo(error);
    io.err(`offprint: ${oneLine(message)}`);
    return code === 'usage' || code === 'bad-arguments' ? EXIT_USAGE : EXIT_FAILED;
  }
}

type LibraryCommand = (core: OffprintCore, args: CliArgs, io: CliIo) => Promise<number>;

/** The core's log, on stderr: warnings and errors, and with --verbose what it does as well. */
function cliLogger(args: CliArgs, io: CliIo): Logger {
  return stderrLogger((line) => io.err(line.trimEnd()), args.flags.has('verbose') ? 'info' : 'warn');
}

const LIBRARY_COMMANDS: Record<
  'add' | 'list' | 'show' | 'search' | 'remove' | 'import' | 'export' | 'serve',
  LibraryCommand
> = {
  async add(core, args, io) {
    allowOnly(args, []);
    const [target] = operands(args, ['url|file']);
    const stop = io.interactive ? core.onCaptureProgress((p) => io.err(progressLine(p))) : () => undefined;
    try {
      const { article, existed } = isLocalPage(target) ? await core.saveFile(target) : await core.saveUrl(target);
      io.out(`${article.id}\t${article.title}${existed ? '\t(already saved)' : ''}`);
      return EXIT_OK;
    } finally {
      stop();
    }
  },

  async list(core, args, io) {
    allowOnly(args, ['json'], ['view', 'tag']);
    operands(args, []);
    const view = viewOption(args);
    const articles = await core.listArticles({ view, tag: args.options.get('tag') });
    if (args.flags.has('json')) io.out(JSON.stringify(articles, null, 2));
    else for (const a of articles) io.out(listLine(a));
    return EXIT_OK;
  },

  async show(core, args, io) {
    allowOnly(args, ['json']);
    const [id] = operands(args, ['id']);
    const article = await core.getArticle(id);
    // A lost text.txt shows the article as "content missing", as a lost content.html does.
    const textContent = await core.getArticleText(id).catch((error: unknown) => {
      if (error instanceof OffprintError && error.code === 'content-missing') return null;
      throw error;
    });
    if (args.flags.has('json')) {
      const missing = textContent === null ? { contentMissing: true } : {};
      const highlights = (await core.highlightStates(id)).map(({ highlight: h, state }) => ({
        id: h.id,
        exact: h.quote.exact,
        note: h.note,
        color: h.color,
        createdAt: h.createdAt,
        state,
        ...(h.labels ? { labels: h.labels } : {}),
      }));
      io.out(JSON.stringify({ ...article, ...missing, textContent: textContent ?? '', highlights }, null, 2));
      return EXIT_OK;
    }
    io.out(article.title);
    const about = [article.byline, article.siteName, article.publishedTime?.slice(0, 10)].filter(Boolean).join(' · ');
    if (about) io.out(about);
    io.out(article.originalUrl);
    io.out('');
    io.out(textContent === null ? CONTENT_MISSING : textContent.trim());
    return EXIT_OK;
  },

  async search(core, args, io) {
    allowOnly(args, ['json']);
    const query = operands(args, ['words'], { rest: true }).join(' ');
    const hits = await core.search(query);
    if (args.flags.has('json')) {
      io.out(
        JSON.stringify(
          hits.map((h) => ({ ...h.article, snippet: h.snippet })),
          null,
          2,
        ),
      );
    } else {
      for (const hit of hits) io.out(`${listLine(hit.article)}\n    ${hit.snippet}`);
    }
    return EXIT_OK;
  },

  async import(core, args, io) {
    allowOnly(args, ['json', 'no-capture']);
    const [path] = operands(args, ['file|folder']);
    const capture = !args.flags.has('no-capture');
    const stop = io.interactive
      ? core.onImportProgress((p) => p.stage === 'recording' && io.err(`  recorded ${p.done}/${p.total}`))
      : () => undefined;
    let summary: ImportSummary;
    try {
      summary = await core.importPath(path, { capture });
    } finally {
      stop();
    }
    if (capture && summary.queued > 0) {
      if (!args.flags.has('json')) io.err(`Capturing ${summary.queued} article(s) without content…`);
      await runQueue(core, progressOutput(io));
    }
    const imported = summary.added + summary.merged + summary.unchanged;
    if (args.flags.has('json')) {
      io.out(JSON.stringify(importJson(summary), null, 2));
    } else {
      for (const line of importLines(summary)) io.out(line);
    }
    return imported === 0 ? EXIT_FAILED : EXIT_OK;
  },

  async remove(core, args, io) {
    allowOnly(args, []);
    const [id] = operands(args, ['id']);
    const { title } = await core.getArticle(id);
    await core.deleteArticle(id);
    io.out(`Removed ${id}\t${title}`);
    return EXIT_OK;
  },

  async export(core, args, io) {
    allowOnly(args, ['no-content'], ['format', 'out', 'view', 'tag']);
    operands(args, []);
    const format = args.options.get('format');
    const out = args.options.get('out');
    if (!format || !(ARTICLE_EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new OffprintError('usage', `export needs --format, one of ${ARTICLE_EXPORT_FORMATS.join(', ')}.`);
    }
    if (!out) throw new OffprintError('usage', 'export needs --out PATH.');
    if (args.flags.has('no-content') && format !== 'json') {
      throw new OffprintError('usage', '--no-content is for --format json only.');
    }
    const outcome = await core.exportArticles(
      {
        format: format as ArticleExportFormat,
        view: args.options.has('view') ? viewOption(args) : undefined,
        tag: args.options.get('tag'),
        includeContent: !args.flags.has('no-content'),
      },
      resolve(out),
    );
    io.out(`Exported ${outcome.articles} article(s) to ${outcome.path}`);
    for (const skipped of outcome.skipped) io.err(`offprint: skipped ${skipped.id}: ${oneLine(skipped.reason)}`);
    return EXIT_OK;
  },

  async serve(core, args, io) {
    allowOnly(args, ['recover-library'], ['port']);
    operands(args, []);
    const { serveConnector, untilSignal } = await import('./serve-connector');
    await serveConnector(core, args.options.get('port'), { out: io.out, untilStopped: io.untilStopped ?? untilSignal });
    return EXIT_OK;
  },
};

function viewOption(args: CliArgs): LibraryView {
  const view = (args.options.get('view') ?? 'all') as LibraryView;
  if (!LIBRARY_VIEWS.includes(view)) {
    throw new OffprintError('usage', `--view is one of ${LIBRARY_VIEWS.join(', ')}, not "${view}".`);
  }
  return view;
}

async function withLibrary(argv: string[], args: CliArgs, io: CliIo, command: LibraryCommand): Promise<number> {
  const logger = cliLogger(args, io);
  // Loaded only here: `extract` and `help` start without the library's code.
  const { OffprintCore } = await import('../core/offprint-core');
  const core = await OffprintCore.open({ libraryDir: resolveLibraryDir(argv, io.env), logger });
  logger.info('Opened the library', { libraryDir: core.libraryDir, command: args.command });
  try {
    for (const notice of core.notices) io.err(`offprint: ${oneLine(notice)}`);
    return await command(core, args, io);
  } finally {
    await core.close();
  }
}

async function extract(args: CliArgs, io: CliIo): Promise<number> {
  allowOnly(args, ['json'], ['url']);
  const files = operands(args, ['file'], { rest: true });
  const pageUrl = args.options.get('url');
  if (pageUrl !== undefined && !URL.canParse(pageUrl)) {
    throw new OffprintError('usage', `--url "${pageUrl}" is not a web address.`);
  }
  const failed = await extractFiles(files, pageUrl, (line) => io.out(JSON.stringify(line)));
  if (failed > 0) {
    io.err(`offprint: ${failed} of ${files.length} file(s) could not be extracted (see their "error").`);
    return EXIT_FAILED;
  }
  return EXIT_OK;
}

/** A web address is saved from the web; anything that names an .html/.htm file (or is not a web address) from disk. */
function isLocalPage(target: string): boolean {
  if (/^https?:\/\//i.test(target.trim())) return false;
  return /\.(x?html?|shtml)$/i.test(target) || existsSync(target);
}

/** The --json form of an import: the summary, with skipped rows counted and listed under `errors`. */
function importJson(summary: ImportSummary) {
  const place = (p: ImportProblem) => ({
    ...(p.file ? { file: p.file } : {}),
    ...(p.line !== undefined ? { line: p.line } : {}),
    ...(p.item !== undefined ? { item: p.item } : {}),
    reason: p.reason,
  });
  return {
    importId: summary.importId,
    format: summary.format,
    entries: summary.entries,
    added: summary.added,
    merged: summary.merged,
    unchanged: summary.unchanged,
    skipped: summary.skipped.length,
    highlights: summary.highlights,
    queued: summary.queued,
    awaitingCapture: summary.awaitingCapture,
    errors: summary.skipped.map(place),
    warnings: summary.warnings.map(place),
  };
}

function importLines(summary: ImportSummary): string[] {
  const { highlights: h } = summary;
  const where = (p: ImportProblem) =>
    [p.file, p.line !== undefined ? `line ${p.line}` : p.item].filter(Boolean).join(' ') || 'file';
  return [
    `Imported ${IMPORT_FORMAT_LABELS[summary.format]}: ${summary.added} added, ${summary.merged} merged, ` +
      `${summary.unchanged} already there, ${summary.skipped.length} skipped.`,
    `Highlights: ${h.total} (${h.anchored} anchored, ${h.orphaned} orphaned, ${h.pending} pending capture; ${h.added} new).`,
    ...summary.skipped.map((p) => `  skipped ${where(p)}: ${oneLine(p.reason)}`),
    ...summary.warnings.map((p) => `  note ${where(p)}: ${oneLine(p.reason)}`),
  ];
}
/** Progress goes to stderr: a bar on a terminal, plain lines otherwise. */
export const progressOutput = (io: CliIo) => ({
  write: (text: string) => (io.errRaw ? io.errRaw(text) : io.err(text.replace(/\n$/, ''))),
  tty: io.interactive && Boolean(io.errRaw),
  columns: io.columns,
});

const listLine = (a: ArticleMeta): string => `${a.id}\t${a.savedAt.slice(0, 10)}\t${a.title}`;

function progressLine(p: { stage: string; done?: number; total?: number; message?: string }): string {
  if (p.stage === 'images' && p.total) return `  images ${p.done ?? 0}/${p.total}`;
  return p.stage === 'failed' ? `  failed` : `  ${p.stage}…`;
}

const CONTENT_MISSING =
  '(Content missing: the saved copy of this article is lost. Update it from the web to restore it.)';
const oneLine = (message: string): string => message.replace(/\s*\n\s*/g, ' ').trim();
