import { existsSync } from 'node:fs';
import { OffprintError, toErrorInfo } from '@shared/ipc/envelope';
import { LIBRARY_VIEWS, type ArticleMeta, type LibraryView } from '@shared/model';
import { stderrLogger, type Logger } from '../core/logger';
import { OffprintCore } from '../core/offprint-core';
import { resolveLibraryDir } from '../core/library/library-location';
import { allowOnly, operands, parseCliArgs, type CliArgs } from './cli-args';
import { extractFile } from './extract-files';
import { serveConnector, untilSignal } from './serve-connector';
import { queueCommand } from './queue-command';

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
                                  List saved articles, newest first (V: ${LIBRARY_VIEWS.join(', ')}; default all).
  show <id> [--json]              Print an article (with --json: its metadata, content and textContent).
  search <words>... [--json]      Find articles containing every word.
  remove <id>                     Delete an article, its images and its highlights.
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

const LIBRARY_COMMANDS: Record<'add' | 'list' | 'show' | 'search' | 'remove' | 'serve', LibraryCommand> = {
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
    const view = (args.options.get('view') ?? 'all') as LibraryView;
    if (!LIBRARY_VIEWS.includes(view)) {
      throw new OffprintError('usage', `--view is one of ${LIBRARY_VIEWS.join(', ')}, not "${view}".`);
    }
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
      io.out(JSON.stringify({ ...article, ...missing, textContent: textContent ?? '' }, null, 2));
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

  async remove(core, args, io) {
    allowOnly(args, []);
    const [id] = operands(args, ['id']);
    const { title } = await core.getArticle(id);
    await core.deleteArticle(id);
    io.out(`Removed ${id}\t${title}`);
    return EXIT_OK;
  },

  async serve(core, args, io) {
    allowOnly(args, ['recover-library'], ['port']);
    operands(args, []);
    await serveConnector(core, args.options.get('port'), { out: io.out, untilStopped: io.untilStopped ?? untilSignal });
    return EXIT_OK;
  },
};

async function withLibrary(argv: string[], args: CliArgs, io: CliIo, command: LibraryCommand): Promise<number> {
  const logger = cliLogger(args, io);
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
  let failed = 0;
  for (const file of files) {
    const line = await extractFile(file, pageUrl);
    if ('error' in line) failed += 1;
    io.out(JSON.stringify(line));
  }
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
